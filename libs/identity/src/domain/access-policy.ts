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

/** Fields only community staff set: certificates they have checked, and whether someone is active. */
export const STAFF_ONLY_PERSON_FIELDS = ['active', 'qualifications'] as const;

/** The staff-only fields among those a non-organiser tried to set. */
export function staffOnlyFieldsTouched(actor: Actor, fields: string[]): string[] {
  if (actor.role === 'organiser') return [];
  return fields.filter((field) => (STAFF_ONLY_PERSON_FIELDS as readonly string[]).includes(field));
}

export function canManageOrganisation(actor: Actor, organisationId: string): boolean {
  return (
    actor.role === 'organiser' || (actor.role === 'coordinator' && actor.organisationId === organisationId)
  );
}

/**
 * Only organisers put an existing person into an organisation: membership is what lets a coordinator
 * read and change a person's contact details (where reminders and invites go), so a coordinator who
 * could add anyone could take them over. Coordinators add new people only (`POST /people`, who join
 * their organisation as they are created).
 */
export function canAddExistingPerson(actor: Actor): boolean {
  return actor.role === 'organiser';
}

/** Coordinators add and remove members of their own organisation; only organisers appoint coordinators. */
export function canSetMembershipRole(actor: Actor, role: 'member' | 'coordinator'): boolean {
  return actor.role === 'organiser' || role === 'member';
}
