/**
 * What tests touch inside the page, typed by hand: the root tsconfig compiles Node code and has no
 * DOM types. Use as `(globalThis as unknown as PageGlobals)` inside `page.evaluate` callbacks (a
 * cast only: nothing of this module runs in the browser).
 */
export interface PageStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface PageGlobals {
  localStorage: PageStorage;
  sessionStorage: PageStorage;
  document: { fonts: { ready: Promise<unknown> } };
  axe: { run(context: unknown, options: object): Promise<{ violations: unknown[] }> };
}

export interface PageImage {
  complete: boolean;
  naturalWidth: number;
}
