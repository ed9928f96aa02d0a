import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roles } from '@linli/platform';
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
  constructor(private readonly memberships: MembershipsService) {}

  /** Organisers only: a coordinator adds new people with POST /people (they join its organisation). */
  @Post()
  @Roles('organiser')
  @ApiCreatedResponse({ type: MembershipDto.Output })
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateMembershipRequest,
  ): Promise<MembershipResponse> {
    return mapMembership(await this.memberships.create(actor, body));
  }

  @Get()
  @ApiOkResponse({ type: MembershipPageDto.Output })
  async list(@CurrentActor() actor: Actor, @Query() query: ListMembershipsQuery) {
    const page = await this.memberships.list(actor, query);
    return { ...page, items: page.items.map(mapMembership) };
  }

  @Get(':id')
  @ApiOkResponse({ type: MembershipDto.Output })
  async get(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<MembershipResponse> {
    return mapMembership(await this.memberships.get(actor, id));
  }

  @Patch(':id')
  @Roles('organiser', 'coordinator')
  @ApiOkResponse({ type: MembershipDto.Output })
  async update(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Body() body: UpdateMembershipRequest,
  ): Promise<MembershipResponse> {
    return mapMembership(await this.memberships.update(actor, id, body));
  }

  /** Ends the membership; the row stays as history. */
  @Delete(':id')
  @Roles('organiser', 'coordinator')
  @ApiOkResponse({ type: MembershipDto.Output })
  async deactivate(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<MembershipResponse> {
    return mapMembership(await this.memberships.deactivate(actor, id));
  }
}
