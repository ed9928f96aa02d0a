import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import type { OpenAPI3 } from 'openapi-typescript';
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';

/** The committed types the web app compiles against (apps/web/src/api/client.ts imports them). */
export const API_SCHEMA_FILE = join(__dirname, '..', 'src', 'api', 'schema.d.ts');

const HEADER =
  '// Generated from the API’s OpenAPI document by `npm run generate:api` (apps/web/scripts).\n' +
  '// apps/web/scripts/api-schema.e2e-spec.ts fails when this file and the API disagree.\n';

/**
 * The API's OpenAPI document, as `/api/docs-json` serves it, from an application that was built
 * but never listened (supertest binds an ephemeral loopback port only for the one request).
 */
export async function openApiDocumentOf(app: INestApplication): Promise<OpenAPI3> {
  const response = await request(app.getHttpServer()).get('/api/docs-json');
  if (response.status !== 200) throw new Error(`/api/docs-json answered ${response.status}`);
  return response.body as OpenAPI3;
}

/** TypeScript types for openapi-fetch: deterministic for a given document (see openapi-types.cjs). */
export function apiSchemaSource(document: OpenAPI3): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [join(__dirname, 'openapi-types.cjs')],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(HEADER + stdout),
    );
    child.stdin!.end(JSON.stringify(document));
  });
}

export function committedApiSchema(): string {
  return readFileSync(API_SCHEMA_FILE, 'utf8');
}
