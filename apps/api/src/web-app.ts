import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/**
 * Serves the built web app (apps/web, `npm run build:web`) at `/`: its files as they are, and
 * index.html for every other page path (the app routes in the browser: /shifts, /checkin?…).
 * `/api`, `/cal` and `/health` never reach it, so their answers, 404s included, stay the API's.
 *
 * The build is a few hundred KB, so it is read once at start-up and gzipped once: no disk or
 * compression work per request. Vite names assets by content hash, so /assets/* may be cached
 * for a year; index.html must be revalidated (no-cache + ETag) so a new release is seen at once.
 */
const API_PREFIXES = ['/api', '/cal', '/health'];
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
const SHORT = 'public, max-age=3600';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.txt', '.ico']);

interface Asset {
  body: Buffer;
  gzip?: Buffer;
  type: string;
  etag: string;
  cacheControl: string;
}

/** apps/web/dist from the sources (ts-node, jest) or from the compiled dist/apps/api/src; undefined if not built. */
export function builtWebAppDirectory(): string | undefined {
  const candidates = [
    join(__dirname, '..', '..', 'web', 'dist'),
    join(__dirname, '..', '..', '..', '..', 'apps', 'web', 'dist'),
  ];
  return candidates.find((dir) => existsSync(join(dir, 'index.html')));
}

export function loadWebApp(root: string): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const file of filesUnder(root)) {
    const path = '/' + relative(root, file).split(sep).join('/');
    const extension = extname(file).toLowerCase();
    const body = readFileSync(file);
    const gzip = COMPRESSIBLE.has(extension) ? gzipSync(body, { level: 9 }) : undefined;
    assets.set(path, {
      body,
      gzip: gzip && gzip.length < body.length ? gzip : undefined,
      type: TYPES[extension] ?? 'application/octet-stream',
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      cacheControl: path.startsWith('/assets/') ? IMMUTABLE : path === '/index.html' ? REVALIDATE : SHORT,
    });
  }
  if (!assets.has('/index.html')) throw new Error(`${root} holds no index.html: not a built web app`);
  return assets;
}

/** Registers the middleware; call before the app initialises so it runs ahead of Nest's 404. */
export function serveWebApp(app: INestApplication, root: string): void {
  const assets = loadWebApp(root);
  const index = assets.get('/index.html')!;
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (API_PREFIXES.some((prefix) => req.path === prefix || req.path.startsWith(`${prefix}/`)))
      return next();
    // A path with a file extension names a file: missing, it is a 404 (not the app's page).
    const asset = assets.get(req.path) ?? (extname(req.path) ? undefined : index);
    if (!asset) return next();
    send(req, res, asset);
  });
}

function send(req: Request, res: Response, asset: Asset): void {
  res.setHeader('Cache-Control', asset.cacheControl);
  res.setHeader('ETag', asset.etag);
  res.setHeader('Vary', 'Accept-Encoding');
  res.setHeader('Content-Type', asset.type);
  if (ifNoneMatch(req.headers['if-none-match'], asset.etag)) {
    res.status(304).end();
    return;
  }
  const gzip = asset.gzip && acceptsGzip(req.headers['accept-encoding']);
  const body = gzip ? asset.gzip! : asset.body;
  if (gzip) res.setHeader('Content-Encoding', 'gzip');
  res.setHeader('Content-Length', body.length);
  res.status(200).end(req.method === 'HEAD' ? undefined : body);
}

function ifNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*');
}

/** gzip is acceptable unless refused with q=0, by name or, absent that, through `*` (RFC 9110 §12.5.3). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    weights.set(coding.trim(), q === undefined ? 1 : Number(q.slice(2)));
  }
  const weight = weights.get('gzip') ?? weights.get('*');
  return weight !== undefined && weight > 0;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : entry.isFile() ? [join(dir, entry.name)] : [],
  );
}
