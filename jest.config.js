// Five tiers, one command: unit (*.spec.ts, pure), integration (*.int-spec.ts, real PostgreSQL),
// e2e (*.e2e-spec.ts, HTTP through supertest on real PostgreSQL), resilience and browser (below).
// Each database test file gets its own database cloned from a migrated template
// (test/support/test-database.ts).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

// ES-module-only dependencies are compiled to CommonJS for jest (Node itself loads them with require()).
const ESM_PACKAGES = ['temporal-polyfill', 'temporal-spec', 'temporal-utils'];

const shared = {
  transform: { '^.+\\.ts$': swc, '^.+\\.js$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  moduleNameMapper: {
    '^@linli/platform/domain-error$': '<rootDir>/libs/platform/src/errors/pure.ts',
    '^@linli/([a-z-]+)/testing$': '<rootDir>/libs/$1/src/testing',
    '^@linli/([a-z-]+)$': '<rootDir>/libs/$1/src',
  },
  testEnvironment: 'node',
  rootDir: __dirname,
};

module.exports = {
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  testTimeout: 60_000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,test}/**/*.spec.ts'] },
    { ...shared, displayName: 'integration', testMatch: ['<rootDir>/{apps,libs,test}/**/*.int-spec.ts'] },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/{apps,libs,test}/**/*.e2e-spec.ts'] },
    // Real processes (API, worker, a PostgreSQL the test can stop, an SMTP sink): test/resilience.
    {
      ...shared,
      displayName: 'resilience',
      testMatch: ['<rootDir>/test/resilience/**/*.resilience-spec.ts'],
    },
    // Real Chromium driving the built web app: test/browser (skipped loudly without Chromium).
    { ...shared, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'] },
  ],
};
