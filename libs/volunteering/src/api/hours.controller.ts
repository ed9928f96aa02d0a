import { Body, Controller, Get, Inject, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import type { Response } from 'express';
import { Actor, ApiDoc, Clock, CurrentActor, Roles } from '@linli/platform';
import { CommunityZones } from '@linli/identity';
import { HoursAdjustmentsService } from '../application/attendance/hours-adjustments.service';
import { HoursReportService } from '../application/attendance/hours-report.service';
import { mapAdjustment, withPersonTotals } from './attendance.mapper';
import {
  CreateHoursAdjustmentRequest,
  HoursAdjustmentDto,
  HoursAdjustmentPageDto,
  HoursAdjustmentResponse,
  HoursReportQuery,
  ListHoursAdjustmentsQuery,
  PersonHoursReportDto,
} from './hours.schema';
import {
  ORGANISATION_COLUMNS,
  PERSON_COLUMNS,
  contentDisposition,
  reportFileName,
  toCsv,
  toXlsx,
} from './hours-export';
import { reportPeriodOf } from './open-periods';

class IdParam extends createZodDto(z.strictObject({ id: z.uuid() })) {}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('hours 服务时长')
@ApiBearerAuth()
@Controller('v1')
export class HoursController {
  constructor(
    private readonly adjustments: HoursAdjustmentsService,
    private readonly reports: HoursReportService,
    @Inject(Clock) private readonly clock: Clock,
    private readonly zones: CommunityZones,
  ) {}

  /** Adds or removes minutes with a reason; the entry is kept for good (the audit trail). */
  @Post('people/:id/hours-adjustments')
  @Roles('organiser')
  @ApiDoc("Add or take away a person's service minutes · 调整服务时长", 'NOT_FOUND', 'REFERENCE_INVALID')
  @ApiCreatedResponse({ type: HoursAdjustmentDto.Output })
  async adjust(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Body() body: CreateHoursAdjustmentRequest,
  ): Promise<HoursAdjustmentResponse> {
    const adjustment = await this.adjustments.create(actor, id, body);
    return mapAdjustment(adjustment, await this.zones.of(actor.communityId));
  }

  /** Who changed the person's hours, when and why; newest first. */
  @Get('people/:id/hours-adjustments')
  @ApiDoc("A person's hours adjustments, newest first · 时长调整记录", 'NOT_FOUND')
  @ApiOkResponse({ type: HoursAdjustmentPageDto.Output })
  async listAdjustments(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Query() query: ListHoursAdjustmentsQuery,
  ) {
    const page = await this.adjustments.list(actor, id, query);
    const zone = await this.zones.of(actor.communityId);
    return { ...page, items: page.items.map((adjustment) => mapAdjustment(adjustment, zone)) };
  }

  /**
   * Service hours for a period of days (community zone, both ends included; open ends default to
   * 1 January of the year and today, see open-periods.ts): per person or per
   * organisation, as JSON, CSV (UTF-8 with BOM) or XLSX, with Chinese headers. Organisers see
   * everyone, coordinators their organisation's members, volunteers themselves.
   */
  @Get('hours')
  @ApiDoc('Service hours per person or organisation, as JSON, CSV or XLSX · 服务时长报表', 'FORBIDDEN')
  @ApiOkResponse({ type: PersonHoursReportDto.Output })
  @ApiProduces('application/json', 'text/csv', XLSX_TYPE)
  async hours(
    @CurrentActor() actor: Actor,
    @Query() query: HoursReportQuery,
    @Res({ passthrough: true }) response: Response,
  ) {
    const period = await this.periodOf(actor, query);
    const report =
      query.groupBy === 'person'
        ? withPersonTotals(await this.reports.byPerson(actor, period))
        : { groupBy: 'organisation' as const, ...(await this.reports.byOrganisation(actor, period)) };
    if (query.format === 'json') return report;
    response.setHeader('Cache-Control', 'private, no-store');
    const file = reportFileName(query.groupBy, period, query.format);
    const disposition = contentDisposition(file);
    if (query.format === 'csv') {
      const csv = Buffer.from(
        report.groupBy === 'person'
          ? toCsv(PERSON_COLUMNS, report.rows)
          : toCsv(ORGANISATION_COLUMNS, report.rows),
        'utf8',
      );
      return new StreamableFile(csv, { type: 'text/csv; charset=utf-8', disposition, length: csv.length });
    }
    const now = this.clock.now();
    const xlsx =
      report.groupBy === 'person'
        ? await toXlsx(PERSON_COLUMNS, report.rows, '志愿服务时长', now)
        : await toXlsx(ORGANISATION_COLUMNS, report.rows, '组织志愿服务时长', now);
    return new StreamableFile(xlsx, { type: XLSX_TYPE, disposition, length: xlsx.length });
  }

  /** Both ends given: as they are; an open end needs today's date in the community's zone. */
  private async periodOf(actor: Actor, query: { from?: string; to?: string }) {
    if (query.from && query.to) return { from: query.from, to: query.to };
    return reportPeriodOf(query, this.clock.now(), await this.zones.of(actor.communityId));
  }
}
