// Compiles TypeScript sources with @swc/core as Node loads them (no type check), with the same
// options as jest.config.js. Resilience tests start real API and worker processes with it:
// `node -r ./swc-register.cjs -r ../../../scripts/register-paths.cjs apps/api/src/main.ts`
// starts in about a quarter of the time ts-node's transpile-only mode takes here.
const { transformSync } = require('@swc/core');
const Module = require('node:module');
const { readFileSync } = require('node:fs');

const options = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs', ignoreDynamic: true },
  sourceMaps: 'inline',
};

Module._extensions['.ts'] = function compileTypeScript(module, filename) {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...options, filename });
  module._compile(code, filename);
};
