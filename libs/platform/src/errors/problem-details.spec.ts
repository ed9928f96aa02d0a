import { defineErrorCodes, errorCodeEntry, SHARED_ERROR_CODES, statusOf } from './error-codes';
import { withRequestPath } from './problem-details.filter';
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

  it('has a 4xx or 5xx status, a Chinese and an English title for every shared code', () => {
    for (const { status, zh, en } of Object.values(SHARED_ERROR_CODES)) {
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

  it('registers a context’s codes and refuses a code two contexts declare', () => {
    defineErrorCodes('spec-a', { SPEC_ONLY_CODE: { status: 409, zh: '冲突', en: 'Conflict' } });
    expect(errorCodeEntry('SPEC_ONLY_CODE')).toMatchObject({ status: 409, context: 'spec-a' });
    expect(statusOf('SPEC_ONLY_CODE')).toBe(409);
    expect(() =>
      defineErrorCodes('spec-b', { SPEC_ONLY_CODE: { status: 422, zh: '冲突', en: 'Conflict' } }),
    ).toThrow(/already declared by spec-a/);
    expect(problemFor('NEVER_DECLARED', 'x').status).toBe(500);
  });

  it.each([
    ['endsAt', { method: 'POST', body: { endsAt: 1 }, query: {}, params: {} }, 'body.endsAt'],
    ['week', { method: 'GET', body: undefined, query: { week: 'x' }, params: {} }, 'query.week'],
    ['id', { method: 'GET', body: undefined, query: {}, params: { id: 'x' } }, 'param.id'],
    ['personId', { method: 'POST', body: {}, query: {}, params: {} }, 'body.personId'],
    ['from', { method: 'GET', body: undefined, query: {}, params: {} }, 'query.from'],
    ['body.email', { method: 'POST', body: {}, query: {}, params: {} }, 'body.email'],
  ])('the edge places the domain field %s where the request carried it', (field, request, path) => {
    expect(
      withRequestPath({ field, message: 'm' }, request as unknown as Parameters<typeof withRequestPath>[1])
        .field,
    ).toBe(path);
  });
});
