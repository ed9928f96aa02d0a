import { DEFAULT_LANGUAGE, rememberLanguage, rememberedLanguage, type KeyValueStore } from './language';

const memory = (): KeyValueStore & { values: Map<string, string> } => {
  const values = new Map<string, string>();
  return {
    values,
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
  };
};

describe('the remembered language', () => {
  it('is Chinese until one is chosen, then the one chosen', () => {
    const storage = memory();
    expect(rememberedLanguage(storage)).toBe('zh-CN');
    rememberLanguage(storage, 'en');
    expect(rememberedLanguage(storage)).toBe('en');
  });

  it('ignores what it does not know and works when storage is blocked', () => {
    const storage = memory();
    storage.values.set('linli.language', 'fr');
    expect(rememberedLanguage(storage)).toBe(DEFAULT_LANGUAGE);
    const blocked: KeyValueStore = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(rememberedLanguage(blocked)).toBe(DEFAULT_LANGUAGE);
    expect(() => rememberLanguage(blocked, 'en')).not.toThrow();
  });
});
