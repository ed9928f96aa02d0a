import { RenderedFeedCache } from './rendered-feed-cache';

describe('RenderedFeedCache', () => {
  it('answers what was stored and forgets on clear', () => {
    const cache = new RenderedFeedCache();
    cache.set('k', { body: 'BEGIN:VCALENDAR', etag: '"e"' });
    expect(cache.get('k')).toEqual({ body: 'BEGIN:VCALENDAR', etag: '"e"' });
    cache.clear();
    expect(cache.get('k')).toBeUndefined();
  });

  it('holds a bounded number of bodies, least recently used out first', () => {
    const cache = new RenderedFeedCache();
    for (let i = 0; i < 2_000; i++) cache.set(`k${i}`, { body: 'x', etag: `"${i}"` });
    cache.get('k0');
    cache.set('new', { body: 'x', etag: '"new"' });
    expect(cache.size).toBe(2_000);
    expect(cache.get('k0')).toBeDefined();
    expect(cache.get('k1')).toBeUndefined();
  });
});
