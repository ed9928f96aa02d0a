import type { DemoShiftPlan } from './chengnan-fortnight';

export interface DemoPerson {
  id: string;
  birthYear: number | null;
  skills: string[];
  qualifications: string[];
  organisationIds: string[];
}

export interface DemoClaim {
  planKey: string;
  personId: string;
  status: 'confirmed' | 'waitlisted';
  /** Assigned by the organisation to one of its held places. */
  viaReservation: boolean;
}

/**
 * Who of the demo volunteers takes which shift: people with the stall's skill and the shift's
 * qualifications and age, at most one shift a day each (so nobody overlaps or runs over the daily
 * limit), taking turns so the work spreads. Places beyond capacity go to the waitlist; on the
 * reserved shift the organisation puts one member on its held places.
 */
export function demoClaims(
  plans: DemoShiftPlan[],
  people: DemoPerson[],
  reservation: { reservedPlanKey?: string; reservedPlaces: number; reservingOrganisationId?: string },
): DemoClaim[] {
  const busy = new Set<string>();
  const turns = new Map<string, number>();
  const claims: DemoClaim[] = [];
  const take = (plan: DemoShiftPlan, person: DemoPerson, status: DemoClaim['status'], via = false) => {
    busy.add(`${person.id} ${plan.date}`);
    claims.push({ planKey: plan.key, personId: person.id, status, viaReservation: via });
  };
  for (const plan of plans) {
    const year = Number(plan.date.slice(0, 4));
    const eligible = people.filter(
      (person) =>
        !busy.has(`${person.id} ${plan.date}`) &&
        plan.requiredQualifications.every((q) => person.qualifications.includes(q)) &&
        (!plan.minAge || (person.birthYear !== null && year - person.birthYear >= plan.minAge)),
    );
    let held = 0;
    if (plan.key === reservation.reservedPlanKey && reservation.reservingOrganisationId) {
      held = reservation.reservedPlaces;
      const member = eligible.find((person) =>
        person.organisationIds.includes(reservation.reservingOrganisationId as string),
      );
      if (member) {
        take(plan, member, 'confirmed', true);
        held -= 1;
      }
    }
    const skilled = eligible.filter(
      (person) =>
        !busy.has(`${person.id} ${plan.date}`) &&
        (plan.skills.length === 0 || plan.skills.some((skill) => person.skills.includes(skill))),
    );
    if (!skilled.length) continue;
    const group = plan.skills.join('/');
    const start = turns.get(group) ?? 0;
    const chosen = Array.from(
      { length: Math.min(plan.claims, skilled.length) },
      (_, i) => skilled[(start + i) % skilled.length],
    );
    turns.set(group, start + chosen.length);
    const free = plan.capacity - held - claims.filter((c) => c.planKey === plan.key).length;
    chosen.forEach((person, index) => take(plan, person, index < free ? 'confirmed' : 'waitlisted'));
  }
  return claims;
}
