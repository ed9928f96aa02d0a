import { isIP } from 'node:net';
import { z } from 'zod';

/** Environment variables Linli reads, with their defaults. README's configuration table mirrors this. */
const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** Names Express's `trust proxy` (proxy-addr) knows for address ranges. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (!version || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/**
 * Which X-Forwarded-For hops to believe, as Express's `trust proxy` takes them: a hop count (the
 * number of proxies of ours in front of Linli) or a comma-separated list of proxy addresses, CIDR
 * ranges and proxy-addr's names. Never "every hop": that lets a client choose its own address, so
 * `true`/`yes` mean one proxy and `false`/unset none.
 */
const trustProxy = z.string().transform((value, ctx): false | number | string[] => {
  const text = value.trim();
  if (['false', 'no'].includes(text)) return false;
  if (['true', 'yes'].includes(text)) return 1;
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const entries = text.split(',').map((entry) => entry.trim());
  if (entries.every(isProxyAddress)) return entries;
  ctx.addIssue({
    code: 'custom',
    message:
      'a hop count (0-99) or a comma-separated list of proxy addresses or CIDR ranges (loopback, linklocal, uniquelocal allowed)',
  });
  return z.NEVER;
});

/**
 * Other origins whose pages may use the browser-session endpoints (a web app served elsewhere): a
 * comma-separated list of `http(s)://host[:port]`, each read as its origin.
 */
const webOrigins = z.string().transform((value, ctx): string[] => {
  const origins: string[] = [];
  const entries = value.split(',').map((item) => item.trim());
  for (const entry of entries.filter(Boolean)) {
    const url = URL.canParse(entry) ? new URL(entry) : undefined;
    const originOnly = url && url.pathname === '/' && !url.search && !url.hash && !url.username;
    if (!url || !originOnly || !['http:', 'https:'].includes(url.protocol)) {
      ctx.addIssue({ code: 'custom', message: `${entry}: not an origin like https://web.example.org` });
      return z.NEVER;
    }
    origins.push(url.origin);
  }
  return origins;
});

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATA_DIR: z.string().min(1).default('./.data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  MIGRATE_ON_START: booleanString.optional(),
  SEED_DEMO: booleanString.optional(),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  JWT_SECRET: z.string().min(32).optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
  LOGIN_LIMIT_PER_ACCOUNT: z.coerce.number().int().min(1).max(1000).default(10),
  LOGIN_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).max(10_000).default(50),
  LOGIN_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(10 * 1024 * 1024)
    .default(100 * 1024),
  TRUST_PROXY: trustProxy.optional(),
  WEB_ORIGINS: webOrigins.optional(),
  // On SIGTERM/SIGINT: requests in flight get this long, then closing the app as long again; ADR 0020.
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).max(600).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Calendar feeds: the origin subscription URLs use (else the request's), the window, limits.
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  FEED_DAYS_BACK: z.coerce.number().int().min(0).max(366).default(30),
  FEED_DAYS_AHEAD: z.coerce.number().int().min(1).max(731).default(180),
  FEED_LIMIT_PER_HOUR: z.coerce.number().int().min(1).max(1_000_000).default(60),
  FEED_REVOKED_GRACE_DAYS: z.coerce.number().int().min(0).max(365).default(7),
  // Mail: SMTP_URL unset keeps messages as .eml files under DATA_DIR/mail (the dev mailbox).
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().min(3).max(200).default('"邻里 Linli" <no-reply@linli.local>'),
  MAIL_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(5),
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  // How long a dispatch claim holds its rows (sends start in its first half); see ADR 0016.
  MAIL_LEASE_SECONDS: z.coerce.number().int().min(10).max(3600).default(120),
  // Prometheus metrics on a port of their own (unset: off); a token when not on loopback. ADR 0019.
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  METRICS_TOKEN: z.string().min(16).max(200).optional(),
});

export type ConfigInput = z.input<typeof configSchema>;

