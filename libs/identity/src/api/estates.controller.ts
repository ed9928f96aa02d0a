import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roles } from '@linli/platform';
import { EstatesService } from '../application/estates.service';
import { mapEstate } from './identity.mapper';
import { IdParam } from './common.schema';
import {
  CreateEstateRequest,
  EstateDto,
  EstatePageDto,
  EstateResponse,
  ListEstatesQuery,
  UpdateEstateRequest,
} from './estate.schema';

@ApiTags('estates 小区')
@ApiBearerAuth()
@Controller('v1/estates')
export class EstatesController {
  constructor(private readonly estates: EstatesService) {}

  @Post()
  @Roles('organiser')
  @ApiCreatedResponse({ type: EstateDto.Output })
  async create(@CurrentActor() actor: Actor, @Body() body: CreateEstateRequest): Promise<EstateResponse> {
    return mapEstate(await this.estates.create(actor, body));
  }

  @Get()
  @ApiOkResponse({ type: EstatePageDto.Output })
  async list(@CurrentActor() actor: Actor, @Query() query: ListEstatesQuery) {
    const page = await this.estates.list(actor, query);
    return { ...page, items: page.items.map(mapEstate) };
  }

  @Get(':id')
  @ApiOkResponse({ type: EstateDto.Output })
  async get(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<EstateResponse> {
    return mapEstate(await this.estates.get(actor, id));
  }

  @Patch(':id')
  @Roles('organiser')
  @ApiOkResponse({ type: EstateDto.Output })
  async update(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Body() body: UpdateEstateRequest,
  ): Promise<EstateResponse> {
    return mapEstate(await this.estates.update(actor, id, body));
  }

  /** Deactivates: estates keep their history. */
  @Delete(':id')
  @Roles('organiser')
  @ApiOkResponse({ type: EstateDto.Output })
  async deactivate(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<EstateResponse> {
    return mapEstate(await this.estates.deactivate(actor, id));
  }
}
