import type { TestApi } from './test-api';
import { TEST_PASSWORD } from '@linli/identity/testing';

/** Logs in through the real endpoint and returns the Authorization header value. */
export async function bearerFor(api: TestApi, login: string | undefined): Promise<string> {
  const response = await api.http.post('/api/v1/auth/login').send({ login, password: TEST_PASSWORD });
  if (response.status !== 200)
    throw new Error(`login ${login} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return `Bearer ${response.body.accessToken}`;
}
