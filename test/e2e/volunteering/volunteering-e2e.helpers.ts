import type { Community, Person } from '@linli/identity';
import { formatInstant } from '@linli/platform';
import { createVolunteer } from '@linli/volunteering/testing';
import type { TestApi } from '../../support/test-api';
import { bearerFor } from '../../support/auth';

/** What volunteering's e2e files share: a volunteer who can sign in, and placing someone on a shift. */

/** How the API writes an instant of a Chengnan record: the Shanghai wall clock and +08:00. */
export const shanghai = (instant: Date): string => formatInstant(instant, 'Asia/Shanghai');

/** A new volunteer of `community` (with their own account) and their bearer token. */
export async function signedInVolunteer(
  api: TestApi,
  community: Community,
  fields: Partial<Person> = {},
): Promise<{ person: Person; accountId: string; token: string }> {
  const volunteer = await createVolunteer(api.em(), community, fields);
  return {
    person: volunteer.person,
    accountId: volunteer.accountId,
    token: await bearerFor(api, volunteer.email),
  };
}

/** An organiser (or anyone allowed) puts a person on a shift through the API: confirmed or waitlisted. */
export async function placeOnShift(
  api: TestApi,
  token: string,
  shiftId: string,
  personId?: string,
): Promise<{ id: string; status: string }> {
  const response = await api.http
    .post(`/api/v1/shifts/${shiftId}/claims`)
    .set('authorization', token)
    .send(personId ? { personId } : {});
  expect(response.status).toBe(201);
  return response.body as { id: string; status: string };
}
