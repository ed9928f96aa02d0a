import type { Actor } from '@linli/platform';

/**
 * Who may see and change whom. Pure: the caller supplies the facts (is this the actor's own
 * person record; is the person a member of the actor's organisation).
 */
export interface PersonRelation {
  isSelf: boolean;
  isMemberOfActorsOrganisation: boolean;
}

export function canSeePerson(actor: Actor, relation: PersonRelation): boolean {
  switch (actor.role) {
    case 'organiser':
      return true;
    case 'coordinator':
      return relation.isSelf || relation.isMemberOfActorsOrganisation;
    case 'volunteer':
      return relation.isSelf;
  }
}

export const canEditPerson = canSeePerson;

/** Fields staff vouch for: volunteers and coordinators cannot set them on themselves. */
export const STAFF_ONLY_PERSON_FIELDS = ['active', 'qualifications'] as const;

export function staffOnlyFieldsTouched(actor: Actor, relation: PersonRelation, fields: string[]): string[] {
  if (actor.role === 'organiser') return [];
  if (actor.role === 'coordinator' && !relation.isSelf) return fields.filter((f) => f === 'active');
  return fields.filter((field) => (STAFF_ONLY_PERSON_FIELDS as readonly string[]).includes(field));
}

export function canManageOrganisation(actor: Actor, organisationId: string): boolean {
  return actor.role === 'organiser' || (actor.role === 'coordinator' && actor.organisationId === organisationId);
}

/** Coordinators add and remove members of their own organisation; only organisers appoint coordinators. */
export function canSetMembershipRole(actor: Actor, role: 'member' | 'coordinator'): boolean {
  return actor.role === 'organiser' || role === 'member';
}
