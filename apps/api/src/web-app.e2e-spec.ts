import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { startTestApi, type TestApi } from '../../../test/support/test-api';
import { acceptsGzip } from './web-app';

const INDEX =
  '<!doctype html><html lang="zh-CN"><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>';
const SCRIPT = `console.log(${JSON.stringify('邻里 '.repeat(200))});`;

/** A stand-in for `npm run build:web`'s output: the server must not care what the app is. */
function fakeBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'linli-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), SCRIPT);
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dir;
}

/** superagent gunzips on the way in: the body is the file, the headers say how it travelled. */
const bodyOf = (response: Response) => (response.body as Buffer).toString('utf8');
const binary = (request: import('supertest').Test) =>
  request.buffer(true).parse((res, callback) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => callback(null, Buffer.concat(chunks)));
  });

describe('the API serves the built web app at /', () => {
  let api: TestApi;
  let dir: string;
  beforeAll(async () => {
    dir = fakeBuild();
    api = await startTestApi({ webApp: dir });
  });
  afterAll(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['/', '/shifts', '/my-shifts', '/checkin?shift=0d4a1c1e-0000-4000-8000-000000000000&code=123456'])(
    'answers the app page %s with index.html, to be revalidated',
    async (path) => {
      const response = await binary(api.http.get(path).set('accept-encoding', 'identity'));
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers.etag).toMatch(/^"[\w-]+"$/);
      expect(bodyOf(response)).toBe(INDEX);
    },
  );

  it('lets hashed assets be cached for a year and sends them gzipped to clients that accept it', async () => {
    const response = await binary(api.http.get('/assets/index-abc123.js').set('accept-encoding', 'gzip, br'));
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers.vary).toBe('Accept-Encoding');
    expect(Number(response.headers['content-length'])).toBeLessThan(Buffer.byteLength(SCRIPT) / 4);
    expect(bodyOf(response)).toBe(SCRIPT);

    const plain = await binary(api.http.get('/assets/index-abc123.js').set('accept-encoding', 'gzip;q=0'));
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(bodyOf(plain)).toBe(SCRIPT);
  });

  it('answers 304 to a revalidation with the same ETag, and HEAD without a body', async () => {
    const first = await api.http.get('/shifts');
    const again = await api.http.get('/shifts').set('if-none-match', first.headers.etag);
    expect(again.status).toBe(304);
    const head = await api.http.head('/assets/index-abc123.js');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(SCRIPT)));
  });

  it('keeps the API, feeds and health as they were: their 404s stay problem+json', async () => {
    for (const path of ['/api/v1/no-such-thing', '/cal/not-a-token', '/health/nope', '/api']) {
      const response = await api.http.get(path);
      expect([path, response.status]).toEqual([path, path.startsWith('/cal') ? response.status : 404]);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect((await api.http.get('/health')).body).toEqual({ status: 'ok' });
  });

  it('answers a missing file 404 rather than the app page, and ignores writes', async () => {
    const missing = await api.http.get('/assets/gone-123.js');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await api.http.post('/shifts').send({})).status).toBe(404);
  });

  it('sends the security headers with the app, and a CSP that allows its own scripts only', async () => {
    const response = await api.http.get('/');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    // Would send a browser on http://<LAN address> to https for every asset: a blank page.
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('acceptsGzip', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['gzip', true],
    ['gzip, deflate, br', true],
    ['br;q=1, gzip;q=0.5', true],
    ['gzip;q=0', false],
    ['identity', false],
    ['*', true],
    ['*;q=0', false],
    ['gzip;q=0, *', false],
    ['GZIP', true],
  ])('%j → %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});
