import { loadConfig } from '../config/app-config';
import { pageOrigin } from './origin-check';

describe('pageOrigin: the page a browser says a request comes from', () => {
  it.each([
    [
      'Origin wins',
      { origin: 'https://Linli.Example:443', referer: 'https://other.example/x' },
      'https://linli.example',
    ],
    [
      'Referer stands in for a missing Origin',
      { referer: 'http://127.0.0.1:3000/shifts?day=1' },
      'http://127.0.0.1:3000',
    ],
    [
      'Referer stands in for Origin: null',
      { origin: 'null', referer: 'https://linli.example/' },
      'https://linli.example',
    ],
    ['neither header: no web page at all', {}, undefined],
    ['Origin: null alone is no readable origin', { origin: 'null' }, null],
    ['a non-web origin is none', { origin: 'file://' }, null],
    ['an unreadable Referer is none', { referer: 'not a url' }, null],
  ])('%s', (_name, headers, expected) => {
    expect(pageOrigin(headers)).toBe(expected);
  });
});

describe('WEB_ORIGINS', () => {
  const config = (WEB_ORIGINS: string) => loadConfig({ NODE_ENV: 'test', WEB_ORIGINS });

  it('reads a comma-separated list as origins', () => {
    expect(config(' https://web.example.org/ , HTTP://LOCALHOST:5173').http.webOrigins).toEqual([
      'https://web.example.org',
      'http://localhost:5173',
    ]);
  });

  it('is empty when unset', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).http.webOrigins).toEqual([]);
  });

  it.each([
    'https://web.example.org/app',
    'ftp://web.example.org',
    'web.example.org',
    'https://a.example?x=1',
  ])('refuses %s, which is not an origin', (value) => {
    expect(() => config(value)).toThrow(/WEB_ORIGINS/);
  });
});
