import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { registeredErrorCodes } from '@linli/platform';
import { CONTEXTS } from '../../config/contexts';

/** Codes thrown as `new DomainError('CODE', ...)` or through a context's typed `xError('CODE', ...)`. */
function thrownCodes(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      for (const [code, file] of thrownCodes(path)) found.set(code, file);
    } else if (path.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(path)) {
      for (const match of readFileSync(path, 'utf8').matchAll(
        /(?:new DomainError(?:<[^>]*>)?|\b[a-z]\w*Error)\(\s*'([A-Z][A-Z0-9_]+)'/g,
      )) {
        found.set(match[1], path);
      }
    }
  }
  return found;
}

/** Errors are owned by their context (architecture rule 4): each declares its codes next to its domain. */
describe('error codes', () => {
  it('are declared by the context that throws them, or shared by platform', () => {
    const registry = registeredErrorCodes();
    const wrong: string[] = [];
    for (const context of readdirSync('libs')) {
      for (const [code, file] of thrownCodes(join('libs', context, 'src'))) {
        const owner = registry.get(code)?.context;
        if (owner !== context && owner !== 'platform')
          wrong.push(`${file}: ${code} (declared by ${owner ?? 'nobody'})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('each have a 4xx/5xx status and a Chinese and an English title', () => {
    for (const [code, { status, zh, en }] of registeredErrorCodes()) {
      expect([code, status >= 400 && status < 600]).toEqual([code, true]);
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(en).toMatch(/[A-Za-z]/);
    }
  });

  it('are registered by every context the application lists', () => {
    const contexts = new Set([...registeredErrorCodes().values()].map((entry) => entry.context));
    for (const context of CONTEXTS) {
      if (Object.keys(context.errorCodes).length) expect(contexts).toContain(context.name);
    }
  });
});
