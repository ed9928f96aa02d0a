import { randomUUID } from 'node:crypto';
import { createTenant, Tenant } from '@linli/identity/testing';
import { createShift } from '@linli/volunteering/testing';
import { FixedClock } from '@linli/platform';
import { startTestApi, TestApi } from '../support/test-api';
import { Bearers, signInAll } from '../support/auth';
import { errorFields, expectProblem, expectStatus } from './identity-e2e.helpers';

/**
 * Issue 10, items 7, 8 and 15: what a new user of the API tripped over. Monday 2026-11-30 01:00
 * in Shanghai is still Sunday 2026-11-29 in UTC: defaults follow the community's calendar.
 */
const NOW = new Date('2026-11-29T17:00:00Z');

describe('API papercuts (issue 10: items 7, 8, 15)', () => {
  let api: TestApi;
  let tenant: Tenant;
  let other: Tenant;
  let as: Bearers;

  beforeAll(async () => {
    api = await startTestApi({ clock: new FixedClock(NOW) });
    tenant = await createTenant(api.em());
    other = await createTenant(api.em());
    as = await signInAll(api, tenant);
  });
  afterAll(() => api.close());

  describe('item 7: bulk changes with an invalid date answer 400, not 500', () => {
    it.each([
      ['bulk-cancel', { from: 'not-a-date', to: '2026-12-02T00:00:00+08:00', reason: '暴雨' }, 'body.from'],
      ['bulk-cancel', { from: '', to: '2026-12-02T00:00:00+08:00', reason: '暴雨' }, 'body.from'],
      ['bulk-cancel', { from: 1, to: '2026-12-02T00:00:00+08:00', reason: '暴雨' }, 'body.from'],
      ['bulk-cancel', { from: '2026-12-01T00:00:00+08:00', to: 42, reason: '暴雨' }, 'body.to'],
      [
        'bulk-postpone',
        { from: 0, to: '2026-12-02T00:00:00+08:00', reason: '暴雨', byMinutes: 60 },
        'body.from',
      ],
      [
        'bulk-postpone',
        { from: '2026-12-01T00:00:00+08:00', to: '2026-13-45', reason: '暴雨', byMinutes: 60 },
        'body.to',
      ],
    ])('%s %j', async (operation, body, field) => {
      const response = await api.http
        .post(`/api/v1/shifts/${operation}`)
        .set('authorization', as.organiser)
        .send(body);
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(errorFields(response)).toContain(field);
    });
  });

  describe('item 8: reservations of an unknown or foreign shift answer 404', () => {
    it('404 for an id nobody has, 404 for another community’s shift, 200 for an own shift', async () => {
      const foreign = await createShift(api.em(), other.community.id);
      const own = await createShift(api.em(), tenant.community.id);
      for (const bearer of [as.organiser, as.coordinator]) {
        expectProblem(
          await api.http.get(`/api/v1/shifts/${randomUUID()}/reservations`).set('authorization', bearer),
          404,
          'NOT_FOUND',
        );
        expectProblem(
          await api.http.get(`/api/v1/shifts/${foreign.id}/reservations`).set('authorization', bearer),
          404,
          'NOT_FOUND',
        );
        const mine = await api.http.get(`/api/v1/shifts/${own.id}/reservations`).set('authorization', bearer);
        expectStatus(mine, 200);
        expect(mine.body).toEqual([]);
      }
    });
  });

  describe('item 15', () => {
    it('accepts a claim with no body at all', async () => {
      const shift = await createShift(api.em(), tenant.community.id, { now: NOW });
      const response = await api.http
        .post(`/api/v1/shifts/${shift.id}/claims`)
        .set('authorization', as.volunteer);
      expectStatus(response, 201);
      expect(response.body.personId).toBe(tenant.people.volunteer.id);
    });

    it('shows the current week of the community’s zone when the rota is asked without a week', async () => {
      const response = await api.http.get('/api/v1/rota').set('authorization', as.organiser);
      expectStatus(response, 200);
      expect(response.body).toEqual(
        expect.objectContaining({ week: '2026-W49', from: '2026-11-30', to: '2026-12-06' }),
      );
    });

    it('makes a week of a rota given only from, or only to', async () => {
      const from = await api.http.get('/api/v1/rota?from=2026-12-10').set('authorization', as.organiser);
      expectStatus(from, 200);
      expect(from.body).toEqual(
        expect.objectContaining({ from: '2026-12-10', to: '2026-12-16', week: null }),
      );
      const to = await api.http.get('/api/v1/rota?to=2026-12-10').set('authorization', as.organiser);
      expectStatus(to, 200);
      expect(to.body).toEqual(expect.objectContaining({ from: '2026-12-04', to: '2026-12-10', week: null }));
    });

    it.each([
      ['', { from: '2026-01-01', to: '2026-11-30' }],
      ['?from=2026-06-01', { from: '2026-06-01', to: '2026-11-30' }],
      ['?to=2026-03-31', { from: '2026-01-01', to: '2026-03-31' }],
      ['?from=2024-01-01', { from: '2024-01-01', to: '2024-12-31' }],
      ['?from=2027-02-01', { from: '2027-02-01', to: '2028-02-01' }],
    ])('answers /hours%s over an open range: %j', async (query, period) => {
      const response = await api.http.get(`/api/v1/hours${query}`).set('authorization', as.organiser);
      expectStatus(response, 200);
      expect(response.body.period).toEqual({ ...period, timeZone: 'Asia/Shanghai' });
    });

    it('documents the rota week as one string, in the query and in the answer', async () => {
      const doc = await api.http.get('/api/docs-json');
      const week = (
        doc.body.paths['/api/v1/rota'].get.parameters as { name: string; schema: unknown }[]
      ).find((parameter) => parameter.name === 'week');
      expect(week?.schema).toEqual(expect.objectContaining({ type: 'string' }));
      expect(doc.body.components.schemas.RotaDto_Output.properties.week).toEqual(
        expect.objectContaining({ type: 'string', nullable: true }),
      );
    });
  });
});
