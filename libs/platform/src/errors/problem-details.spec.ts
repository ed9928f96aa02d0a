import { ERROR_CODES, ErrorCode } from './error-codes';
import { languageFrom, problemFor } from './problem-details';

describe('problem details', () => {
  it('builds RFC 9457 fields with a stable code and a type URI per code', () => {
    expect(
      problemFor('NOT_FOUND', 'Estate not found', { instance: '/api/v1/estates/x', requestId: 'r1' }),
    ).toEqual({
      type: 'https://linli.dev/problems/not-found',
      title: '未找到',
      status: 404,
      detail: 'Estate not found',
      code: 'NOT_FOUND',
      instance: '/api/v1/estates/x',
      requestId: 'r1',
    });
  });

  it('has a 4xx or 5xx status, a Chinese and an English title for every code', () => {
    for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) {
      const { status, zh, en } = ERROR_CODES[code];
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(600);
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(en).toMatch(/[A-Za-z]/);
    }
  });

  it.each([
    [undefined, 'zh'],
    ['zh-CN,zh;q=0.9', 'zh'],
    ['en-US,en;q=0.8', 'en'],
    ['fr-FR', 'zh'],
  ])('Accept-Language %s answers in %s', (header, language) => {
    expect(languageFrom(header)).toBe(language);
  });
});
