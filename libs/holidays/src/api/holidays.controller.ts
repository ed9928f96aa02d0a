import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, ApiDoc, CurrentActor, Roles } from '@linli/platform';
import { CommunityZones } from '@linli/identity';
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
    private readonly zones: CommunityZones,
  ) {}

  @Get()
  @ApiDoc("A year's holidays and make-up workdays · 节假日安排")
  @ApiOkResponse({ type: HolidayYearDto.Output })
  async list(
    @CurrentActor() actor: Actor,
    @Query() { year }: HolidayYearQuery,
  ): Promise<HolidayYearResponse> {
    const view = await this.calendar.listYear(actor, year);
    return mapHolidayYear(view, await this.zones.of(actor.communityId));
  }

  @Post('import')
  @HttpCode(200)
  @Roles('organiser')
  @ApiDoc("Import a year's published holidays (JSON or iCalendar) · 导入节假日", 'HOLIDAY_IMPORT_INVALID')
  @ApiOkResponse({ type: HolidayImportSummaryDto.Output })
  async import(
    @CurrentActor() actor: Actor,
    @Body() body: ImportHolidayYearRequest,
  ): Promise<HolidayImportSummaryResponse> {
    const summary = await this.importYear.execute(actor, body);
    return mapImportSummary(summary, await this.zones.of(actor.communityId));
  }

  @Put(':date')
  @Roles('organiser')
  @ApiDoc('Correct one day: a day off or a make-up workday · 修正某日安排')
  @ApiOkResponse({ type: HolidayCorrectionDto.Output })
  async upsert(
    @CurrentActor() actor: Actor,
    @Param() { date }: HolidayDateParam,
    @Body() body: UpsertHolidayDayRequest,
  ): Promise<HolidayCorrectionResponse> {
    const { day, replanned } = await this.calendar.upsertDay(actor, date, body);
    return { ...mapHolidayDay(day), replanned: mapReplan(replanned, await this.zones.of(actor.communityId)) };
  }

  @Delete(':date')
  @Roles('organiser')
  @ApiDoc("Remove a day's correction · 撤销某日修正", 'NOT_FOUND')
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
      replanned: mapReplan(replanned, await this.zones.of(actor.communityId)),
    };
  }
}
