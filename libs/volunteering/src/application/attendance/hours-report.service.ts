import { Injectable } from '@nestjs/common';
import { Actor, DomainError, forbidden } from '@linli/platform';
import {
  HoursTotals,
  ReportPeriod,
  assertReportPeriod,
  byChineseName,
  withTotals,
} from '../../domain/hours-report';
import { HoursReportQueries } from '../../infra/hours-report.queries';
import { hoursScope } from './hours-visibility';

/** A community's people number in the thousands; more rows than this means a wrong query, not a report. */
export const MAX_REPORT_ROWS = 20_000;

export type PersonHours = ReturnType<
  typeof withTotals<
    HoursTotals & { personId: string; name: string; phone: string | null; organisations: string[] }
  >
>;
export type OrganisationHours = ReturnType<
  typeof withTotals<HoursTotals & { organisationId: string; name: string; kind: string; members: number }>
>;

export interface HoursReport<Row> {
  period: ReportPeriod & { timeZone: string };
  rows: Row[];
}

function zoneOf(rows: { time_zone: string }[]): string {
  return rows[0]?.time_zone ?? 'Asia/Shanghai';
}

/** Hours per person or per organisation for a period: one SQL statement per report. */
@Injectable()
export class HoursReportService {
  constructor(private readonly queries: HoursReportQueries) {}

  async byPerson(actor: Actor, period: ReportPeriod): Promise<HoursReport<PersonHours>> {
    assertReportPeriod(period);
    const rows = await this.queries.byPerson(
      actor.communityId,
      period,
      hoursScope(actor),
      MAX_REPORT_ROWS + 1,
    );
    return {
      period: { ...period, timeZone: zoneOf(rows) },
      rows: this.bounded(rows).map((row) =>
        withTotals({
          personId: row.id,
          name: row.name,
          phone: row.phone,
          organisations: row.organisations,
          shiftsCompleted: row.shifts,
          creditedMinutes: row.credited,
          adjustmentMinutes: row.adjusted,
        }),
      ),
    };
  }

  /**
   * Per organisation, its active members' hours (a person in two organisations counts in both).
   * Volunteers have no organisation view; coordinators see their own organisation.
   */
  async byOrganisation(actor: Actor, period: ReportPeriod): Promise<HoursReport<OrganisationHours>> {
    assertReportPeriod(period);
    if (actor.role === 'volunteer') throw forbidden('Volunteers see their own hours: groupBy=person');
    const rows = await this.queries.byOrganisation(
      actor.communityId,
      period,
      actor.role === 'coordinator' ? (actor.organisationId ?? null) : undefined,
      MAX_REPORT_ROWS + 1,
    );
    return {
      period: { ...period, timeZone: zoneOf(rows) },
      rows: this.bounded(rows).map((row) =>
        withTotals({
          organisationId: row.id,
          name: row.name,
          kind: row.kind,
          members: row.members,
          shiftsCompleted: row.shifts,
          creditedMinutes: row.credited,
          adjustmentMinutes: row.adjusted,
        }),
      ),
    };
  }

  private bounded<T extends { id: string | null; name: string }>(rows: T[]): (T & { id: string })[] {
    const present = rows.filter((row): row is T & { id: string } => row.id !== null);
    if (present.length > MAX_REPORT_ROWS)
      throw new DomainError(
        'VALIDATION_FAILED',
        `more than ${MAX_REPORT_ROWS} rows: choose a shorter period`,
      );
    return present.sort(byChineseName);
  }
}
