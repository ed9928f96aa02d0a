import { startTestApi, type TestApi } from '../../../test/support/test-api';
import { apiSchemaSource, committedApiSchema, openApiDocumentOf } from './api-schema';

/**
 * "A build fails when web and API disagree": the web app compiles against the committed
 * apps/web/src/api/schema.d.ts (`npm run build:web` runs tsc on it), and this test fails as soon as
 * the API's OpenAPI document would generate anything else.
 */
describe('the web app’s API types', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('are what the API’s OpenAPI document generates now (else: npm run generate:api)', async () => {
    const generated = await apiSchemaSource(await openApiDocumentOf(api.app));
    const committed = committedApiSchema();
    if (generated !== committed) {
      const generatedLines = generated.split('\n');
      const committedLines = committed.split('\n');
      const line = generatedLines.findIndex((text, i) => text !== committedLines[i]);
      throw new Error(
        `apps/web/src/api/schema.d.ts is out of date with the API: run \`npm run generate:api\` ` +
          `(first difference at line ${line + 1}: API ${JSON.stringify(generatedLines[line])}, ` +
          `committed ${JSON.stringify(committedLines[line])})`,
      );
    }
  });
});
