import type { EntityManager } from '@mikro-orm/core';
import { SqlDatabase } from '@linli/platform';
import { startUseCaseTier, type UseCaseTier } from '../../../../test/support/use-case-tier';
import { IdentityModule } from '../identity.module';
import {
  createTenant,
  makeAccount,
  makeCommunity,
  makeEstate,
  makeMembership,
  makeOrganisation,
  makePerson,
  type Tenant,
} from '../testing';
import { Community } from './community.entity';
import { IdentityDirectory } from './identity-directory';
import { PartnerOrganisation } from './partner-organisation.entity';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('IdentityDirectory (identity read port)', () => {
  let tier: UseCaseTier;
  let directory: IdentityDirectory;
  let em: () => EntityManager;
  let tenant: Tenant;
  let other: Tenant;

  beforeAll(async () => {
    tier = await startUseCaseTier({ imports: [IdentityModule] });
    directory = tier.get(IdentityDirectory);
    em = () => tier.em();
    tenant = await createTenant(em(), 'directory');
    other = await createTenant(em(), 'other');
  });

  afterAll(() => tier?.close());

  describe('community', () => {
    it('answers the facts by id and by slug, with a real Date', async () => {
      const expected = {
        id: tenant.community.id,
        name: tenant.community.name,
        slug: tenant.community.slug,
        timeZone: 'Asia/Shanghai',
        locale: 'zh-CN',
        updatedAt: expect.any(Date),
      };
      const byId = await directory.community(tenant.community.id);
      expect(byId).toEqual(expected);
      expect(byId!.updatedAt.getTime()).toBe(tenant.community.updatedAt.getTime());
      expect(await directory.communityBySlug(tenant.community.slug)).toEqual(expected);
    });

    it('answers undefined for an unknown id, a malformed id and an unknown slug', async () => {
      expect(await directory.community(UNKNOWN)).toBeUndefined();
      expect(await directory.community('not-a-uuid')).toBeUndefined();
      expect(await directory.communityBySlug('no-such-community')).toBeUndefined();
    });

    it('reads a zone and locale of the community’s own', async () => {
      const manager = em();
      const community = makeCommunity(manager, { timeZone: 'Europe/Berlin', locale: 'de-DE' });
      await manager.flush();
      expect(await directory.community(community.id)).toMatchObject({
        timeZone: 'Europe/Berlin',
        locale: 'de-DE',
      });
    });
  });

  describe('estate, organisation, person', () => {
    it('answers each by id within its community', async () => {
      expect(await directory.estate(tenant.community.id, tenant.estate.id)).toEqual({
        id: tenant.estate.id,
        name: tenant.estate.name,
        active: true,
        updatedAt: expect.any(Date),
      });
      expect(await directory.organisation(tenant.community.id, tenant.organisation.id)).toEqual({
        id: tenant.organisation.id,
        name: tenant.organisation.name,
        kind: 'social_organisation',
        active: true,
        updatedAt: expect.any(Date),
      });
      expect(await directory.person(tenant.community.id, tenant.people.member.id)).toEqual({
        id: tenant.people.member.id,
        name: '成员',
        active: true,
        updatedAt: expect.any(Date),
      });
    });

    it('never answers another community’s record', async () => {
      expect(await directory.estate(other.community.id, tenant.estate.id)).toBeUndefined();
      expect(await directory.organisation(other.community.id, tenant.organisation.id)).toBeUndefined();
      expect(await directory.person(other.community.id, tenant.people.member.id)).toBeUndefined();
    });

    it('answers undefined for unknown and malformed ids', async () => {
      expect(await directory.estate(tenant.community.id, UNKNOWN)).toBeUndefined();
      expect(await directory.organisation(tenant.community.id, 'x')).toBeUndefined();
      expect(await directory.person('x', tenant.people.member.id)).toBeUndefined();
    });

    it('reports deactivated records as inactive rather than hiding them', async () => {
      const manager = em();
      const community = manager.getReference(Community, tenant.community.id);
      const estate = makeEstate(manager, community, { active: false });
      const organisation = makeOrganisation(manager, community, 'stationed_unit', { active: false });
      const person = makePerson(manager, community, { active: false });
      await manager.flush();
      expect(await directory.estate(tenant.community.id, estate.id)).toMatchObject({ active: false });
      expect(await directory.organisation(tenant.community.id, organisation.id)).toMatchObject({
        active: false,
        kind: 'stationed_unit',
      });
      expect(await directory.person(tenant.community.id, person.id)).toMatchObject({ active: false });
    });
  });

  describe('isActiveMember', () => {
    it('is true for an active membership of either role, false otherwise', async () => {
      const { community, organisation, otherOrganisation, people } = tenant;
      expect(await directory.isActiveMember(community.id, people.member.id, organisation.id)).toBe(true);
      expect(await directory.isActiveMember(community.id, people.coordinator.id, organisation.id)).toBe(true);
      expect(await directory.isActiveMember(community.id, people.volunteer.id, organisation.id)).toBe(false);
      expect(await directory.isActiveMember(community.id, people.volunteer.id, otherOrganisation.id)).toBe(
        true,
      );
      expect(await directory.isActiveMember(other.community.id, people.member.id, organisation.id)).toBe(
        false,
      );
      expect(await directory.isActiveMember(community.id, 'x', organisation.id)).toBe(false);
    });

    it('is false once the membership has ended', async () => {
      const manager = em();
      const community = manager.getReference(Community, tenant.community.id);
      const person = makePerson(manager, community);
      const membership = makeMembership(
        manager,
        person,
        manager.getReference(PartnerOrganisation, tenant.organisation.id),
      );
      await manager.flush();
      expect(await directory.isActiveMember(tenant.community.id, person.id, tenant.organisation.id)).toBe(
        true,
      );
      membership.active = false;
      await manager.flush();
      expect(await directory.isActiveMember(tenant.community.id, person.id, tenant.organisation.id)).toBe(
        false,
      );
    });
  });

  describe('contacts', () => {
    it('gives each active person’s own address, else their account’s login, else null', async () => {
      const manager = em();
      const community = manager.getReference(Community, tenant.community.id);
      const ownAddress = makePerson(manager, community, {
        email: 'own@test.linli',
        languages: ['en', 'zh-CN'],
      });
      const loginOnly = makePerson(manager, community);
      const nowhere = makePerson(manager, community);
      const gone = makePerson(manager, community, { email: 'gone@test.linli', active: false });
      await makeAccount(manager, community, 'volunteer', { person: loginOnly, email: 'login@test.linli' });
      await makeAccount(manager, community, 'volunteer', { person: ownAddress, email: 'second@test.linli' });
      await manager.flush();

      const contacts = await directory.contacts(tenant.community.id, [
        ownAddress.id,
        loginOnly.id,
        nowhere.id,
        gone.id,
        ownAddress.id,
        UNKNOWN,
        'not-a-uuid',
      ]);
      const byId = new Map(contacts.map((contact) => [contact.personId, contact]));
      expect(contacts).toHaveLength(3);
      expect(byId.get(ownAddress.id)).toEqual({
        personId: ownAddress.id,
        communityId: tenant.community.id,
        name: ownAddress.name,
        mailAddress: 'own@test.linli',
        languages: ['en', 'zh-CN'],
      });
      expect(byId.get(loginOnly.id)).toMatchObject({ mailAddress: 'login@test.linli', languages: ['zh-CN'] });
      expect(byId.get(nowhere.id)).toMatchObject({ mailAddress: null });
      expect(byId.has(gone.id)).toBe(false);
    });

    it('keeps to the community when given one, and spans communities when not', async () => {
      const ids = [tenant.people.member.id, other.people.member.id];
      expect((await directory.contacts(tenant.community.id, ids)).map((c) => c.personId)).toEqual([
        tenant.people.member.id,
      ]);
      const everywhere = await directory.contacts(undefined, ids);
      expect(new Map(everywhere.map((c) => [c.personId, c.communityId]))).toEqual(
        new Map([
          [tenant.people.member.id, tenant.community.id],
          [other.people.member.id, other.community.id],
        ]),
      );
      expect(await directory.contacts(tenant.community.id, [])).toEqual([]);
    });
  });

  it('reads inside a caller’s SQL transaction with within(sql)', async () => {
    const db = tier.get(SqlDatabase);
    // Rolled back by throwing what was seen: the row never exists outside the transaction.
    const seen = await db
      .transaction(async (sql) => {
        const [{ id }] = await sql<{ id: string }>(
          `INSERT INTO person (id, community_id, name, skills, qualifications, languages, active, created_at, updated_at)
           VALUES (gen_random_uuid(), $1, '事务中的人', '{}', '{}', '{zh-CN}', true, now(), now()) RETURNING id`,
          [tenant.community.id],
        );
        const inside = await directory.within(sql).person(tenant.community.id, id);
        const outside = await directory.person(tenant.community.id, id);
        throw { inside, outside };
      })
      .catch((thrown: unknown) => thrown);
    expect(seen).toEqual({
      inside: { id: expect.any(String), name: '事务中的人', active: true, updatedAt: expect.any(Date) },
      outside: undefined,
    });
  });

  describe('accountMayAct (and identity_account_v1.may_act, the same rule)', () => {
    it('is true for an active account of an active person, and for an organiser without a person', async () => {
      expect(await directory.accountMayAct(tenant.community.id, tenant.accounts.volunteer.id)).toBe(true);
      expect(await directory.accountMayAct(tenant.community.id, tenant.accounts.organiser.id)).toBe(true);
      const manager = em();
      const organiser = await makeAccount(
        manager,
        await manager.findOneOrFail(Community, tenant.community.id),
        'organiser',
      );
      await manager.flush();
      expect(await directory.accountMayAct(tenant.community.id, organiser.id)).toBe(true);
    });

    it('is false once the account is disabled or its person deactivated; never across communities', async () => {
      const manager = em();
      const community = await manager.findOneOrFail(Community, tenant.community.id);
      const person = makePerson(manager, community);
      const account = await makeAccount(manager, community, 'volunteer', { person });
      const disabled = await makeAccount(manager, community, 'volunteer', {
        person: makePerson(manager, community),
        active: false,
      });
      await manager.flush();
      expect(await directory.accountMayAct(tenant.community.id, account.id)).toBe(true);
      expect(await directory.accountMayAct(other.community.id, account.id)).toBe(false);
      expect(await directory.accountMayAct(tenant.community.id, disabled.id)).toBe(false);
      person.active = false;
      await manager.flush();
      expect(await directory.accountMayAct(tenant.community.id, account.id)).toBe(false);
      const [view] = await tier
        .get(SqlDatabase)
        .query<{ active: boolean; may_act: boolean }>(
          `SELECT active, may_act FROM identity_account_v1 WHERE id = $1`,
          [account.id],
        );
      expect(view).toEqual({ active: true, may_act: false });
      expect(await directory.accountMayAct(tenant.community.id, UNKNOWN)).toBe(false);
      expect(await directory.accountMayAct(tenant.community.id, 'nope')).toBe(false);
    });
  });
});
