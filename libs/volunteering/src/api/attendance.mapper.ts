import { formatInstant, formatOptionalInstant } from '@linli/platform';
import type { Claim } from '../infra/claim.entity';
import type { HoursAdjustmentView } from '../application/attendance/hours-adjustments.service';
import type { HoursReport, PersonHours } from '../application/attendance/hours-report.service';
import { withTotals } from '../domain/hours-report';
import { mapClaim } from './volunteering.mapper';
import type { AttendanceClaimResponse } from './attendance.schema';
import type { HoursAdjustmentResponse } from './hours.schema';

/** Instants in the community's zone (`zone`), as every claim. */
export function mapAttendanceClaim(claim: Claim, zone: string): AttendanceClaimResponse {
  return {
    ...mapClaim(claim, zone),
    checkedInBy: claim.checkedInBy ?? null,
    checkedOutBy: claim.checkedOutBy ?? null,
    attendanceRecordedBy: claim.attendanceRecordedBy ?? null,
    attendanceRecordedAt: formatOptionalInstant(claim.attendanceRecordedAt, zone),
  };
}

export function mapAdjustment(adjustment: HoursAdjustmentView, zone: string): HoursAdjustmentResponse {
  return {
    ...adjustment,
    occurredAt: formatInstant(adjustment.occurredAt, zone),
    createdAt: formatInstant(adjustment.createdAt, zone),
    timeZone: zone,
  };
}

/** The person report with its totals (each person once, so the rows add up). */
export function withPersonTotals(report: HoursReport<PersonHours>) {
  const sum = (pick: (row: PersonHours) => number) => report.rows.reduce((n, row) => n + pick(row), 0);
  return {
    groupBy: 'person' as const,
    ...report,
    totals: {
      people: report.rows.length,
      ...withTotals({
        shiftsCompleted: sum((r) => r.shiftsCompleted),
        creditedMinutes: sum((r) => r.creditedMinutes),
        adjustmentMinutes: sum((r) => r.adjustmentMinutes),
      }),
    },
  };
}
