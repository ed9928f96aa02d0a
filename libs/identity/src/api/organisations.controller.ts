import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roles } from '@linli/platform';
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
  constructor(private readonly organisations: OrganisationsService) {}

  @Post()
  @Roles('organiser')
  @ApiCreatedResponse({ type: OrganisationDto.Output })
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateOrganisationRequest,
  ): Promise<OrganisationResponse> {
    return mapOrganisation(await this.organisations.create(actor, body));
  }

  @Get()
  @ApiOkResponse({ type: OrganisationPageDto.Output })
  async list(@CurrentActor() actor: Actor, @Query() query: ListOrganisationsQuery) {
    const page = await this.organisations.list(actor, query);
    return { ...page, items: page.items.map(mapOrganisation) };
  }

  @Get(':id')
  @ApiOkResponse({ type: OrganisationDto.Output })
  async get(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<OrganisationResponse> {
    return mapOrganisation(await this.organisations.get(actor, id));
  }

  @Patch(':id')
  @Roles('organiser', 'coordinator')
  @ApiOkResponse({ type: OrganisationDto.Output })
  async update(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Body() body: UpdateOrganisationRequest,
  ): Promise<OrganisationResponse> {
    return mapOrganisation(await this.organisations.update(actor, id, body));
  }

  /** Deactivates: organisations keep their history. */
  @Delete(':id')
  @Roles('organiser')
  @ApiOkResponse({ type: OrganisationDto.Output })
  async deactivate(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<OrganisationResponse> {
    return mapOrganisation(await this.organisations.deactivate(actor, id));
  }
}
