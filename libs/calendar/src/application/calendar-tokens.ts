/** Injection token for the RenderCalendar function (domain/render.ts), so tests can swap it. */
export const RENDER_CALENDAR = Symbol('RENDER_CALENDAR');
