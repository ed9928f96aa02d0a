import type { Response } from 'supertest';
import type { TestApi } from '../../support/test-api';

/** The token inside a feed URL (`…/cal/{token}.ics`). */
export function tokenOf(url: string): string {
  const match = /\/cal\/([A-Za-z0-9_-]+)\.ics$/.exec(url);
  if (!match) throw new Error(`not a feed URL: ${url}`);
  return match[1];
}

/** The path a calendar client polls for a feed URL. */
export const feedPath = (url: string) => `/cal/${tokenOf(url)}.ics`;

export async function subscribe(
  api: TestApi,
  bearer: string,
  scope: { kind: string; id?: string },
  label?: string,
): Promise<Response> {
  return api.http
    .post('/api/v1/calendar-subscriptions')
    .set('authorization', bearer)
    .send(label ? { scope, label } : { scope });
}

/** Creates a subscription and answers its feed path; fails the test on anything but 201. */
export async function subscribedFeed(
  api: TestApi,
  bearer: string,
  scope: { kind: string; id?: string },
): Promise<{ id: string; path: string; url: string }> {
  const response = await subscribe(api, bearer, scope);
  if (response.status !== 201) {
    throw new Error(`subscribe failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return { id: response.body.id, path: feedPath(response.body.url), url: response.body.url };
}

/** supertest buffers text/calendar as text. */
export const vevents = (body: string) => body.split('BEGIN:VEVENT').length - 1;
