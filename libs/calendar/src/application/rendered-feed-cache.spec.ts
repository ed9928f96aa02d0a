import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { FeedContent, RenderedFeedCache } from './rendered-feed-cache';

describe('RenderedFeedCache', () => {
  it('answers what was stored and forgets on clear', () => {
    const cache = new RenderedFeedCache();
    const content = FeedContent.of('BEGIN:VCALENDAR', null, 0);
    cache.set('k', content);
    expect(cache.get('k')).toBe(content);
    cache.clear();
    expect(cache.get('k')).toBeUndefined();
  });

  it('holds a bounded number of feeds, least recently used out first', () => {
    const cache = new RenderedFeedCache();
    for (let i = 0; i < 20_000; i++) cache.set(`k${i}`, FeedContent.of('x', null, 0));
    cache.get('k0');
    cache.set('new', FeedContent.of('x', null, 0));
    expect(cache.size).toBe(20_000);
    expect(cache.get('k0')).toBeDefined();
    expect(cache.get('k1')).toBeUndefined();
  });

  it('holds a bounded number of bytes, gzip room included', () => {
    const cache = new RenderedFeedCache();
    const mebibyte = 'x'.repeat(1024 * 1024);
    // 1 MiB plus a quarter for its gzip: 51 fit in 64 MiB, the 52nd pushes the first out.
    for (let i = 0; i < 52; i++) cache.set(`k${i}`, FeedContent.of(mebibyte, null, 0));
    expect(cache.size).toBe(51);
    expect(cache.get('k0')).toBeUndefined();
    expect(cache.get('k51')).toBeDefined();
  });
});

describe('FeedContent', () => {
  const text = 'BEGIN:VCALENDAR\r\nX-WR-CALNAME:城南社区 · 我的志愿服务\r\nEND:VCALENDAR\r\n';

  it('carries the UTF-8 bytes and their quoted base64url SHA-256', () => {
    const content = FeedContent.of(text, 1_000, 0);
    expect(content.body.toString('utf8')).toBe(text);
    expect(content.etag).toBe(`"${createHash('sha256').update(text, 'utf8').digest('base64url')}"`);
  });

  it('gzips once, to bytes that unzip to the body and are the same each time', async () => {
    const content = FeedContent.of(text.repeat(200), null, 0);
    const first = content.gzip();
    expect(content.gzip()).toBe(first);
    const zipped = await first;
    expect(gunzipSync(zipped).equals(content.body)).toBe(true);
    expect(zipped.length).toBeLessThan(content.body.length / 10);
    expect((await FeedContent.of(text.repeat(200), null, 0).gzip()).equals(zipped)).toBe(true);
  });
});
