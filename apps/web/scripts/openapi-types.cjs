// Reads an OpenAPI document (JSON) on stdin and writes openapi-typescript's types on stdout.
// A separate Node process: openapi-typescript loads ES modules that jest's module system cannot,
// so the generator (generate-api-schema.ts) and the check (api-schema.e2e-spec.ts) both run this.
const { default: openapiTS, astToString, COMMENT_HEADER } = require('openapi-typescript');

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', async () => {
  try {
    const ast = await openapiTS(JSON.parse(input), { alphabetize: true, silent: true });
    process.stdout.write(COMMENT_HEADER + astToString(ast));
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
});
