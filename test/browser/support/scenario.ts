import { DEMO, call, type BrowserApp } from './browser-app';

export const COMMUNITY_ZONE = 'Asia/Shanghai';
const DAY = 86_400_000;

/** `2026-12-07`: the community's calendar day `daysFromNow` days from now. */
export function communityDay(daysFromNow: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: COMMUNITY_ZONE }).format(
    new Date(Date.now() + daysFromNow * DAY),
  );
}

export async function organiserBearer(app: BrowserApp): Promise<string> {
  return app.bearer(DEMO.organiser.email);
}

/** A volunteer of 城南社区 with no shifts yet (the demo volunteers have claims that could collide). */
export async function createVolunteer(
  app: BrowserApp,
  organiser: string,
  name: string,
): Promise<{ personId: string; email: string; password: string }> {
  const person = await call<{ id: string }>(app, organiser, 'POST', '/api/v1/people', { name });
  const email = `volunteer-${person.id.slice(0, 8)}@chengnan.test`;
  const password = 'linli-browser-test-2026';
  await call(app, organiser, 'POST', '/api/v1/accounts', {
    email,
    password,
    role: 'volunteer',
    personId: person.id,
  });
  return { personId: person.id, email, password };
}

export interface ShiftPlan {
  title: string;
  startsAt: string;
  endsAt: string;
  capacity?: number;
  locationText?: string;
}

export async function createShift(
  app: BrowserApp,
  organiser: string,
  plan: ShiftPlan,
): Promise<{ id: string }> {
  return call(app, organiser, 'POST', '/api/v1/shifts', {
    capacity: 4,
    locationText: '城南社区党群服务中心前广场',
    timeZone: COMMUNITY_ZONE,
    ...plan,
  });
}
