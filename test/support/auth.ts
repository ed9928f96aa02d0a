import type { Tenant } from '@linli/identity/testing';
import { TEST_PASSWORD } from '@linli/identity/testing';
import type { TestApi } from './test-api';

/** Logs in through the real endpoint and returns the Authorization header value. */
export async function bearerFor(api: TestApi, login: string | undefined): Promise<string> {
  const response = await api.http.post('/api/v1/auth/login').send({ login, password: TEST_PASSWORD });
  if (response.status !== 200)
    throw new Error(`login ${login} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return `Bearer ${response.body.accessToken}`;
}

export type RoleName = 'organiser' | 'coordinator' | 'volunteer';
export const ROLE_NAMES: readonly RoleName[] = ['organiser', 'coordinator', 'volunteer'];

/** The Authorization header value of each role's account of a tenant. */
export type Bearers = Record<RoleName, string>;

/** One login per role of a tenant (createTenant), so a test file stays far below the login throttle. */
export async function signInAll(api: TestApi, tenant: Tenant): Promise<Bearers> {
  return {
    organiser: await bearerFor(api, tenant.accounts.organiser.email),
    coordinator: await bearerFor(api, tenant.accounts.coordinator.email),
    volunteer: await bearerFor(api, tenant.accounts.volunteer.email),
  };
}
