import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { Actor, ApiDoc, CurrentActor, Roles, formatOptionalInstant } from '@linli/platform';
import { ShiftSeriesService } from '../application/series/shift-series.service';
import { EditShiftSeriesUseCase } from '../application/series/edit-shift-series.use-case';
import { SeriesHolidayWarnings } from '../application/series/series-holiday-warnings';
import { mapSeriesEditResult, mapSeriesShift, mapShiftSeries } from './shift-series.mapper';
import {
  CreateShiftSeriesRequest,
  CreatedShiftSeriesDto,
  CreatedShiftSeriesResponse,
  EditShiftSeriesRequest,
  EndSeriesResultDto,
  EndSeriesResultResponse,
  ListSeriesShiftsQuery,
  ListShiftSeriesQuery,
  MaterialiseResultDto,
  SeriesEditResultDto,
  SeriesEditResultResponse,
  SeriesShiftPageDto,
  ShiftSeriesDto,
  ShiftSeriesPageDto,
  ShiftSeriesResponse,
} from './shift-series.schema';
import { RECURRENCE_REFUSALS } from './documented-errors';

class SeriesIdParam extends createZodDto(z.strictObject({ id: z.uuid() })) {}

/** 重复班次: organisers plan repeating shifts; everyone signed in reads them. */
@ApiTags('shift series 重复班次')
@ApiBearerAuth()
@Controller('v1/shift-series')
export class ShiftSeriesController {
  constructor(
    private readonly series: ShiftSeriesService,
    private readonly editSeries: EditShiftSeriesUseCase,
    private readonly holidayWarnings: SeriesHolidayWarnings,
  ) {}

  /** Saves the series and creates its shifts for the horizon (default 8 weeks) at once. */
  @Post()
  @Roles('organiser')
  @ApiDoc('Plan a repeating shift · 新建重复班次', 'REFERENCE_INVALID', ...RECURRENCE_REFUSALS)
  @ApiCreatedResponse({ type: CreatedShiftSeriesDto.Output })
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateShiftSeriesRequest,
  ): Promise<CreatedShiftSeriesResponse> {
    const series = await this.series.create(actor.communityId, body);
    // Issue 10: years the series runs into without official holiday data are said, not silent.
    return {
      ...mapShiftSeries(series),
      warnings: await this.holidayWarnings.forSeries(actor.communityId, series),
    };
  }

  @Get()
  @ApiDoc('List shift series · 重复班次列表')
  @ApiOkResponse({ type: ShiftSeriesPageDto.Output })
  async list(@CurrentActor() actor: Actor, @Query() query: ListShiftSeriesQuery) {
    const page = await this.series.list(actor.communityId, query);
    return { ...page, items: page.items.map(mapShiftSeries) };
  }

  @Get(':id')
  @ApiDoc('One shift series · 重复班次详情', 'NOT_FOUND')
  @ApiOkResponse({ type: ShiftSeriesDto.Output })
  async get(@CurrentActor() actor: Actor, @Param() { id }: SeriesIdParam): Promise<ShiftSeriesResponse> {
    return mapShiftSeries(await this.series.get(actor.communityId, id));
  }

  @Get(':id/shifts')
  @ApiDoc('The shifts of a series · 重复班次的各次班次', 'NOT_FOUND')
  @ApiOkResponse({ type: SeriesShiftPageDto.Output })
  async shifts(
    @CurrentActor() actor: Actor,
    @Param() { id }: SeriesIdParam,
    @Query() query: ListSeriesShiftsQuery,
  ) {
    const page = await this.series.shiftsOf(actor.communityId, id, query);
    return { ...page, items: page.items.map(mapSeriesShift) };
  }

  /**
   * Edits this occurrence, this and following, or all future ones. Shifts edited by hand are left
   * alone unless `includeEditedByHand`; occurrences the new pattern drops are cancelled.
   */
  @Patch(':id')
  @Roles('organiser')
  @ApiDoc(
    'Edit this, following or all occurrences · 修改重复班次',
    'NOT_FOUND',
    'SERIES_ENDED',
    'OCCURRENCE_NOT_IN_SERIES',
    'REFERENCE_INVALID',
    'CONFLICT',
    ...RECURRENCE_REFUSALS,
  )
  @ApiOkResponse({ type: SeriesEditResultDto.Output })
  async edit(
    @CurrentActor() actor: Actor,
    @Param() { id }: SeriesIdParam,
    @Body() body: EditShiftSeriesRequest,
  ): Promise<SeriesEditResultResponse> {
    return mapSeriesEditResult(await this.editSeries.execute(actor.communityId, id, body));
  }

  /** Materialises up to the horizon now (the worker does it every ten minutes); for previews and tests. */
  @Post(':id/materialise')
  @Roles('organiser')
  @HttpCode(200)
  @ApiDoc(
    "Create the series' shifts up to the horizon now · 立即生成班次",
    'NOT_FOUND',
    ...RECURRENCE_REFUSALS,
  )
  @ApiOkResponse({ type: MaterialiseResultDto.Output })
  async materialise(@CurrentActor() actor: Actor, @Param() { id }: SeriesIdParam) {
    const result = await this.series.materialise(actor.communityId, id);
    const { timeZone } = await this.series.get(actor.communityId, id);
    return {
      created: result.created.length,
      materialisedUntil: formatOptionalInstant(result.materialisedUntil, timeZone),
      timeZone,
    };
  }

  /** Ends the series now: future shifts nobody is on are cancelled; the others are listed. */
  @Delete(':id')
  @Roles('organiser')
  @ApiDoc('End a series now · 结束重复班次', 'NOT_FOUND')
  @ApiOkResponse({ type: EndSeriesResultDto.Output })
  async end(@CurrentActor() actor: Actor, @Param() { id }: SeriesIdParam): Promise<EndSeriesResultResponse> {
    const { series, cancelled, kept } = await this.series.end(actor.communityId, id);
    return { series: mapShiftSeries(series), cancelled, kept };
  }
}
