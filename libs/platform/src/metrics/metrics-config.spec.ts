import { ConfigError, loadConfig } from '../config/app-config';

const TOKEN = 'a-metrics-token-0123456789';

describe('metrics configuration: off by default, never public without a token', () => {
  it('serves no metrics unless METRICS_PORT is set', () => {
    expect(loadConfig({}).metrics).toEqual({ port: undefined, host: '127.0.0.1', token: undefined });
  });

  it.each(['127.0.0.1', '127.0.0.53', 'localhost', '::1'])('needs no token on loopback (%s)', (host) => {
    expect(loadConfig({ METRICS_PORT: '9464', METRICS_HOST: host }).metrics).toEqual({
      port: 9464,
      host,
      token: undefined,
    });
  });

  it.each(['0.0.0.0', '::', '10.0.0.5', 'metrics.internal'])(
    'refuses to listen on %s without METRICS_TOKEN, and accepts it with one',
    (host) => {
      expect(() => loadConfig({ METRICS_PORT: '9464', METRICS_HOST: host })).toThrow(ConfigError);
      expect(() => loadConfig({ METRICS_PORT: '9464', METRICS_HOST: host })).toThrow(/METRICS_TOKEN/);
      expect(loadConfig({ METRICS_PORT: '9464', METRICS_HOST: host, METRICS_TOKEN: TOKEN }).metrics).toEqual({
        port: 9464,
        host,
        token: TOKEN,
      });
    },
  );

  it('refuses a token too short to guess at', () => {
    expect(() => loadConfig({ METRICS_PORT: '9464', METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });
});
