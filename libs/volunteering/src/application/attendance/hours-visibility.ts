import { Actor, notFound } from '@linli/platform';
import type { IdentityDirectory } from '@linli/identity';
import type { HoursScope } from '../../infra/hours-report.queries';

/**
 * Whose hours an actor may see: organisers everyone in the community, coordinators the active
 * members of their organisation (and themselves), volunteers only themselves. Anyone else is
 * answered as not found, so ids of other people reveal nothing.
 */
export async function assertMaySeeHoursOf(
  identity: IdentityDirectory,
  actor: Actor,
  personId: string,
): Promise<void> {
  if (actor.role === 'volunteer' && personId !== actor.personId) throw notFound('Person');
  if (!(await identity.person(actor.communityId, personId))) throw notFound('Person');
  if (actor.role === 'organiser' || personId === actor.personId) return;
  if (
    actor.organisationId &&
    (await identity.isActiveMember(actor.communityId, personId, actor.organisationId))
  )
    return;
  throw notFound('Person');
}

/** Whose hours a report shows the actor. */
export function hoursScope(actor: Actor): HoursScope {
  if (actor.role === 'organiser') return { kind: 'community' };
  if (actor.role === 'coordinator')
    return {
      kind: 'organisation',
      organisationId: actor.organisationId ?? null,
      personId: actor.personId ?? null,
    };
  return { kind: 'person', personId: actor.personId ?? null };
}
