import { EntityManager, RequiredEntityData } from '@mikro-orm/core';
import { Shift } from '../infra/shift.entity';

const HOUR = 3600_000;

/** A shift starting `startsInHours` from `now`, 2 hours long, in Shanghai. */
export function makeShift(
  em: EntityManager,
  communityId: string,
  overrides: Partial<Omit<Shift, 'community'>> & { now?: Date; startsInHours?: number; hours?: number } = {},
): Shift {
  const { now = new Date(), startsInHours = 48, hours = 2, ...fields } = overrides;
  const startsAt = new Date(now.getTime() + startsInHours * HOUR);
  return em.create(Shift, {
    community: communityId,
    title: '城南市集 · 理发',
    locationText: '社区服务中心',
    startsAt,
    endsAt: new Date(startsAt.getTime() + hours * HOUR),
    timeZone: 'Asia/Shanghai',
    capacity: 5,
    ...fields,
  } as RequiredEntityData<Shift>);
}

/** makeShift, saved: for tests that go on through the API. */
export async function createShift(
  em: EntityManager,
  communityId: string,
  overrides: Parameters<typeof makeShift>[2] = {},
): Promise<Shift> {
  const shift = makeShift(em, communityId, overrides);
  await em.flush();
  return shift;
}