export interface AppConfig {
  env: 'development' | 'test' | 'production';
  http: {
    host: string;
    port: number;
    bodyLimitBytes: number;
    /** Express `trust proxy`: false (none), a hop count, or proxy addresses/CIDR ranges. */
    trustProxy: false | number | string[];
    /** Origins besides the API's own whose pages may call the session endpoints (origin-check.ts). */
    webOrigins: string[];
  };
  database: {
    /** Set when an external PostgreSQL is used; otherwise Linli starts an embedded one. */
    url?: string;
    embeddedPort: number;
    poolMax: number;
    migrateOnStart: boolean;
  };
  dataDir: string;
  seedDemo: boolean;
  /** After SIGTERM/SIGINT: requests in flight get this long, then closing the app as long again. */
  shutdownGraceSeconds: number;
  auth: { jwtSecret?: string; accessTokenTtlSeconds: number };
  loginThrottle: { perAccount: number; perAddress: number; windowSeconds: number };
  logLevel: string;
  /** Calendar feeds: base URL without a trailing slash (undefined: the request's origin). */
  feeds: {
    publicBaseUrl?: string;
    daysBack: number;
    daysAhead: number;
    limitPerHour: number;
    revokedGraceDays: number;
  };
  /** Outgoing mail: SMTP when smtpUrl is set, else .eml files under `<dataDir>/mail`. */
  mail: {
    smtpUrl?: string;
    from: string;
    poolSize: number;
    maxAttempts: number;
    /** A dispatch claim's lease: sends start in its first half, outcomes are written before its end. */
    leaseSeconds: number;
    /** `/api/v1/dev/mailbox` serves the kept .eml files: never in production, never with SMTP. */
    devMailbox: boolean;
  };
  /** `/metrics` (Prometheus) on its own listener; port undefined: no listener, nothing collected. */
  metrics: { port?: number; host: string; token?: string };
}

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n  ${issues.join('\n  ')}`);
  }
}

/** Parses an environment (process.env unless given) into a checked, typed configuration. The only reader of process.env. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const c = parsed.data;
  if (c.NODE_ENV === 'production' && !c.JWT_SECRET) {
    throw new ConfigError(['JWT_SECRET: required in production (at least 32 characters)']);
  }
  if (c.METRICS_PORT !== undefined && !c.METRICS_TOKEN && !isLoopback(c.METRICS_HOST)) {
    throw new ConfigError([
      `METRICS_TOKEN: required when metrics listen beyond loopback (METRICS_HOST=${c.METRICS_HOST})`,
    ]);
  }
  return {
    env: c.NODE_ENV,
    http: {
      host: c.HOST,
      port: c.PORT,
      bodyLimitBytes: c.BODY_LIMIT_BYTES,
      trustProxy: c.TRUST_PROXY ?? false,
      webOrigins: c.WEB_ORIGINS ?? [],
    },
    database: {
      url: c.DATABASE_URL,
      embeddedPort: c.EMBEDDED_PG_PORT,
      poolMax: c.DB_POOL_MAX,
      // The embedded default migrates itself; a shared server is migrated with `npm run db:migrate`.
      migrateOnStart: c.MIGRATE_ON_START ?? !c.DATABASE_URL,
    },
    dataDir: c.DATA_DIR,
    // Demo data (three well-known logins) by default only in the embedded default outside production;
    // a shared server or a production install opts in with SEED_DEMO=true.
    seedDemo: c.SEED_DEMO ?? (!c.DATABASE_URL && c.NODE_ENV !== 'production'),
    shutdownGraceSeconds: c.SHUTDOWN_GRACE_SECONDS,
    auth: { jwtSecret: c.JWT_SECRET, accessTokenTtlSeconds: c.ACCESS_TOKEN_TTL_SECONDS },
    loginThrottle: {
      perAccount: c.LOGIN_LIMIT_PER_ACCOUNT,
      perAddress: c.LOGIN_LIMIT_PER_ADDRESS,
      windowSeconds: c.LOGIN_LIMIT_WINDOW_SECONDS,
    },
    logLevel: c.LOG_LEVEL,
    feeds: {
      publicBaseUrl: c.PUBLIC_BASE_URL?.replace(/\/+$/, ''),
      daysBack: c.FEED_DAYS_BACK,
      daysAhead: c.FEED_DAYS_AHEAD,
      limitPerHour: c.FEED_LIMIT_PER_HOUR,
      revokedGraceDays: c.FEED_REVOKED_GRACE_DAYS,
    },
    mail: {
      smtpUrl: c.SMTP_URL,
      from: c.MAIL_FROM,
      poolSize: c.MAIL_POOL_SIZE,
      maxAttempts: c.MAIL_MAX_ATTEMPTS,
      leaseSeconds: c.MAIL_LEASE_SECONDS,
      devMailbox: !c.SMTP_URL && c.NODE_ENV !== 'production',
    },
    metrics: { port: c.METRICS_PORT, host: c.METRICS_HOST, token: c.METRICS_TOKEN },
  };
}

/** An address only this machine can reach. */
function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
