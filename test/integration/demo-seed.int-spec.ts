import { Test } from '@nestjs/testing';
import { MikroORM } from '@mikro-orm/core';
import { PlatformModule } from '@linli/platform';
import {
  CHENGNAN,
  DEMO_LOGINS,
  DEMO_PASSWORD,
  IdentityModule,
  PARTNER_KIND_VALUES,
  SeedDemoUseCase,
} from '@linli/identity';
import { allEntities, allMigrations } from '../../config/contexts';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { startTestApi, testConfig } from '../support/test-api';

async function seederOn(database: TestDatabase) {
  const module = await Test.createTestingModule({
    imports: [
      PlatformModule.forRoot({
        config: testConfig(),
        databaseUrl: database.url,
        entities: allEntities,
        migrations: allMigrations,
        http: false,
      }),
      IdentityModule,
    ],
  }).compile();
  await module.init();
  return { seeder: module.get(SeedDemoUseCase), orm: module.get(MikroORM), close: () => module.close() };
}

const counts = (orm: MikroORM) =>
  orm.em
    .fork()
    .getConnection()
    .execute(
      `SELECT (SELECT count(*) FROM community)::int AS communities, (SELECT count(*) FROM estate)::int AS estates,
              (SELECT count(*) FROM partner_organisation)::int AS organisations, (SELECT count(*) FROM person)::int AS people,
              (SELECT count(*) FROM membership)::int AS memberships, (SELECT count(*) FROM account)::int AS accounts`,
    )
    .then((rows) => rows[0]);

describe('demo seed (Chengnan)', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('seeds an empty database once; seeding again, even concurrently, changes nothing', async () => {
    const a = await seederOn(database);
    const b = await seederOn(database);
    try {
      const outcomes = await Promise.all([a.seeder.execute(), b.seeder.execute()]);
      expect(outcomes.sort()).toEqual(['seeded', 'skipped']);
      const first = await counts(a.orm);
      expect(await a.seeder.execute()).toBe('skipped');
      expect(await counts(a.orm)).toEqual(first);
      expect(first).toMatchObject({ communities: 1, accounts: 3 });
      expect(first.people).toBeGreaterThanOrEqual(30);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('holds the community from the domain: 翡翠龙湾小区, all six partner kinds with members', async () => {
    const { orm, close } = await seederOn(database);
    try {
      const conn = orm.em.fork().getConnection();
      const [community] = await conn.execute(`SELECT name, slug, time_zone, locale FROM community`);
      expect(community).toEqual({
        name: CHENGNAN.name,
        slug: 'chengnan',
        time_zone: 'Asia/Shanghai',
        locale: 'zh-CN',
      });
      expect(await conn.execute(`SELECT 1 FROM estate WHERE name = '翡翠龙湾小区'`)).toHaveLength(1);
      const kinds = await conn.execute(
        `SELECT o.kind, count(m.id)::int AS members FROM partner_organisation o JOIN membership m ON m.organisation_id = o.id GROUP BY o.kind`,
      );
      expect(kinds.map((k: { kind: string }) => k.kind).sort()).toEqual([...PARTNER_KIND_VALUES].sort());
      for (const kind of kinds) expect(kind.members).toBeGreaterThan(0);
      const skilled = await conn.execute(
        `SELECT count(*)::int AS n FROM person WHERE cardinality(skills) > 0`,
      );
      expect(skilled[0].n).toBeGreaterThanOrEqual(30);
    } finally {
      await close();
    }
  });

  it('gives working demo logins for an organiser, a coordinator and a volunteer', async () => {
    const api = await startTestApi({ database });
    try {
      for (const [role, login] of Object.entries(DEMO_LOGINS)) {
        const response = await api.http
          .post('/api/v1/auth/login')
          .send({ login: login.email, password: DEMO_PASSWORD });
        expect(response.status).toBe(200);
        expect(response.body.me.account.role).toBe(role);
        expect(response.body.me.community.slug).toBe('chengnan');
      }
    } finally {
      await api.close();
    }
  });
});
