import { EntityManager } from '@mikro-orm/core';
import type { OverrideKind } from '../domain/holiday-day';
import { HolidayOverride } from '../infra/holiday-override.entity';
import { HolidayYear } from '../infra/holiday-year.entity';

/** An organiser's override on a date, for arranging tests of this and other contexts (call em.flush()). */
export function makeHolidayOverride(
  em: EntityManager,
  communityId: string,
  day: { date: string; kind: OverrideKind; name: string; note?: string },
): HolidayOverride {
  return em.create(HolidayOverride, {
    community: communityId,
    ...day,
  });
}

/** Marks a year as imported, so the community's calendar counts it as known. */
export function makeImportedYear(
  em: EntityManager,
  communityId: string,
  year: number,
  importedAt = new Date(),
): HolidayYear {
  return em.create(HolidayYear, {
    community: communityId,
    year,
    source: 'import',
    importedAt,
  });
}
