import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, ApiDoc, CurrentActor, Roles } from '@linli/platform';
import { CommunityZones } from '../application/community-zones';
import { OrganisationsService } from '../application/organisations.service';
import { mapOrganisation } from './identity.mapper';
import { IdParam } from './common.schema';
import {
  CreateOrganisationRequest,
  ListOrganisationsQuery,
  OrganisationDto,
  OrganisationPageDto,
  OrganisationResponse,
  UpdateOrganisationRequest,
} from './organisation.schema';

@ApiTags('organisations 六社联动伙伴')
@ApiBearerAuth()
@Controller('v1/organisations')
export class OrganisationsController {
  constructor(
    private readonly organisations: OrganisationsService,
    private readonly zones: CommunityZones,
  ) {}

  @Post()
  @Roles('organiser')
  @ApiDoc('Add a partner organisation · 新建伙伴组织', 'ALREADY_EXISTS')
  @ApiCreatedResponse({ type: OrganisationDto.Output })
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateOrganisationRequest,
  ): Promise<OrganisationResponse> {
    return mapOrganisation(
      await this.organisations.create(actor, body),
      await this.zones.of(actor.communityId),
    );
  }

  @Get()
  @ApiDoc('List partner organisations · 伙伴组织列表')
  @ApiOkResponse({ type: OrganisationPageDto.Output })
  async list(@CurrentActor() actor: Actor, @Query() query: ListOrganisationsQuery) {
    const page = await this.organisations.list(actor, query);
    const zone = await this.zones.of(actor.communityId);
    return { ...page, items: page.items.map((item) => mapOrganisation(item, zone)) };
  }

  @Get(':id')
  @ApiDoc('One partner organisation · 伙伴组织详情', 'NOT_FOUND')
  @ApiOkResponse({ type: OrganisationDto.Output })
  async get(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<OrganisationResponse> {
    return mapOrganisation(await this.organisations.get(actor, id), await this.zones.of(actor.communityId));
  }

  @Patch(':id')
  @Roles('organiser', 'coordinator')
  @ApiDoc('Change a partner organisation · 修改伙伴组织', 'NOT_FOUND', 'ALREADY_EXISTS')
  @ApiOkResponse({ type: OrganisationDto.Output })
  async update(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Body() body: UpdateOrganisationRequest,
  ): Promise<OrganisationResponse> {
    return mapOrganisation(
      await this.organisations.update(actor, id, body),
      await this.zones.of(actor.communityId),
    );
  }

  /** Deactivates: organisations keep their history. */
  @Delete(':id')
  @Roles('organiser')
  @ApiDoc('Deactivate a partner organisation · 停用伙伴组织', 'NOT_FOUND')
  @ApiOkResponse({ type: OrganisationDto.Output })
  async deactivate(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<OrganisationResponse> {
    return mapOrganisation(
      await this.organisations.deactivate(actor, id),
      await this.zones.of(actor.communityId),
    );
  }
}
