import { Claim } from './claim.entity';
import { HoursAdjustment } from './hours-adjustment.entity';
import { OrganisationReservation } from './organisation-reservation.entity';
import { Shift } from './shift.entity';
import { ShiftSeries } from './shift-series.entity';
import { VolunteeringSettings } from './volunteering-settings.entity';
import { StandingCommitment } from './standing-commitment.entity';
import { StandingCommitmentOutcome } from './standing-commitment-outcome.entity';

export const volunteeringEntities = [
  Shift,
  ShiftSeries,
  Claim,
  OrganisationReservation,
  HoursAdjustment,
  VolunteeringSettings,
  StandingCommitment,
  StandingCommitmentOutcome,
];
