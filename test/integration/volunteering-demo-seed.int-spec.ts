import { Test } from '@nestjs/testing';
import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { FixedClock, PlatformModule } from '@linli/platform';
import { DEMO_LOGINS, IdentityModule, SeedDemoUseCase } from '@linli/identity';
import { SeedVolunteeringDemoUseCase, VolunteeringModule } from '@linli/volunteering';
import { allEntities, allMigrations } from '../../config/contexts';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { testConfig } from '../support/test-api';

// Monday 2026-11-30, 07:00 in Shanghai: a fortnight with no statutory holiday.
const NOW = new Date('2026-11-29T23:00:00Z');

async function seedersOn(database: TestDatabase, clock = new FixedClock(NOW)) {
  const module = await Test.createTestingModule({
    imports: [
      PlatformModule.forRoot({
        config: testConfig(),
        databaseUrl: database.url,
        entities: allEntities,
        migrations: allMigrations,
        http: false,
        clock,
      }),
      IdentityModule,
      VolunteeringModule,
    ],
  }).compile();
  await module.init();
  return {
    identity: module.get(SeedDemoUseCase),
    volunteering: module.get(SeedVolunteeringDemoUseCase),
    orm: module.get(MikroORM),
    close: () => module.close(),
  };
}

const counts = (orm: MikroORM) =>
  orm.em
    .fork()
    .getConnection()
    .execute(
      `SELECT (SELECT count(*) FROM shift)::int AS shifts, (SELECT count(*) FROM claim)::int AS claims,
              (SELECT count(*) FROM organisation_reservation)::int AS reservations,
              (SELECT count(*) FROM outbox_event)::int AS events`,
    )
    .then((rows) => rows[0]);

describe('volunteering demo seed (a fortnight for Chengnan)', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('does nothing before the demo community exists', async () => {
    const other = await createTestDatabase();
    const { volunteering, orm, close } = await seedersOn(other);
    try {
      expect(await volunteering.execute()).toBe('skipped');
      expect(await counts(orm)).toMatchObject({ shifts: 0, claims: 0 });
    } finally {
      await close();
      await other.drop();
    }
  });

  it('seeds once; seeding again, even concurrently, gives the same counts', async () => {
    const a = await seedersOn(database);
    const b = await seedersOn(database);
    try {
      await a.identity.execute();
      const outcomes = await Promise.all([a.volunteering.execute(), b.volunteering.execute()]);
      expect(outcomes.sort()).toEqual(['seeded', 'skipped']);
      const first = await counts(a.orm);
      expect(first.shifts).toBeGreaterThan(30);
      expect(first.claims).toBeGreaterThan(20);
      expect(first.reservations).toBe(1);
      expect(await a.volunteering.execute()).toBe('skipped');
      expect(await counts(a.orm)).toEqual(first);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('has market sessions on every weekday of the next 14 days and train visits to the estates', async () => {
    const { orm, close } = await seedersOn(database);
    try {
      const conn = (orm.em.fork() as EntityManager).getConnection();
      const days = await conn.execute<{ day: string; isodow: number; titles: string[] }[]>(
        `SELECT to_char(starts_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day,
                extract(isodow FROM starts_at AT TIME ZONE 'Asia/Shanghai')::int AS isodow,
                array_agg(title ORDER BY title) AS titles
           FROM shift GROUP BY 1, 2 ORDER BY 1`,
      );
      const weekdays = days.filter((d) => d.isodow <= 5);
      expect(weekdays.map((d) => d.day)).toEqual([
        '2026-11-30',
        '2026-12-01',
        '2026-12-02',
        '2026-12-03',
        '2026-12-04',
        '2026-12-07',
        '2026-12-08',
        '2026-12-09',
        '2026-12-10',
        '2026-12-11',
      ]);
      for (const day of weekdays) expect(day.titles.some((t) => t.startsWith('城南市集 · '))).toBe(true);
      const monday = days.find((d) => d.day === '2026-11-30')!;
      expect(monday.titles).toEqual(expect.arrayContaining(['城南市集 · 理发', '城南市集 · 缝补衣物']));
      expect(days.find((d) => d.day === '2026-12-03')!.titles).toEqual(
        expect.arrayContaining(['城南市集 · 磨刀', '城南市集 · 修鞋']),
      );
      expect(days.every((d) => d.day >= '2026-11-30' && d.day <= '2026-12-13')).toBe(true);

      const visits = await conn.execute<{ title: string; estate: string }[]>(
        `SELECT s.title, e.name AS estate FROM shift s JOIN estate e ON e.id = s.estate_id ORDER BY s.starts_at, s.capacity DESC`,
      );
      expect(visits[0]).toEqual({ title: '城南列车 · 学史力行号进翡翠龙湾小区', estate: '翡翠龙湾小区' });
      expect(visits.some((v) => v.title.includes('幸福号'))).toBe(true);

      // Market mornings start at 09:00 Shanghai time.
      const [haircut] = await conn.execute<{ starts_at: Date }[]>(
        `SELECT starts_at FROM shift WHERE title = '城南市集 · 理发' ORDER BY starts_at LIMIT 1`,
      );
      expect(new Date(haircut.starts_at).toISOString()).toBe('2026-11-30T01:00:00.000Z');
    } finally {
      await close();
    }
  });

  it('keeps the counters true to the claims, and gives the demo volunteer and the organisation some work', async () => {
    const { orm, close } = await seedersOn(database);
    try {
      const conn = (orm.em.fork() as EntityManager).getConnection();
      const drift = await conn.execute(
        `SELECT s.id FROM shift s
          WHERE s.confirmed_count <> (SELECT count(*) FROM claim c WHERE c.shift_id = s.id AND c.status = 'confirmed')
             OR s.held_count <> coalesce((SELECT sum(r.places - r.assigned_count) FROM organisation_reservation r
                                            WHERE r.shift_id = s.id AND r.status = 'active'), 0)`,
      );
      expect(drift).toEqual([]);
      const statuses = await conn.execute<{ status: string; n: number }[]>(
        `SELECT status, count(*)::int AS n FROM claim GROUP BY status ORDER BY status`,
      );
      expect(statuses.map((s) => s.status)).toEqual(['confirmed', 'waitlisted']);
      const mine = await conn.execute(
        `SELECT c.id FROM claim c JOIN account a ON a.person_id = c.person_id WHERE a.email = ? AND c.source = 'self'`,
        [DEMO_LOGINS.volunteer.email],
      );
      expect(mine.length).toBeGreaterThan(0);
      const [reservation] = await conn.execute(
        `SELECT r.places, r.assigned_count, o.name, r.release_at > ? AS pending
           FROM organisation_reservation r JOIN partner_organisation o ON o.id = r.organisation_id`,
        [NOW],
      );
      expect(reservation).toEqual({ places: 3, assigned_count: 1, name: '凤鸣志愿者协会', pending: true });
      const events = await conn.execute<{ type: string; n: number }[]>(
        `SELECT type, count(*)::int AS n FROM outbox_event GROUP BY type ORDER BY type`,
      );
      expect(events.map((e) => e.type)).toEqual(['ClaimConfirmed', 'ClaimWaitlisted', 'ShiftScheduled']);
    } finally {
      await close();
    }
  });
});
