// ts-node's module paths for `@linli/<context>` and `@linli/<context>/testing`, one pair per
// folder under libs/ (tsconfig says the same with wildcards, which tsconfig-paths 4 mis-resolves
// for a pattern with text after the `*`). Used by `npm run bench` and the migration script.
const { readdirSync } = require('node:fs');
const { join } = require('node:path');
const { register } = require('tsconfig-paths');

const root = join(__dirname, '..');
const paths = { '@linli/platform/domain-error': ['libs/platform/src/errors/pure.ts'] };
for (const context of readdirSync(join(root, 'libs'))) {
  paths[`@linli/${context}/testing`] = [`libs/${context}/src/testing`];
  paths[`@linli/${context}`] = [`libs/${context}/src`];
}
register({ baseUrl: root, paths });
