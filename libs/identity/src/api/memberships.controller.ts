import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, ApiDoc, CurrentActor, Roles } from '@linli/platform';
import { CommunityZones } from '../application/community-zones';
import { MembershipsService } from '../application/memberships.service';
import { mapMembership } from './identity.mapper';
import { IdParam } from './common.schema';
import {
  CreateMembershipRequest,
  ListMembershipsQuery,
  MembershipDto,
  MembershipPageDto,
  MembershipResponse,
  UpdateMembershipRequest,
} from './membership.schema';

@ApiTags('memberships 成员')
@ApiBearerAuth()
@Controller('v1/memberships')
export class MembershipsController {
  constructor(
    private readonly memberships: MembershipsService,
    private readonly zones: CommunityZones,
  ) {}

  /** Organisers only: a coordinator adds new people with POST /people (they join its organisation). */
  @Post()
  @Roles('organiser')
  @ApiDoc('Add a person to an organisation · 添加成员', 'REFERENCE_INVALID', 'ALREADY_EXISTS')
  @ApiCreatedResponse({ type: MembershipDto.Output })
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateMembershipRequest,
  ): Promise<MembershipResponse> {
    return mapMembership(await this.memberships.create(actor, body), await this.zones.of(actor.communityId));
  }

  @Get()
  @ApiDoc('List memberships · 成员列表')
  @ApiOkResponse({ type: MembershipPageDto.Output })
  async list(@CurrentActor() actor: Actor, @Query() query: ListMembershipsQuery) {
    const page = await this.memberships.list(actor, query);
    const zone = await this.zones.of(actor.communityId);
    return { ...page, items: page.items.map((item) => mapMembership(item, zone)) };
  }

  @Get(':id')
  @ApiDoc('One membership · 成员详情', 'NOT_FOUND')
  @ApiOkResponse({ type: MembershipDto.Output })
  async get(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<MembershipResponse> {
    return mapMembership(await this.memberships.get(actor, id), await this.zones.of(actor.communityId));
  }

  @Patch(':id')
  @Roles('organiser', 'coordinator')
  @ApiDoc('Change a membership · 修改成员', 'NOT_FOUND')
  @ApiOkResponse({ type: MembershipDto.Output })
  async update(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Body() body: UpdateMembershipRequest,
  ): Promise<MembershipResponse> {
    return mapMembership(
      await this.memberships.update(actor, id, body),
      await this.zones.of(actor.communityId),
    );
  }

  /** Ends the membership; the row stays as history. */
  @Delete(':id')
  @Roles('organiser', 'coordinator')
  @ApiDoc('End a membership · 结束成员关系', 'NOT_FOUND')
  @ApiOkResponse({ type: MembershipDto.Output })
  async deactivate(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<MembershipResponse> {
    return mapMembership(
      await this.memberships.deactivate(actor, id),
      await this.zones.of(actor.communityId),
    );
  }
}
