import { Body, Controller, Get, Inject, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import type { Response } from 'express';
import { Actor, Clock, CurrentActor, Roles, notFound } from '@linli/platform';
import { IdentityDirectory } from '@linli/identity';
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
    private readonly identity: IdentityDirectory,
  ) {}

  /** Adds or removes minutes with a reason; the entry is kept for good (the audit trail). */
  @Post('people/:id/hours-adjustments')
  @Roles('organiser')
  @ApiCreatedResponse({ type: HoursAdjustmentDto.Output })
  async adjust(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Body() body: CreateHoursAdjustmentRequest,
  ): Promise<HoursAdjustmentResponse> {
    return mapAdjustment(await this.adjustments.create(actor, id, body));
  }

  /** Who changed the person's hours, when and why; newest first. */
  @Get('people/:id/hours-adjustments')
  @ApiOkResponse({ type: HoursAdjustmentPageDto.Output })
  async listAdjustments(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Query() query: ListHoursAdjustmentsQuery,
  ) {
    const page = await this.adjustments.list(actor, id, query);
    return { ...page, items: page.items.map(mapAdjustment) };
  }

  /**
   * Service hours for a period of days (community zone, both ends included; open ends default to
   * 1 January of the year and today, see open-periods.ts): per person or per
   * organisation, as JSON, CSV (UTF-8 with BOM) or XLSX, with Chinese headers. Organisers see
   * everyone, coordinators their organisation's members, volunteers themselves.
   */
  @Get('hours')
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
    const community = await this.identity.community(actor.communityId);
    if (!community) throw notFound('Community');
    return reportPeriodOf(query, this.clock.now(), community.timeZone);
  }
}
