import type { Response } from 'supertest';

/**
 * Expectations on HTTP answers shared by the identity, holidays and HTTP-convention e2e files.
 * Arranging and inspecting records goes through `@linli/identity/testing` (createTenant,
 * countRecords, membershipIdOf...); signing in through test/support/auth.ts.
 */

/** An RFC 9457 problem+json answer with this status and code, printing the body when it is not. */
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

export const ids = (response: Response): string[] =>
  (response.body.items as { id: string }[]).map((item) => item.id);
