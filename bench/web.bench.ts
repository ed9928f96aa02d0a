/**
 * Issue 12, `npm run bench -- web`: what a volunteer's phone pays to open the web app on the page
 * they use most (the shifts they can take, signed in), served by the API as `npm start` serves it.
 * - The JavaScript that page loads, gzip bytes on the wire: against the 250 KB budget, and against
 *   the same app built without code-splitting (`vite build --mode single-bundle`).
 * - The time from navigation to the first 认领 (claim) button, on a throttled phone profile (CDP:
 *   150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, CPU 4× slower, cold cache), median of
 *   several loads: code-split build against the single bundle.
 *
 * Needs Chromium (`apt-get install chromium`; CHROMIUM_PATH); uses BENCH_DATABASE_URL (a server)
 * when set, otherwise an embedded PostgreSQL in a temp dir.
 */
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '@linli/platform';
import { DEMO_LOGINS, DEMO_PASSWORD } from '@linli/identity';
import { createApi } from '../apps/api/src/create-api';
import { application } from '../config/contexts';
import { CHROMIUM, hasChromium, launchChromium } from '../test/browser/support/chromium';
import { buildWebApp } from '../test/browser/support/web-build';
import type { PageGlobals } from '../test/browser/support/page-globals';
import { openBenchDatabase } from './bench-database';
import { report } from './measure';

const BUDGET_KB = 250;
const LOADS = Number(process.env.BENCH_WEB_LOADS ?? 5);
/** Lighthouse's mobile profile ("slow 4G" on a mid-range phone). */
const PHONE = { latencyMs: 150, downKbps: 1_600, upKbps: 750, cpuSlowdown: 4 };

interface Served {
  app: INestApplication;
  baseUrl: string;
}

async function serve(databaseUrl: string, webApp: string): Promise<Served> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
    LOG_LEVEL: 'error',
    LOGIN_LIMIT_PER_ACCOUNT: '1000',
    LOGIN_LIMIT_PER_ADDRESS: '10000',
  });
  const app = await createApi({ config, databaseUrl, webApp });
  await app.init();
  const server = await app.listen(0, '127.0.0.1');
  return { app, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** The session the web app keeps in sessionStorage after signing in (apps/web/src/api/session.ts). */
async function signedInSession(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: DEMO_LOGINS.volunteer.email, password: DEMO_PASSWORD }),
  });
  const answer = (await response.json()) as { accessToken: string; expiresIn: number; me: unknown };
  return JSON.stringify({
    accessToken: answer.accessToken,
    expiresAt: Date.now() + answer.expiresIn * 1000 - 30_000,
    me: answer.me,
  });
}

/** One cold load of /shifts on the throttled phone: JS bytes on the wire and ms to the first claim button. */
async function load(browser: Browser, served: Served): Promise<{ jsBytes: number; ms: number }> {
  const session = await signedInSession(served.baseUrl);
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  await context.addInitScript(
    (stored) => (globalThis as unknown as PageGlobals).sessionStorage.setItem('linli.session', stored),
    session,
  );
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: PHONE.latencyMs,
    downloadThroughput: (PHONE.downKbps * 1000) / 8,
    uploadThroughput: (PHONE.upKbps * 1000) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuSlowdown });
  const scripts = new Map<string, number>();
  cdp.on('Network.responseReceived', (event) => {
    if (event.type === 'Script') scripts.set(event.requestId, 0);
  });
  cdp.on('Network.loadingFinished', (event) => {
    if (scripts.has(event.requestId)) scripts.set(event.requestId, event.encodedDataLength);
  });
  const start = performance.now();
  await page.goto(`${served.baseUrl}/shifts`, { waitUntil: 'commit' });
  await page.getByRole('button', { name: '认领' }).first().waitFor({ timeout: 120_000 });
  const ms = performance.now() - start;
  await page.waitForLoadState('networkidle');
  await context.close();
  const jsBytes = [...scripts.values()].reduce((sum, bytes) => sum + bytes, 0);
  return { jsBytes, ms };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function run(): Promise<void> {
  if (!hasChromium) {
    console.log(
      `bench web: skipped, no Chromium at ${CHROMIUM} (apt-get install -y chromium fonts-noto-cjk)`,
    );
    return;
  }
  const [split, single] = [await buildWebApp('production'), await buildWebApp('single-bundle')];
  const database = await openBenchDatabase();
  const servedSplit = await serve(database.url, split);
  const servedSingle = await serve(database.url, single);
  const browser = await launchChromium();
  try {
    for (const seed of application.demoSeeds) await servedSplit.app.get(seed).execute();
    const results = {
      split: [] as { jsBytes: number; ms: number }[],
      single: [] as { jsBytes: number; ms: number }[],
    };
    await load(browser, servedSplit); // warm the server (first queries, JIT); not counted
    for (let i = 0; i < LOADS; i++) {
      // Alternate, so a busy moment of the machine hits both builds alike.
      results.split.push(await load(browser, servedSplit));
      results.single.push(await load(browser, servedSingle));
    }
    const kb = (bytes: number) => bytes / 1024;
    const splitKb = kb(median(results.split.map((r) => r.jsBytes)));
    const singleKb = kb(median(results.single.map((r) => r.jsBytes)));
    report(
      'web-first-page-js-vs-budget',
      splitKb,
      BUDGET_KB,
      'KB gzip JavaScript on /shifts (baseline: the 250 KB budget)',
    );
    report(
      'web-first-page-js-vs-single-bundle',
      splitKb,
      singleKb,
      'KB gzip JavaScript on /shifts (baseline: no code-splitting)',
    );
    report(
      'web-time-to-claim-button',
      median(results.split.map((r) => r.ms)),
      median(results.single.map((r) => r.ms)),
      `ms to the first 认领 button, cold, ${PHONE.latencyMs} ms RTT, ${PHONE.downKbps / 1000} Mbit/s, CPU ×${PHONE.cpuSlowdown}, median of ${LOADS} (baseline: no code-splitting)`,
    );
  } finally {
    await browser.close();
    await servedSplit.app.close();
    await servedSingle.app.close();
    await database.stop();
  }
}
