import { Injectable, Logger } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { Account } from '../infra/account.entity';
import { Community } from '../infra/community.entity';
import { Estate } from '../infra/estate.entity';
import { Membership } from '../infra/membership.entity';
import { PartnerOrganisation } from '../infra/partner-organisation.entity';
import { Person } from '../infra/person.entity';
import { lockDemoSeed } from '../infra/demo-seed-lock';
import {
  CHENGNAN,
  DEMO_LOGINS,
  DEMO_PASSWORD,
  ESTATES,
  ORGANISATIONS,
  demoVolunteers,
} from '../demo/chengnan.data';
import { PasswordHasher } from './password-hasher';

/**
 * Seeds the Chengnan demo community into an empty database. Idempotent and safe when several
 * processes start at once: under an advisory lock, it does nothing if any community exists.
 */
@Injectable()
export class SeedDemoUseCase {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    private readonly orm: MikroORM,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute(): Promise<'seeded' | 'skipped'> {
    const passwordHash = await this.hasher.hash(DEMO_PASSWORD);
    const outcome = await this.orm.em.fork({ disableContextResolution: true }).transactional(async (em) => {
      await lockDemoSeed(em);
      if ((await em.count(Community, {})) > 0) return 'skipped' as const;
      const community = em.create(Community, CHENGNAN);
      const estates = ESTATES.map((estate) => em.create(Estate, { ...estate, community }));
      const organisations = ORGANISATIONS.map((organisation) =>
        em.create(PartnerOrganisation, {
          ...organisation,
          community,
        }),
      );
      const people = demoVolunteers().map((volunteer, index) => {
        const person = em.create(Person, {
          community,
          name: volunteer.name,
          phone: `100${String(10_000_000 + index).padStart(8, '0')}`,
          birthYear: volunteer.birthYear,
          homeEstate: estates[volunteer.estateIndex],
          skills: volunteer.skills,
          qualifications: volunteer.qualifications,
          languages: index === 2 ? ['zh-CN', 'en'] : ['zh-CN'],
        });
        const isCoordinator = index === 1;
        em.create(Membership, {
          community,
          person,
          organisation: organisations[volunteer.organisationIndex],
          role: isCoordinator ? 'coordinator' : 'member',
        });
        return person;
      });
      const account = (
        role: 'organiser' | 'coordinator' | 'volunteer',
        person: Person,
        organisation?: PartnerOrganisation,
      ) =>
        em.create(Account, {
          community,
          email: DEMO_LOGINS[role].email,
          passwordHash,
          role,
          person,
          organisation,
        });
      account('organiser', people[0]);
      account('coordinator', people[1], organisations[1]);
      account('volunteer', people[2]);
      return 'seeded' as const;
    });
    if (outcome === 'seeded') this.logger.log(`Seeded demo community ${CHENGNAN.name} (${CHENGNAN.slug})`);
    return outcome;
  }
}
