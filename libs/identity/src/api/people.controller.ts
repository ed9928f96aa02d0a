import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roles } from '@linli/platform';
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
  constructor(private readonly people: PeopleService) {}

  /** Organisers add anyone; a coordinator's new person joins their organisation. */
  @Post()
  @Roles('organiser', 'coordinator')
  @ApiCreatedResponse({ type: PersonDto.Output })
  async create(@CurrentActor() actor: Actor, @Body() body: CreatePersonRequest): Promise<PersonResponse> {
    return mapPerson(await this.people.create(actor, body));
  }

  /** Organisers: everyone; coordinators: themselves and their members; volunteers: themselves. */
  @Get()
  @ApiOkResponse({ type: PersonPageDto.Output })
  async list(@CurrentActor() actor: Actor, @Query() query: ListPeopleQuery) {
    const page = await this.people.list(actor, query);
    return { ...page, items: page.items.map(mapPerson) };
  }

  @Get(':id')
  @ApiOkResponse({ type: PersonDto.Output })
  async get(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<PersonResponse> {
    return mapPerson(await this.people.get(actor, id));
  }

  @Patch(':id')
  @ApiOkResponse({ type: PersonDto.Output })
  async update(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Body() body: UpdatePersonRequest,
  ): Promise<PersonResponse> {
    return mapPerson(await this.people.update(actor, id, body));
  }

  /** Deletes a person without history; deactivates one with memberships or an account. */
  @Delete(':id')
  @Roles('organiser')
  @ApiOkResponse({ type: RemovalResponse.Output })
  remove(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<Removal> {
    return this.people.remove(actor, id);
  }
}
