import type { EntityManager } from '@mikro-orm/core';
import type { ClaimRules } from '../../domain/claim-rules';
import { VolunteeringSettings } from '../../infra/volunteering-settings.entity';
import type { Shift } from '../../infra/shift.entity';

export interface EffectiveRules extends ClaimRules {
  releaseLeadMinutes: number;
  horizonWeeks: number;
}

/** The community's defaults (a row, or the built-in defaults), with the shift's own overrides on top. */
export async function effectiveRules(
  em: EntityManager,
  communityId: string,
  shift?: Shift,
): Promise<EffectiveRules> {
  const settings =
    (await em.findOne(VolunteeringSettings, { community: communityId })) ?? new VolunteeringSettings();
  return {
    signupOpensDays: shift?.signupOpensDays ?? settings.signupOpensDays,
    cancelCutoffMinutes: shift?.cancelCutoffMinutes ?? settings.cancelCutoffMinutes,
    minRestMinutes: settings.minRestMinutes,
    maxMinutesPerDay: settings.maxMinutesPerDay,
    maxMinutesPerWeek: settings.maxMinutesPerWeek,
    releaseLeadMinutes: shift?.releaseLeadMinutes ?? settings.releaseLeadMinutes,
    horizonWeeks: settings.horizonWeeks,
  };
}
