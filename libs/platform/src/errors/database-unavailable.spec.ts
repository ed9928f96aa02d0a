import { Logger, type ArgumentsHost } from '@nestjs/common';
import { DriverException } from '@mikro-orm/core';
import { DATABASE_RETRY_AFTER_SECONDS, ProblemDetailsFilter } from './problem-details.filter';

const refused = () =>
  new DriverException(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));

/** Just enough of Express's request and response for the filter. */
function exchange(method: string) {
  const sent: { status?: number; headers: Record<string, string>; type?: string; body?: string } = {
    headers: {},
  };
  const response = {
    headersSent: false,
    status(code: number) {
      sent.status = code;
      return response;
    },
    setHeader(name: string, value: string) {
      sent.headers[name.toLowerCase()] = value;
      return response;
    },
    type(value: string) {
      sent.type = value;
      return response;
    },
    send(body: string) {
      sent.body = body;
      response.headersSent = true;
      return response;
    },
  };
  const handle = jest.fn();
  const request = {
    method,
    headers: {},
    originalUrl: '/api/v1/estates',
    url: '/api/v1/estates',
    app: { handle },
  };
  const host = {
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
  } as unknown as ArgumentsHost;
  return { host, sent, handle };
}

describe('ProblemDetailsFilter and an unreachable database', () => {
  afterEach(() => jest.useRealTimers());

  it('answers 503 SERVICE_UNAVAILABLE with Retry-After, not 500, for a write', () => {
    const filter = new ProblemDetailsFilter();
    const { host, sent, handle } = exchange('POST');
    filter.catch(refused(), host);
    expect(handle).not.toHaveBeenCalled();
    expect(sent.status).toBe(503);
    expect(sent.headers['retry-after']).toBe(String(DATABASE_RETRY_AFTER_SECONDS));
    expect(sent.type).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(sent.body!)).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
  });

  it.each(['GET', 'HEAD'])(
    'tries a %s once more through the application, then answers 503',
    async (method) => {
      jest.useFakeTimers();
      const filter = new ProblemDetailsFilter();
      const { host, sent, handle } = exchange(method);

      filter.catch(refused(), host);
      expect(sent.status).toBeUndefined();
      await jest.advanceTimersByTimeAsync(1_000);
      expect(handle).toHaveBeenCalledTimes(1);

      // The second pass fails the same way: no third try.
      filter.catch(refused(), host);
      await jest.advanceTimersByTimeAsync(1_000);
      expect(handle).toHaveBeenCalledTimes(1);
      expect(sent.status).toBe(503);
      expect(sent.headers['retry-after']).toBe(String(DATABASE_RETRY_AFTER_SECONDS));
    },
  );

  it('still answers 500 for other errors', () => {
    const filter = new ProblemDetailsFilter();
    const { host, sent, handle } = exchange('GET');
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    filter.catch(new Error('boom'), host);
    expect(handle).not.toHaveBeenCalled();
    expect(sent.status).toBe(500);
    expect(sent.headers['retry-after']).toBeUndefined();
    expect(logged).toHaveBeenCalledTimes(1);
    logged.mockRestore();
  });
});
