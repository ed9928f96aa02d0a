import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, ApiDoc, CurrentActor, Roles } from '@linli/platform';
import { CommunityZones } from '../application/community-zones';
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
  constructor(
    private readonly estates: EstatesService,
    private readonly zones: CommunityZones,
  ) {}

  @Post()
  @Roles('organiser')
  @ApiDoc('Add an estate · 新建小区', 'ALREADY_EXISTS')
  @ApiCreatedResponse({ type: EstateDto.Output })
  async create(@CurrentActor() actor: Actor, @Body() body: CreateEstateRequest): Promise<EstateResponse> {
    return mapEstate(await this.estates.create(actor, body), await this.zones.of(actor.communityId));
  }

  @Get()
  @ApiDoc('List estates · 小区列表')
  @ApiOkResponse({ type: EstatePageDto.Output })
  async list(@CurrentActor() actor: Actor, @Query() query: ListEstatesQuery) {
    const page = await this.estates.list(actor, query);
    const zone = await this.zones.of(actor.communityId);
    return { ...page, items: page.items.map((item) => mapEstate(item, zone)) };
  }

  @Get(':id')
  @ApiDoc('One estate · 小区详情', 'NOT_FOUND')
  @ApiOkResponse({ type: EstateDto.Output })
  async get(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<EstateResponse> {
    return mapEstate(await this.estates.get(actor, id), await this.zones.of(actor.communityId));
  }

  @Patch(':id')
  @Roles('organiser')
  @ApiDoc('Change an estate · 修改小区', 'NOT_FOUND', 'ALREADY_EXISTS')
  @ApiOkResponse({ type: EstateDto.Output })
  async update(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Body() body: UpdateEstateRequest,
  ): Promise<EstateResponse> {
    return mapEstate(await this.estates.update(actor, id, body), await this.zones.of(actor.communityId));
  }

  /** Deactivates: estates keep their history. */
  @Delete(':id')
  @Roles('organiser')
  @ApiDoc('Deactivate an estate · 停用小区', 'NOT_FOUND')
  @ApiOkResponse({ type: EstateDto.Output })
  async deactivate(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<EstateResponse> {
    return mapEstate(await this.estates.deactivate(actor, id), await this.zones.of(actor.communityId));
  }
}
