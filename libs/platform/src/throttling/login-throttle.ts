import { ThrottlerModuleOptions } from '@nestjs/throttler';
import { AppConfig } from '../config/app-config';
import { PostgresThrottlerStorage } from './postgres-throttler.storage';

export const LOGIN_THROTTLERS = { perAddress: 'login-address', perAccount: 'login-account' } as const;

/** Login attempts are limited per client address and per login name, over a shared window. */
export function loginThrottlerOptions(
  config: AppConfig,
  storage: PostgresThrottlerStorage,
): ThrottlerModuleOptions {
  const ttl = config.loginThrottle.windowSeconds * 1000;
  return {
    storage,
    throttlers: [
      { name: LOGIN_THROTTLERS.perAddress, ttl, limit: config.loginThrottle.perAddress, blockDuration: ttl },
      {
        name: LOGIN_THROTTLERS.perAccount,
        ttl,
        limit: config.loginThrottle.perAccount,
        blockDuration: ttl,
        getTracker: (req: Record<string, unknown>) => {
          const login = (req.body as { login?: unknown } | undefined)?.login;
          return typeof login === 'string' ? login.trim().toLowerCase().slice(0, 200) : '(none)';
        },
      },
    ],
  };
}
