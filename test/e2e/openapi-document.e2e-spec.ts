import { registeredErrorCodes } from '@linli/platform';
import { startTestApi, TestApi } from '../support/test-api';

/**
 * Issue 12: the OpenAPI document is what the web app's client is generated from, so it must say
 * what every operation is and how it can fail. Walks /api/docs-json: every operation has a summary
 * and documents its 4xx answers as problem+json with the codes it can answer; every instant an
 * answer carries is documented with its offset; public operations ask for no token.
 */

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  pattern?: string;
  enum?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  allOf?: Schema[];
  oneOf?: Schema[];
}
interface Operation {
  summary?: string;
  operationId?: string;
  parameters?: { in: string; name: string }[];
  requestBody?: { required?: boolean };
  security?: unknown[];
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};

/** Operations with neither input nor login: nothing a client sends can be refused (200 or 503 only). */
const NO_CLIENT_ERRORS = new Set(['GET /health', 'GET /health/ready', 'GET /api/v1/public/communities']);

function operations(doc: Document): [string, Operation][] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(
      ([method, op]) => [`${method.toUpperCase()} ${path}`, op] as [string, Operation],
    ),
  );
}

/** The codes a problem response lists (the `code` enum of its schema). */
function codesOf(doc: Document, schema: Schema | undefined): string[] {
  if (!schema) return [];
  if (schema.$ref) return codesOf(doc, doc.components.schemas[schema.$ref.split('/').pop()!]);
  return [
    ...(schema.properties?.code?.enum ?? []),
    ...(schema.allOf ?? []).flatMap((part) => codesOf(doc, part)),
  ];
}

describe('the OpenAPI document', () => {
  let api: TestApi;
  let doc: Document;

  beforeAll(async () => {
    api = await startTestApi();
    doc = (await api.http.get('/api/docs-json').expect(200)).body as Document;
  });
  afterAll(() => api.close());

  it('covers the API (a guard against walking an empty document)', () => {
    expect(operations(doc).length).toBeGreaterThan(80);
  });

  it('gives every operation a summary', () => {
    const without = operations(doc)
      .filter(([, op]) => !op.summary?.trim())
      .map(([name]) => name);
    expect(without).toEqual([]);
  });

  it('documents the 4xx answers of every operation that can refuse a client', () => {
    const without = operations(doc)
      .filter(([name]) => !NO_CLIENT_ERRORS.has(name))
      .filter(([, op]) => !Object.keys(op.responses).some((status) => /^4\d\d$/.test(status)))
      .map(([name]) => name);
    expect(without).toEqual([]);
  });

  it('writes every error answer as problem+json listing codes that exist with that status', () => {
    const registry = registeredErrorCodes();
    const wrong: string[] = [];
    for (const [name, op] of operations(doc)) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) < 400) continue;
        const codes = codesOf(doc, response.content?.['application/problem+json']?.schema);
        if (!codes.length) wrong.push(`${name} ${status}: no problem+json codes`);
        for (const code of codes) {
          if (registry.get(code)?.status !== Number(status))
            wrong.push(`${name} ${status}: ${code} is ${registry.get(code)?.status ?? 'not declared'}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('says where login is needed: 401 documented for every secured operation, no token for public ones', () => {
    const wrong: string[] = [];
    for (const [name, op] of operations(doc)) {
      const secured = (op.security?.length ?? 0) > 0;
      const has401 = codesOf(doc, op.responses['401']?.content?.['application/problem+json']?.schema);
      if (secured && !has401.includes('UNAUTHENTICATED')) wrong.push(`${name}: secured without 401`);
      if (!secured && has401.includes('UNAUTHENTICATED')) wrong.push(`${name}: public but 401`);
    }
    expect(wrong).toEqual([]);
    // Spot checks: login and the resident pages need no token; the rota does.
    const security = (path: string) => doc.paths[path].get?.security ?? doc.paths[path].post?.security;
    expect(security('/api/v1/auth/login')).toBeUndefined();
    expect(security('/api/v1/public/communities/{slug}/estates')).toBeUndefined();
    expect(security('/api/v1/reminders/unsubscribe')).toBeUndefined();
    expect(security('/api/v1/rota')).toEqual([{ bearer: [] }]);
  });

  it("documents each operation's own codes, and the role refusal under @Roles", () => {
    const codes = (name: string, status: string) => {
      const [method, path] = name.split(' ');
      const op = doc.paths[path][method.toLowerCase()];
      return codesOf(doc, op.responses[status]?.content?.['application/problem+json']?.schema);
    };
    expect(codes('POST /api/v1/shifts/{id}/claims', '409')).toEqual(
      expect.arrayContaining(['SHIFT_FULL', 'CLAIM_OVERLAPS', 'ALREADY_CLAIMED', 'IDEMPOTENCY_IN_PROGRESS']),
    );
    expect(codes('POST /api/v1/shifts/{id}/claims', '404')).toEqual(['NOT_FOUND']);
    expect(codes('POST /api/v1/shifts', '403')).toEqual(['FORBIDDEN']);
    expect(codes('POST /api/v1/reservations/{id}/shrink', '409')).toEqual(
      expect.arrayContaining(['RESERVATION_BELOW_ASSIGNED', 'RESERVATION_NOT_ACTIVE']),
    );
    expect(codes('POST /api/v1/auth/login', '401')).toEqual(['INVALID_CREDENTIALS']);
    expect(codes('POST /api/v1/auth/login', '429')).toEqual(['TOO_MANY_REQUESTS']);
  });

  it('lets a claim be sent without a body', () => {
    expect(doc.paths['/api/v1/shifts/{id}/claims'].post.requestBody?.required).toBe(false);
  });

  it('documents every instant an answer carries as RFC 3339 with an offset', () => {
    const zoned = '2026-12-07T09:00:00+08:00';
    const wrong: string[] = [];
    const visit = (where: string, schema: Schema | undefined, seen: Set<Schema>): void => {
      if (!schema || seen.has(schema)) return;
      seen.add(schema);
      if (schema.$ref) return visit(where, doc.components.schemas[schema.$ref.split('/').pop()!], seen);
      if (schema.format === 'date-time' && !(schema.pattern && new RegExp(schema.pattern).test(zoned)))
        wrong.push(where);
      for (const [name, property] of Object.entries(schema.properties ?? {}))
        visit(`${where}.${name}`, property, seen);
      visit(`${where}[]`, schema.items, seen);
      for (const part of [...(schema.anyOf ?? []), ...(schema.allOf ?? []), ...(schema.oneOf ?? [])])
        visit(where, part, seen);
    };
    for (const [name, op] of operations(doc)) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) >= 300) continue;
        visit(`${name} ${status}`, response.content?.['application/json']?.schema, new Set());
      }
    }
    expect(wrong).toEqual([]);
  });
});
