import { isNotModified } from './conditional-request';

const etag = '"abc"';
const lastModified = new Date('2026-12-01T08:00:00.750Z');
const httpDate = (iso: string) => new Date(iso).toUTCString();

describe('isNotModified (RFC 9110 §13.2.2, GET and HEAD)', () => {
  it.each([
    ['no validators', {}, false],
    ['the same ETag', { 'if-none-match': '"abc"' }, true],
    ['a weak form of the same ETag', { 'if-none-match': 'W/"abc"' }, true],
    ['a list containing it', { 'if-none-match': '"x", "abc"' }, true],
    ['*', { 'if-none-match': '*' }, true],
    ['another ETag', { 'if-none-match': '"x"' }, false],
    ['the Last-Modified date', { 'if-modified-since': httpDate('2026-12-01T08:00:00Z') }, true],
    ['a later date', { 'if-modified-since': httpDate('2026-12-02T08:00:00Z') }, true],
    ['an earlier date', { 'if-modified-since': httpDate('2026-12-01T07:59:59Z') }, false],
    ['an invalid date', { 'if-modified-since': 'yesterday' }, false],
    [
      'another ETag with a matching date (If-None-Match decides)',
      { 'if-none-match': '"x"', 'if-modified-since': httpDate('2026-12-02T08:00:00Z') },
      false,
    ],
  ])('%s', (_name, headers, expected) => {
    expect(isNotModified(headers, etag, lastModified)).toBe(expected);
  });
});
