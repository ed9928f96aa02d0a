import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The last invite message each person got about each entry (the organiser's attendee record of
 * RFC 5546): whether they hold a REQUEST, and at which SEQUENCE, so updates and cancellations go
 * only to people who were invited and SEQUENCE only ever goes up.
 */
@Entity({ tableName: 'calendar_invite' })
export class CalendarInvite {
  @PrimaryKey({ type: 'uuid' })
  communityId!: string;

  @PrimaryKey({ type: 'text' })
  uid!: string;

  @PrimaryKey({ type: 'uuid' })
  personId!: string;

  @Property({ type: 'integer' })
  sequence!: number;

  @Enum({ items: () => ['REQUEST', 'CANCEL'], type: 'text' })
  method!: 'REQUEST' | 'CANCEL';

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}

export const calendarInviteEntities = [CalendarInvite];
