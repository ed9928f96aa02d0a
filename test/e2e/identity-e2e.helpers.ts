import type { Response } from 'supertest';
import type { Tenant } from '@linli/identity/testing';
import type { TestApi } from '../support/test-api';
import { bearerFor } from '../support/auth';

/** Shared by the identity e2e files: sign-in for each role of a tenant and problem+json checks. */

export type RoleName = 'organiser' | 'coordinator' | 'volunteer';
export const ROLE_NAMES: readonly RoleName[] = ['organiser', 'coordinator', 'volunteer'];

export type Bearers = Record<RoleName, string>;

/** One login per role, so a test file stays far below the login throttle. */
export async function signInAll(api: TestApi, tenant: Tenant): Promise<Bearers> {
  return {
    organiser: await bearerFor(api, tenant.accounts.organiser.email),
    coordinator: await bearerFor(api, tenant.accounts.coordinator.email),
    volunteer: await bearerFor(api, tenant.accounts.volunteer.email),
  };
}

export function expectProblem(response: Response, status: number, code: string): void {
  const seen = `${response.status} ${JSON.stringify(response.body)}`;
  expect({ status: response.status, code: response.body?.code, seen }).toEqual({ status, code, seen });
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body).toEqual(
    expect.objectContaining({
      type: expect.stringMatching(/^https:\/\//),
      title: expect.any(String),
      status,
      detail: expect.any(String),
      code,
    }),
  );
}

/** The `field` of each entry in a problem's `errors`. */
export function errorFields(response: Response): string[] {
  return ((response.body?.errors ?? []) as { field: string }[]).map((error) => error.field);
}

/** Asserts a success status, printing the body when it is not, so failures explain themselves. */
export function expectStatus(response: Response, status: number): void {
  expect({ status: response.status, body: response.body }).toEqual({ status, body: expect.anything() });
}

/** Rows in an identity table across all communities, read around the API to prove nothing was written. */
export async function countRows(
  api: TestApi,
  table: 'person' | 'membership' | 'account' | 'estate' | 'partner_organisation',
): Promise<number> {
  const rows = await api
    .em()
    .getConnection()
    .execute<{ n: number }[]>(`select count(*)::int as n from ${table}`);
  return rows[0].n;
}

/** Ids of a tenant's memberships, which createTenant does not hand back. */
export async function membershipIdsOf(api: TestApi, tenant: Tenant): Promise<string[]> {
  const rows = await api
    .em()
    .getConnection()
    .execute<{ id: string }[]>('select id from membership where community_id = ? order by id', [
      tenant.community.id,
    ]);
  return rows.map((row) => row.id);
}

export async function membershipId(api: TestApi, personId: string, organisationId: string): Promise<string> {
  const rows = await api
    .em()
    .getConnection()
    .execute<{ id: string }[]>('select id from membership where person_id = ? and organisation_id = ?', [
      personId,
      organisationId,
    ]);
  if (!rows[0]) throw new Error(`no membership of ${personId} in ${organisationId}`);
  return rows[0].id;
}

export const ids = (response: Response): string[] =>
  (response.body.items as { id: string }[]).map((item) => item.id);
