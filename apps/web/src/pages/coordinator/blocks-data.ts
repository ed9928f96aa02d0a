import type { components } from '../../api/schema';

export type Block = components['schemas']['ReservationPageDto_Output']['items'][number];
type RotaShift = components['schemas']['RotaDto_Output']['days'][number]['shifts'][number];
export type BlockPerson = RotaShift['people'][number];

/** Within this long of the release, unassigned places are flagged: a coordinator has a day to act. */
export const RELEASE_WARNING_MS = 48 * 60 * 60 * 1000;

export type ReleaseState =
  { kind: 'full' } | { kind: 'later'; unassigned: number } | { kind: 'soon'; unassigned: number };

/**
 * What happens to the block's unassigned places: none left (nothing to release), released at
 * `releaseAt` (a plain line), or released soon (a warning the coordinator cannot miss).
 */
export function releaseState(
  block: Pick<Block, 'places' | 'assigned' | 'releaseAt'>,
  now: Date,
): ReleaseState {
  const unassigned = block.places - block.assigned;
  if (unassigned <= 0) return { kind: 'full' };
  const untilRelease = Date.parse(block.releaseAt) - now.getTime();
  return untilRelease <= RELEASE_WARNING_MS ? { kind: 'soon', unassigned } : { kind: 'later', unassigned };
}

/** The sizes a block may shrink to: fewer than now, at least one place and the members assigned. */
export function shrinkOptions(block: Pick<Block, 'places' | 'assigned'>): number[] {
  const options: number[] = [];
  for (let places = block.places - 1; places >= Math.max(block.assigned, 1); places -= 1)
    options.push(places);
  return options;
}

/** Who is on each shift, as the rota shows a coordinator: their organisation's members only. */
export function peopleByShift(
  rota: components['schemas']['RotaDto_Output'] | undefined,
): ReadonlyMap<string, BlockPerson[]> {
  const byShift = new Map<string, BlockPerson[]>();
  for (const day of rota?.days ?? []) {
    for (const shift of day.shifts) byShift.set(shift.id, shift.people);
  }
  return byShift;
}

/** The members on the organisation's reserved places (not those who claimed a place themselves). */
export function onBlock(people: readonly BlockPerson[], organisationId: string): BlockPerson[] {
  return people.filter((person) => person.organisationId === organisationId);
}

/** Members who could still go on the block: active, and not already on the shift. */
export function assignableMembers<M extends { personId: string }>(
  members: readonly M[],
  onShift: readonly BlockPerson[],
): M[] {
  const taken = new Set(onShift.map((person) => person.personId));
  return members.filter((member) => !taken.has(member.personId));
}
