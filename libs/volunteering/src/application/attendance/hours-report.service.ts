import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Actor, DomainError, forbidden } from '@linli/platform';
import {
  HoursTotals,
  ReportPeriod,
  assertReportPeriod,
  byChineseName,
  withTotals,
} from '../domain/hours-report';
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

/**
 * Served time per person: completed claims by the start of their shift, plus adjustments by the
 * day they record, both within the period's days in the community's zone. People with nothing in
 * the period are left out.
 */
const PEOPLE_HOURS = `
  bounds AS (
    SELECT (?::date)::timestamp AT TIME ZONE cm.time_zone AS from_at,
           (?::date + 1)::timestamp AT TIME ZONE cm.time_zone AS to_at,
           cm.time_zone
      FROM community cm WHERE cm.id = ?
  ),
  served AS (
    SELECT c.person_id, count(*)::int AS shifts, sum(c.credited_minutes)::int AS minutes
      FROM claim c, bounds b
     WHERE c.community_id = ? AND c.status = 'completed'
       AND c.starts_at >= b.from_at AND c.starts_at < b.to_at
     GROUP BY c.person_id
  ),
  adjusted AS (
    SELECT a.person_id, sum(a.minutes)::int AS minutes
      FROM hours_adjustment a, bounds b
     WHERE a.community_id = ? AND a.occurred_at >= b.from_at AND a.occurred_at < b.to_at
     GROUP BY a.person_id
  ),
  people AS (
    SELECT p.id, p.name, p.phone,
           coalesce(s.shifts, 0) AS shifts, coalesce(s.minutes, 0) AS credited,
           coalesce(ad.minutes, 0) AS adjusted
      FROM (SELECT person_id FROM served UNION SELECT person_id FROM adjusted) x
      JOIN person p ON p.id = x.person_id
      LEFT JOIN served s ON s.person_id = x.person_id
      LEFT JOIN adjusted ad ON ad.person_id = x.person_id
     WHERE p.community_id = ? /*scope*/
  )`;

/** The report's rows with the community's zone; one row of nulls but the zone when the report is empty. */
const WITH_ZONE = `SELECT b.time_zone, r.* FROM bounds b LEFT JOIN report r ON true ORDER BY r.name, r.id`;

interface PersonRow {
  id: string | null;
  name: string;
  phone: string | null;
  shifts: number;
  credited: number;
  adjusted: number;
  organisations: string[];
  time_zone: string;
}

interface OrganisationRow {
  id: string | null;
  name: string;
  kind: string;
  members: number;
  shifts: number;
  credited: number;
  adjusted: number;
  time_zone: string;
}

function zoneOf(rows: { time_zone: string }[]): string {
  return rows[0]?.time_zone ?? 'Asia/Shanghai';
}

/** Hours per person or per organisation for a period: one SQL statement per report. */
@Injectable()
export class HoursReportService {
  constructor(private readonly em: EntityManager) {}

  async byPerson(actor: Actor, period: ReportPeriod): Promise<HoursReport<PersonHours>> {
    assertReportPeriod(period);
    const scope = hoursScope(actor);
    const rows = await this.query<PersonRow>(
      `WITH ${PEOPLE_HOURS.replace('/*scope*/', scope.sql)},
       report AS (
         SELECT pe.id, pe.name, pe.phone, pe.shifts, pe.credited, pe.adjusted,
                coalesce(array_agg(o.name ORDER BY o.name) FILTER (WHERE o.id IS NOT NULL), '{}') AS organisations
           FROM people pe
           LEFT JOIN membership m ON m.person_id = pe.id AND m.active
           LEFT JOIN partner_organisation o ON o.id = m.organisation_id
          GROUP BY pe.id, pe.name, pe.phone, pe.shifts, pe.credited, pe.adjusted
          ORDER BY pe.name, pe.id
          LIMIT ?
       )
       ${WITH_ZONE}`,
      [...this.periodParams(actor, period), ...scope.params, MAX_REPORT_ROWS + 1],
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
    const onlyOrganisation = actor.role === 'coordinator' ? 'AND o.id = ?::uuid' : '';
    const rows = await this.query<OrganisationRow>(
      `WITH ${PEOPLE_HOURS.replace('/*scope*/', '')},
       report AS (
         SELECT o.id, o.name, o.kind, count(*)::int AS members, sum(pe.shifts)::int AS shifts,
                sum(pe.credited)::int AS credited, sum(pe.adjusted)::int AS adjusted
           FROM people pe
           JOIN membership m ON m.person_id = pe.id AND m.active AND m.community_id = ?
           JOIN partner_organisation o ON o.id = m.organisation_id
          WHERE true ${onlyOrganisation}
          GROUP BY o.id, o.name, o.kind
          ORDER BY o.name, o.id
          LIMIT ?
       )
       ${WITH_ZONE}`,
      [
        ...this.periodParams(actor, period),
        actor.communityId,
        ...(onlyOrganisation ? [actor.organisationId ?? null] : []),
        MAX_REPORT_ROWS + 1,
      ],
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

  private periodParams(actor: Actor, period: ReportPeriod): unknown[] {
    const community = actor.communityId;
    return [period.from, period.to, community, community, community, community];
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

  private query<T extends object>(sql: string, params: unknown[]): Promise<T[]> {
    return this.em.fork().getConnection().execute<T[]>(sql, params);
  }
}
