import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { notFound } from '@linli/platform';
import { Community } from '../infra/community.entity';

export interface CommunitySettings {
  /** IANA zone the community's wall times are in, e.g. Asia/Shanghai. */
  timeZone: string;
  locale: string;
}

/** What other contexts may read about a community, without reaching for the entity. */
@Injectable()
export class CommunitiesService {
  constructor(private readonly em: EntityManager) {}

  async settingsOf(communityId: string): Promise<CommunitySettings> {
    const community = await this.em.findOne(
      Community,
      { id: communityId },
      { fields: ['timeZone', 'locale'] },
    );
    if (!community) throw notFound('Community');
    return { timeZone: community.timeZone, locale: community.locale };
  }
}
