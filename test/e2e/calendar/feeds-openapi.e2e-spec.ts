import { startTestApi, TestApi } from '../../support/test-api';

interface Operation {
  summary?: string;
  tags?: string[];
  parameters?: { name: string; in: string }[];
  responses: Record<string, { content?: Record<string, { schema?: { allOf?: unknown[] } }> }>;
  security?: unknown;
}

/** Issue 12: `/cal/*` described in the OpenAPI document like every other operation. */
describe('the /cal feeds in /api/docs-json', () => {
  let api: TestApi;
  let paths: Record<string, Record<string, Operation>>;

  beforeAll(async () => {
    api = await startTestApi();
    paths = (await api.http.get('/api/docs-json')).body.paths;
  });
  afterAll(() => api.close());

  const codesOf = (operation: Operation, status: string): string[] => {
    const schema = operation.responses[status]?.content?.['application/problem+json']?.schema;
    const part = schema?.allOf?.[1] as { properties: { code: { enum: string[] } } } | undefined;
    return part?.properties.code.enum ?? [];
  };

  it.each([
    [
      '/cal/{token}.ics',
      ['token'],
      { '404': ['NOT_FOUND'], '410': ['CALENDAR_FEED_GONE'], '429': ['TOO_MANY_REQUESTS'] },
    ],
    ['/cal/public/{communitySlug}/market.ics', ['communitySlug'], { '404': ['NOT_FOUND'] }],
    [
      '/cal/public/{communitySlug}/estates/{estateId}/visits.ics',
      ['communitySlug', 'estateId'],
      { '404': ['NOT_FOUND'] },
    ],
  ])('%s: summary, parameters, text/calendar 200, 304 and its problems', (path, params, problems) => {
    const operation = paths[path]?.get;
    expect(operation).toBeDefined();
    expect(operation.summary).toEqual(expect.any(String));
    expect(operation.security).toBeUndefined();
    const named = operation.parameters!.map((p) => `${p.in}:${p.name}`);
    expect(named).toEqual(
      expect.arrayContaining([
        ...params.map((name) => `path:${name}`),
        'header:If-None-Match',
        'header:Accept-Encoding',
      ]),
    );
    expect(Object.keys(operation.responses['200'].content!)).toEqual(['text/calendar']);
    expect(operation.responses['304']).toBeDefined();
    expect(operation.responses['304'].content).toBeUndefined();
    for (const [status, codes] of Object.entries(problems)) {
      expect([status, codesOf(operation, status)]).toEqual([status, codes]);
    }
    expect(codesOf(operation, '400')).toEqual(['VALIDATION_FAILED']);
    expect(codesOf(operation, '503')).toEqual(['SERVICE_UNAVAILABLE']);
  });

  it('documents no /api-prefixed copy of the feeds', () => {
    expect(Object.keys(paths).filter((path) => path.includes('/cal/') && path.startsWith('/api'))).toEqual(
      [],
    );
  });
});
