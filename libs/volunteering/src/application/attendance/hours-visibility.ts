import type { EntityManager } from '@mikro-orm/postgresql';
import { Actor, notFound } from '@linli/platform';

/**
 * Whose hours an actor may see: organisers everyone in the community, coordinators the active
 * members of their organisation (and themselves), volunteers only themselves. Anyone else is
 * answered as not found, so ids of other people reveal nothing.
 */
export async function assertMaySeeHoursOf(em: EntityManager, actor: Actor, personId: string): Promise<void> {
  if (actor.role === 'volunteer' && personId !== actor.personId) throw notFound('Person');
  const rows = await em.getConnection().execute<{ visible: boolean }[]>(
    `SELECT (? = 'organiser' OR p.id = ?::uuid OR EXISTS (
              SELECT 1 FROM membership m
               WHERE m.person_id = p.id AND m.organisation_id = ?::uuid AND m.active)) AS visible
       FROM person p WHERE p.id = ? AND p.community_id = ?`,
    [actor.role, actor.personId ?? null, actor.organisationId ?? null, personId, actor.communityId],
    'all',
    em.getTransactionContext(),
  );
  if (!rows[0]?.visible) throw notFound('Person');
}

/** The SQL condition (on person alias `p`) and its parameters that limit a report to what the actor may see. */
export function hoursScope(actor: Actor): { sql: string; params: unknown[] } {
  if (actor.role === 'organiser') return { sql: '', params: [] };
  if (actor.role === 'coordinator') {
    return {
      sql: `AND (p.id = ?::uuid OR EXISTS (SELECT 1 FROM membership ms
                  WHERE ms.person_id = p.id AND ms.organisation_id = ?::uuid AND ms.active))`,
      params: [actor.personId ?? null, actor.organisationId ?? null],
    };
  }
  return { sql: 'AND p.id = ?::uuid', params: [actor.personId ?? null] };
}
