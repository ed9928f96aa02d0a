import { createTenant, Tenant } from '@linli/identity/testing';
import { createClaim, createReservation, createShift } from '@linli/volunteering/testing';
import { FixedClock } from '@linli/platform';
import { startTestApi, TestApi } from '../../support/test-api';
import { signInAll, type Bearers } from '../../support/auth';

// Tuesday 2026-12-01 08:00 in Shanghai, in ISO week 2026-W49.
const NOW = new Date('2026-12-01T00:00:00Z');

interface RotaPerson {
  personId: string;
  name: string;
  phone: string | null;
  status: string;
  checkedIn: boolean;
  organisationId: string | null;
}
interface RotaShift {
  id: string;
  startsAt: string;
  confirmed: number;
  waitlisted: number;
  people: RotaPerson[];
}

/**
 * Issue 12: the board carries who is on each shift by name and phone, so the organiser's page
 * needs no join against /people; a coordinator sees their own members only, a volunteer only
 * themselves, and the counts still cover everyone.
 */
describe('rota: who is on each shift, by name and phone, as far as the caller may see', () => {
  let api: TestApi;
  let tenant: Tenant;
  let as: Bearers;
  let shiftId: string;

  beforeAll(async () => {
    api = await startTestApi({ clock: new FixedClock(NOW) });
    const em = api.em();
    tenant = await createTenant(em);
    // The member is in the coordinator's organisation; the volunteer in another one.
    em.assign(tenant.people.member, { phone: '10012340001' });
    em.assign(tenant.people.volunteer, { phone: '10012340002' });
    em.assign(tenant.people.organiser, { phone: '10012340003' });
    await em.flush();
    const shift = await createShift(api.em(), tenant.community.id, {
      now: new Date('2026-12-02T09:00:00+08:00'),
      startsInHours: 0,
      capacity: 3,
    });
    shiftId = shift.id;
    const em2 = api.em();
    const held = await createReservation(em2, shift, tenant.organisation.id, { places: 1 });
    await createClaim(em2, shift, tenant.people.member.id, {
      reservation: held,
      checkedInAt: new Date('2026-12-02T08:55:00+08:00'),
    });
    await createClaim(em2, shift, tenant.people.volunteer.id);
    await createClaim(em2, shift, tenant.people.organiser.id, { status: 'waitlisted' });
    as = await signInAll(api, tenant);
  });
  afterAll(() => api.close());

  async function boardShift(bearer: string): Promise<RotaShift> {
    const response = await api.http.get('/api/v1/rota?week=2026-W49').set('authorization', bearer);
    expect(response.status).toBe(200);
    const shifts = (response.body.days as { shifts: RotaShift[] }[]).flatMap((day) => day.shifts);
    return shifts.find((shift) => shift.id === shiftId)!;
  }

  it('gives organisers everyone on the shift: name, phone, status, check-in and organisation', async () => {
    const shift = await boardShift(as.organiser);
    expect(shift.startsAt).toBe('2026-12-02T09:00:00+08:00');
    expect(shift.people).toEqual([
      {
        claimId: expect.any(String),
        personId: tenant.people.member.id,
        name: '成员',
        phone: '10012340001',
        status: 'confirmed',
        checkedIn: true,
        organisationId: tenant.organisation.id,
      },
      {
        claimId: expect.any(String),
        personId: tenant.people.volunteer.id,
        name: '志愿者',
        phone: '10012340002',
        status: 'confirmed',
        checkedIn: false,
        organisationId: null,
      },
      {
        claimId: expect.any(String),
        personId: tenant.people.organiser.id,
        name: '组织者',
        phone: '10012340003',
        status: 'waitlisted',
        checkedIn: false,
        organisationId: null,
      },
    ]);
  });

  it("shows a coordinator only their organisation's members, with the counts of everyone", async () => {
    const shift = await boardShift(as.coordinator);
    expect(shift.people.map((p) => [p.name, p.phone])).toEqual([['成员', '10012340001']]);
    expect([shift.confirmed, shift.waitlisted]).toEqual([2, 1]);
  });

  it("never shows a volunteer anyone else's name or phone: only themselves", async () => {
    const shift = await boardShift(as.volunteer);
    expect(shift.people.map((p) => [p.name, p.phone])).toEqual([['志愿者', '10012340002']]);
    const text = JSON.stringify(shift);
    for (const phone of ['10012340001', '10012340003']) expect(text).not.toContain(phone);
    expect([shift.confirmed, shift.waitlisted]).toEqual([2, 1]);
  });

  it("never shows another community's organiser this community's people", async () => {
    const other = await createTenant(api.em());
    const bearers = await signInAll(api, other);
    const response = await api.http.get('/api/v1/rota?week=2026-W49').set('authorization', bearers.organiser);
    expect(response.status).toBe(200);
    expect(JSON.stringify(response.body)).not.toContain('1001234000');
  });
});
