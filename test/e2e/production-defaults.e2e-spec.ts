import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { createTenant, Tenant } from '@linli/identity/testing';
import { startTestApi, TestApi } from '../support/test-api';
import { bearerFor } from '../support/auth';
import { expectProblem } from './identity-e2e.helpers';

/**
 * NODE_ENV=production: the dev mailbox (whole messages, unsubscribe links included) is not served,
 * even when mail is kept as .eml files because SMTP_URL is unset. (No demo seed in production:
 * app-config.spec.ts, since seeding is decided by the configuration alone.)
 */
describe('production defaults (HTTP)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'linli-production-'));
  let api: TestApi;
  let tenant: Tenant;
  let organiser: string;
  const messageId = randomUUID();

  beforeAll(async () => {
    api = await startTestApi({ config: { NODE_ENV: 'production', DATA_DIR: dataDir } });
    tenant = await createTenant(api.em());
    organiser = await bearerFor(api, tenant.accounts.organiser.email);
    // A message the file transport kept, as it would without SMTP_URL.
    mkdirSync(join(dataDir, 'mail'), { recursive: true });
    writeFileSync(
      join(dataDir, 'mail', `${tenant.community.id}.${messageId}.eml`),
      'Subject: 明天的班次提醒\r\nTo: someone@example.cn\r\n\r\nunsubscribe: https://x/u/secret\r\n',
    );
  });
  afterAll(async () => {
    await api.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 404 for the dev mailbox list and messages, to an organiser', async () => {
    const list = await api.http.get('/api/v1/dev/mailbox').set('authorization', organiser);
    expectProblem(list, 404, 'NOT_FOUND');
    const message = await api.http.get(`/api/v1/dev/mailbox/${messageId}`).set('authorization', organiser);
    expectProblem(message, 404, 'NOT_FOUND');
    expect(message.text).not.toContain('unsubscribe');
  });
});
