import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, ApiDoc, CurrentActor, Roles } from '@linli/platform';
import { CommunityZones } from '../application/community-zones';
import { PeopleService } from '../application/people.service';
import { mapPerson } from './identity.mapper';
import { IdParam, Removal, RemovalResponse } from './common.schema';
import {
  CreatePersonRequest,
  ListPeopleQuery,
  PersonDto,
  PersonPageDto,
  PersonResponse,
  UpdatePersonRequest,
} from './person.schema';

@ApiTags('people 志愿者与居民')
@ApiBearerAuth()
@Controller('v1/people')
export class PeopleController {
  constructor(
    private readonly people: PeopleService,
    private readonly zones: CommunityZones,
  ) {}

  /** Organisers add anyone; a coordinator's new person joins their organisation. */
  @Post()
  @Roles('organiser', 'coordinator')
  @ApiDoc('Add a person · 新建人员', 'REFERENCE_INVALID')
  @ApiCreatedResponse({ type: PersonDto.Output })
  async create(@CurrentActor() actor: Actor, @Body() body: CreatePersonRequest): Promise<PersonResponse> {
    return mapPerson(await this.people.create(actor, body), await this.zones.of(actor.communityId));
  }

  /** Organisers: everyone; coordinators: themselves and their members; volunteers: themselves. */
  @Get()
  @ApiDoc('List the people you may see · 人员列表')
  @ApiOkResponse({ type: PersonPageDto.Output })
  async list(@CurrentActor() actor: Actor, @Query() query: ListPeopleQuery) {
    const page = await this.people.list(actor, query);
    const zone = await this.zones.of(actor.communityId);
    return { ...page, items: page.items.map((item) => mapPerson(item, zone)) };
  }

  @Get(':id')
  @ApiDoc('One person · 人员详情', 'NOT_FOUND')
  @ApiOkResponse({ type: PersonDto.Output })
  async get(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<PersonResponse> {
    return mapPerson(await this.people.get(actor, id), await this.zones.of(actor.communityId));
  }

  @Patch(':id')
  @ApiDoc('Change a person · 修改人员信息', 'NOT_FOUND', 'FORBIDDEN', 'REFERENCE_INVALID')
  @ApiOkResponse({ type: PersonDto.Output })
  async update(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Body() body: UpdatePersonRequest,
  ): Promise<PersonResponse> {
    return mapPerson(await this.people.update(actor, id, body), await this.zones.of(actor.communityId));
  }

  /** Deletes a person without history; deactivates one with memberships or an account. */
  @Delete(':id')
  @Roles('organiser')
  @ApiDoc('Remove a person: deleted, or deactivated with history · 删除或停用人员', 'NOT_FOUND')
  @ApiOkResponse({ type: RemovalResponse.Output })
  remove(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<Removal> {
    return this.people.remove(actor, id);
  }
}
