import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiDoc, Public, notFound } from '@linli/platform';
import { PublicDirectoryQueries } from '../infra/public-directory.queries';
import { CommunitySlugParam, PublicCommunitiesDto, PublicEstatesDto } from './public-directory.schema';

/** Names change rarely and are public: browsers and proxies may keep them a few minutes. */
const PUBLIC_CACHE = ['Cache-Control', 'public, max-age=300'] as const;

/**
 * 居民页面: what a resident's page needs before anyone logs in, the communities and their estates
 * by name (for "when does the train come to 翡翠龙湾小区"). Names only: never people, addresses or
 * contact details.
 */
@ApiTags('public 公开信息')
@Public()
@Controller('v1/public/communities')
export class PublicDirectoryController {
  constructor(private readonly directory: PublicDirectoryQueries) {}

  @Get()
  @Header(...PUBLIC_CACHE)
  @ApiDoc('Communities on this installation, no login · 社区列表（公开）')
  @ApiOkResponse({ type: PublicCommunitiesDto.Output })
  async communities() {
    return { items: await this.directory.communities() };
  }

  @Get(':slug/estates')
  @Header(...PUBLIC_CACHE)
  @ApiDoc("A community's estates by name, no login · 小区列表（公开）", 'NOT_FOUND')
  @ApiOkResponse({ type: PublicEstatesDto.Output })
  async estates(@Param() { slug }: CommunitySlugParam) {
    const found = await this.directory.estates(slug);
    if (!found) throw notFound('Community');
    return { community: found.community, items: found.estates };
  }
}
