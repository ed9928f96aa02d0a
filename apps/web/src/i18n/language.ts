/** Chinese first; English for volunteers and staff who read it better. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'zh-CN';
const STORAGE_KEY = 'linli.language';

/** localStorage's shape (named here so pure code and its tests need no DOM types). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language chosen before on this device, else Chinese. */
export function rememberedLanguage(storage: Pick<KeyValueStore, 'getItem'> | undefined): Language {
  try {
    const stored = storage?.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE; // storage blocked (private mode): not remembered, still usable
  }
}

export function rememberLanguage(
  storage: Pick<KeyValueStore, 'setItem'> | undefined,
  language: Language,
): void {
  try {
    storage?.setItem(STORAGE_KEY, language);
  } catch {
    // not remembered; the switch still applies to this visit
  }
}
