import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roles } from '@linli/platform';
import { HolidayCalendarService } from '../application/holiday-calendar.service';
import { ImportHolidayYearUseCase } from '../application/import-holiday-year.use-case';
import {
  HolidayCorrectionDto,
  HolidayCorrectionResponse,
  HolidayDateParam,
  HolidayImportSummaryDto,
  HolidayImportSummaryResponse,
  HolidayRemovalDto,
  HolidayRemovalResponse,
  HolidayYearDto,
  HolidayYearQuery,
  HolidayYearResponse,
  ImportHolidayYearRequest,
  UpsertHolidayDayRequest,
} from './holiday.schema';
import { mapHolidayDay, mapHolidayYear, mapImportSummary, mapReplan } from './holidays.mapper';

/** 节假日安排: everyone reads the calendar; organisers correct days and import published years. */
@ApiTags('holidays 节假日')
@ApiBearerAuth()
@Controller('v1/holidays')
export class HolidaysController {
  constructor(
    private readonly calendar: HolidayCalendarService,
    private readonly importYear: ImportHolidayYearUseCase,
  ) {}

  @Get()
  @ApiOkResponse({ type: HolidayYearDto.Output })
  async list(
    @CurrentActor() actor: Actor,
    @Query() { year }: HolidayYearQuery,
  ): Promise<HolidayYearResponse> {
    return mapHolidayYear(await this.calendar.listYear(actor, year));
  }

  @Post('import')
  @HttpCode(200)
  @Roles('organiser')
  @ApiOkResponse({ type: HolidayImportSummaryDto.Output })
  async import(
    @CurrentActor() actor: Actor,
    @Body() body: ImportHolidayYearRequest,
  ): Promise<HolidayImportSummaryResponse> {
    return mapImportSummary(await this.importYear.execute(actor, body));
  }

  @Put(':date')
  @Roles('organiser')
  @ApiOkResponse({ type: HolidayCorrectionDto.Output })
  async upsert(
    @CurrentActor() actor: Actor,
    @Param() { date }: HolidayDateParam,
    @Body() body: UpsertHolidayDayRequest,
  ): Promise<HolidayCorrectionResponse> {
    const { day, replanned } = await this.calendar.upsertDay(actor, date, body);
    return { ...mapHolidayDay(day), replanned: mapReplan(replanned) };
  }

  @Delete(':date')
  @Roles('organiser')
  @ApiOkResponse({ type: HolidayRemovalDto.Output })
  async remove(
    @CurrentActor() actor: Actor,
    @Param() { date }: HolidayDateParam,
  ): Promise<HolidayRemovalResponse> {
    const { day, replanned } = await this.calendar.removeOverride(actor, date);
    return {
      date,
      outcome: 'deleted',
      day: day ? mapHolidayDay(day) : null,
      replanned: mapReplan(replanned),
    };
  }
}
