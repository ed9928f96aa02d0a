/** What the claim rules (decideClaim) may refuse with, for the operations that run them. */
export { CLAIM_REFUSALS } from '../domain/claim-rules';

/** The recurrence engine's refusals (declared by holidays), for operations that expand a series. */
export const RECURRENCE_REFUSALS = [
  'RRULE_INVALID',
  'TIME_ZONE_INVALID',
  'RECURRENCE_LIMIT',
  'HOLIDAY_POLICY_NOT_APPLICABLE',
] as const;
