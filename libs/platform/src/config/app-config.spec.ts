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
      shutdownGraceSeconds: 10,
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

  it('in production seeds no demo community unless SEED_DEMO=true is said, even on the embedded database', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) };
    expect(loadConfig(production).seedDemo).toBe(false);
    expect(loadConfig({ ...production, SEED_DEMO: 'false' }).seedDemo).toBe(false);
    expect(loadConfig({ ...production, SEED_DEMO: 'true' }).seedDemo).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development' }).seedDemo).toBe(true);
  });

  it('serves the dev mailbox only outside production and without SMTP_URL', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) };
    expect(loadConfig({}).mail.devMailbox).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).mail.devMailbox).toBe(true);
    expect(loadConfig({ SMTP_URL: 'smtp://mail.example.cn:25' }).mail.devMailbox).toBe(false);
    expect(loadConfig(production).mail.devMailbox).toBe(false);
    expect(loadConfig({ ...production, SEED_DEMO: 'true' }).mail.devMailbox).toBe(false);
  });

  it('honours SEED_DEMO=false, HOST and PORT', () => {
    expect(loadConfig({ SEED_DEMO: 'false', HOST: '0.0.0.0', PORT: '8080' })).toMatchObject({
      seedDemo: false,
      http: { host: '0.0.0.0', port: 8080 },
    });
  });

  it('takes SHUTDOWN_GRACE_SECONDS as whole seconds from 0 to 600', () => {
    expect(loadConfig({ SHUTDOWN_GRACE_SECONDS: '25' }).shutdownGraceSeconds).toBe(25);
    expect(loadConfig({ SHUTDOWN_GRACE_SECONDS: '0' }).shutdownGraceSeconds).toBe(0);
    for (const invalid of ['-1', '601', '2.5', 'soon']) {
      expect(() => loadConfig({ SHUTDOWN_GRACE_SECONDS: invalid })).toThrow(/SHUTDOWN_GRACE_SECONDS/);
    }
  });

  it('takes MAIL_LEASE_SECONDS as whole seconds from 10 to 3600 (default 120)', () => {
    expect(loadConfig({}).mail.leaseSeconds).toBe(120);
    expect(loadConfig({ MAIL_LEASE_SECONDS: '20' }).mail.leaseSeconds).toBe(20);
    for (const invalid of ['9', '3601', '12.5']) {
      expect(() => loadConfig({ MAIL_LEASE_SECONDS: invalid })).toThrow(/MAIL_LEASE_SECONDS/);
    }
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

  it.each([
    [undefined, false],
    ['false', false],
    ['0', 0],
    ['2', 2],
    ['true', 1],
    ['yes', 1],
    ['10.0.0.1', ['10.0.0.1']],
    ['loopback, 10.20.0.0/16 ,fd00::/8', ['loopback', '10.20.0.0/16', 'fd00::/8']],
    ['172.16.0.1,uniquelocal,linklocal', ['172.16.0.1', 'uniquelocal', 'linklocal']],
  ])('reads TRUST_PROXY=%s as %j (a hop count or proxy addresses; never every hop)', (value, expected) => {
    expect(loadConfig({ TRUST_PROXY: value }).http.trustProxy).toEqual(expected);
  });

  it.each([
    '-1',
    '1.5',
    'every',
    '10.0.0.0/33',
    '300.1.1.1',
    'fd00::/129',
    '10.0.0.1,,',
    'loopback;10.0.0.1',
  ])('refuses TRUST_PROXY=%s at boot', (value) => {
    expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: value })).toThrow('TRUST_PROXY');
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).database.url).toBeUndefined();
  });
});
