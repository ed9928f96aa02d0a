import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment: embedded database, migrate and seed on start', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      env: 'development',
      http: { host: '127.0.0.1', port: 3000 },
      database: { url: undefined, migrateOnStart: true },
      dataDir: './.data',
      seedDemo: true,
      auth: { accessTokenTtlSeconds: 900 },
    });
  });

  it('with DATABASE_URL neither migrates nor seeds unless asked', () => {
    const config = loadConfig({ DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/linli' });
    expect(config.database).toMatchObject({
      url: 'postgresql://postgres@127.0.0.1:5432/linli',
      migrateOnStart: false,
    });
    expect(config.seedDemo).toBe(false);
    expect(
      loadConfig({ DATABASE_URL: 'postgres://h/db', MIGRATE_ON_START: 'true', SEED_DEMO: 'true' }),
    ).toMatchObject({
      database: { migrateOnStart: true },
      seedDemo: true,
    });
  });

  it('honours SEED_DEMO=false, HOST and PORT', () => {
    expect(loadConfig({ SEED_DEMO: 'false', HOST: '0.0.0.0', PORT: '8080' })).toMatchObject({
      seedDemo: false,
      http: { host: '0.0.0.0', port: 8080 },
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x/y' }, 'DATABASE_URL'],
    [{ SEED_DEMO: 'maybe' }, 'SEED_DEMO'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ NODE_ENV: 'production' }, 'JWT_SECRET'],
  ])('refuses %j at boot, naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).database.url).toBeUndefined();
  });
});
