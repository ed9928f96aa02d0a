import { Injectable } from '@nestjs/common';
import { SqlDatabase } from '@linli/platform';

/** Whose hours a report counts: everyone, an organisation's active members and one person, or one person. */
export type HoursScope =
  | { kind: 'community' }
  | { kind: 'organisation'; organisationId: string | null; personId: string | null }
  | { kind: 'person'; personId: string | null };

export interface HoursPeriod {
  /** First and last day (YYYY-MM-DD), in the community's zone. */
  from: string;
  to: string;
}

export interface PersonHoursRow {
  id: string | null;
  name: string;
  phone: string | null;
  shifts: number;
  credited: number;
  adjusted: number;
  organisations: string[];
  time_zone: string;
}

export interface OrganisationHoursRow {
  id: string | null;
  name: string;
  kind: string;
  members: number;
  shifts: number;
  credited: number;
  adjusted: number;
  time_zone: string;
}

/**
 * Served time per person: completed claims by the start of their shift, plus adjustments by the
 * day they record, both within the period's days in the community's zone. People with nothing in
 * the period are left out. Takes $1 from, $2 to, $3 community; the scope's condition (on person
 * alias `p`) is spliced in where the comment says.
 */
const PEOPLE_HOURS = `
  bounds AS (
    SELECT ($1::date)::timestamp AT TIME ZONE cm.time_zone AS from_at,
           ($2::date + 1)::timestamp AT TIME ZONE cm.time_zone AS to_at,
           cm.time_zone
      FROM identity_community_v1 cm WHERE cm.id = $3
  ),
  served AS (
    SELECT c.person_id, count(*)::int AS shifts, sum(c.credited_minutes)::int AS minutes
      FROM claim c, bounds b
     WHERE c.community_id = $3 AND c.status = 'completed'
       AND c.starts_at >= b.from_at AND c.starts_at < b.to_at
     GROUP BY c.person_id
  ),
  adjusted AS (
    SELECT a.person_id, sum(a.minutes)::int AS minutes
      FROM hours_adjustment a, bounds b
     WHERE a.community_id = $3 AND a.occurred_at >= b.from_at AND a.occurred_at < b.to_at
     GROUP BY a.person_id
  ),
  people AS (
    SELECT p.id, p.name, p.phone,
           coalesce(s.shifts, 0) AS shifts, coalesce(s.minutes, 0) AS credited,
           coalesce(ad.minutes, 0) AS adjusted
      FROM (SELECT person_id FROM served UNION SELECT person_id FROM adjusted) x
      JOIN identity_person_v1 p ON p.id = x.person_id
      LEFT JOIN served s ON s.person_id = x.person_id
      LEFT JOIN adjusted ad ON ad.person_id = x.person_id
     WHERE p.community_id = $3 /*scope*/
  )`;

/** The report's rows with the community's zone; one row of nulls but the zone when the report is empty. */
const WITH_ZONE = `SELECT b.time_zone, r.* FROM bounds b LEFT JOIN report r ON true ORDER BY r.name, r.id`;

/** Hours per person or per organisation for a period: one statement per report. */
@Injectable()
export class HoursReportQueries {
  constructor(private readonly db: SqlDatabase) {}

  byPerson(communityId: string, period: HoursPeriod, scope: HoursScope, limit: number) {
    const params: unknown[] = [period.from, period.to, communityId, limit];
    return this.db.query<PersonHoursRow>(
      `WITH ${PEOPLE_HOURS.replace('/*scope*/', scopeCondition(scope, params))},
       report AS (
         SELECT pe.id, pe.name, pe.phone, pe.shifts, pe.credited, pe.adjusted,
                coalesce(array_agg(o.name ORDER BY o.name) FILTER (WHERE o.id IS NOT NULL), '{}') AS organisations
           FROM people pe
           LEFT JOIN identity_membership_v1 m ON m.person_id = pe.id AND m.active
           LEFT JOIN identity_partner_organisation_v1 o ON o.id = m.organisation_id
          GROUP BY pe.id, pe.name, pe.phone, pe.shifts, pe.credited, pe.adjusted
          ORDER BY pe.name, pe.id
          LIMIT $4
       )
       ${WITH_ZONE}`,
      params,
    );
  }

  /** Per organisation (of one, when given), its active members' hours; a person in two counts in both. */
  byOrganisation(
    communityId: string,
    period: HoursPeriod,
    organisationId: string | null | undefined,
    limit: number,
  ) {
    const params: unknown[] = [period.from, period.to, communityId, limit];
    const onlyOrganisation =
      organisationId === undefined ? '' : `AND o.id = $${params.push(organisationId)}::uuid`;
    return this.db.query<OrganisationHoursRow>(
      `WITH ${PEOPLE_HOURS.replace('/*scope*/', '')},
       report AS (
         SELECT o.id, o.name, o.kind, count(*)::int AS members, sum(pe.shifts)::int AS shifts,
                sum(pe.credited)::int AS credited, sum(pe.adjusted)::int AS adjusted
           FROM people pe
           JOIN identity_membership_v1 m ON m.person_id = pe.id AND m.active AND m.community_id = $3
           JOIN identity_partner_organisation_v1 o ON o.id = m.organisation_id
          WHERE true ${onlyOrganisation}
          GROUP BY o.id, o.name, o.kind
          ORDER BY o.name, o.id
          LIMIT $4
       )
       ${WITH_ZONE}`,
      params,
    );
  }
}

/** The SQL condition (on person alias `p`) that limits a report to the scope; adds its parameters. */
function scopeCondition(scope: HoursScope, params: unknown[]): string {
  switch (scope.kind) {
    case 'community':
      return '';
    case 'organisation': {
      const person = `$${params.push(scope.personId)}::uuid`;
      const organisation = `$${params.push(scope.organisationId)}::uuid`;
      return `AND (p.id = ${person} OR EXISTS (SELECT 1 FROM identity_membership_v1 ms
                  WHERE ms.person_id = p.id AND ms.organisation_id = ${organisation} AND ms.active))`;
    }
    case 'person':
      return `AND p.id = $${params.push(scope.personId)}::uuid`;
    default: {
      const unknown: never = scope;
      throw new Error(`unknown hours scope ${JSON.stringify(unknown)}`);
    }
  }
}
