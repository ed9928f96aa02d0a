import { NO_HOLIDAYS, type HolidayCalendar } from '@linli/recurrence';
import { weekdayOf } from '../domain/rota';
import { MARKET_PLACE, chengnanFortnight } from './chengnan-fortnight';
import { DemoPerson, demoClaims } from './demo-claims';

const MONDAY = '2026-11-30';

describe('the demo fortnight for Chengnan', () => {
  const plans = chengnanFortnight(MONDAY, NO_HOLIDAYS);

  it('runs the market every weekday with that weekday’s services, and never at the weekend', () => {
    const market = plans.filter((p) => p.locationText === MARKET_PLACE);
    const days = [...new Set(market.map((p) => p.date))];
    expect(days).toHaveLength(10);
    for (const day of days) expect(weekdayOf(day)).toBeLessThanOrEqual(5);
    const on = (date: string) => market.filter((p) => p.date === date).map((p) => p.title);
    expect(on('2026-11-30')).toEqual(expect.arrayContaining(['城南市集 · 理发', '城南市集 · 缝补衣物']));
    expect(on('2026-12-01')).toContain('城南市集 · 家电维修');
    expect(on('2026-12-02')).toContain('城南市集 · 免费健康检查');
    expect(on('2026-12-03')).toEqual(expect.arrayContaining(['城南市集 · 磨刀', '城南市集 · 修鞋']));
  });

  it('sends the two vehicles to the estates in turn, starting at 翡翠龙湾小区', () => {
    const visits = plans.filter((p) => p.title.startsWith('城南列车'));
    expect(visits[0]).toMatchObject({ date: '2026-12-01', estateName: '翡翠龙湾小区' });
    expect(visits[0].title).toContain('学史力行号');
    expect(visits.some((p) => p.title.includes('幸福号') && weekdayOf(p.date) === 6)).toBe(true);
    expect(new Set(visits.map((p) => p.estateName)).size).toBe(5);
    expect(plans.filter((p) => weekdayOf(p.date) === 7)).toEqual([]);
  });

  it('gives every plan a unique key and sane times and places', () => {
    expect(new Set(plans.map((p) => p.key)).size).toBe(plans.length);
    for (const plan of plans) {
      expect(plan.end > plan.start).toBe(true);
      expect(plan.capacity).toBeGreaterThanOrEqual(1);
    }
  });

  it('skips statutory days off', () => {
    const holidays: HolidayCalendar = {
      day: (date) => (date === '2026-12-02' ? { date, kind: 'off', name: '测试假日' } : undefined),
      hasDataFor: () => true,
    };
    const withHoliday = chengnanFortnight(MONDAY, holidays);
    expect(withHoliday.filter((p) => p.date === '2026-12-02')).toEqual([]);
    expect(withHoliday.length).toBeLessThan(plans.length);
  });
});

describe('demo claims', () => {
  const plans = chengnanFortnight(MONDAY, NO_HOLIDAYS);
  const skills = [
    ['理发'],
    ['缝补衣物'],
    ['家电维修', '水电维修'],
    ['健康咨询'],
    ['磨刀'],
    ['修鞋'],
    ['反诈宣传'],
    ['心理疏导'],
  ];
  const qualifications = [[], [], ['电工证'], ['护士执业证书'], [], [], [], ['社会工作者证']];
  const people: DemoPerson[] = Array.from({ length: 30 }, (_, i) => ({
    id: `p${i}`,
    birthYear: 1950 + i,
    skills: skills[i % skills.length],
    qualifications: qualifications[i % qualifications.length],
    organisationIds: i % 3 === 0 ? ['org'] : [],
  }));
  const reserved = plans.find((p) => p.key.endsWith('学史力行号 windows'))!;
  const claims = demoClaims(plans, people, {
    reservedPlanKey: reserved.key,
    reservedPlaces: 3,
    reservingOrganisationId: 'org',
  });

  it('puts nobody on two shifts a day', () => {
    const days = claims.map((c) => `${c.personId} ${plans.find((p) => p.key === c.planKey)!.date}`);
    expect(new Set(days).size).toBe(days.length);
  });

  it('respects capacity (minus held places), qualifications and skills', () => {
    for (const plan of plans) {
      const on = claims.filter((c) => c.planKey === plan.key);
      const confirmed = on.filter((c) => c.status === 'confirmed').length;
      const held = plan.key === reserved.key ? 3 - on.filter((c) => c.viaReservation).length : 0;
      expect(confirmed + held).toBeLessThanOrEqual(plan.capacity);
      for (const claim of on) {
        const person = people.find((p) => p.id === claim.personId)!;
        for (const q of plan.requiredQualifications) expect(person.qualifications).toContain(q);
        if (plan.skills.length && !claim.viaReservation)
          expect(plan.skills.some((s) => person.skills.includes(s))).toBe(true);
      }
    }
  });

  it('fills the first Friday haircut stall with a waitlist and assigns one organisation member', () => {
    const friday = claims.filter((c) => c.planKey === '2026-12-04 market 理发');
    expect(friday.filter((c) => c.status === 'waitlisted')).toHaveLength(1);
    const assigned = claims.filter((c) => c.viaReservation);
    expect(assigned).toHaveLength(1);
    expect(assigned[0].planKey).toBe(reserved.key);
  });
});
