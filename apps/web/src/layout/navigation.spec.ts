import { homePathFor, navigationFor } from './navigation';

describe('role-aware navigation', () => {
  it('gives a volunteer the five volunteer tabs, unchanged', () => {
    expect(navigationFor('volunteer').map((item) => item.to)).toEqual([
      '/shifts',
      '/my-shifts',
      '/calendar',
      '/reminders',
      '/hours',
    ]);
    expect(homePathFor('volunteer')).toBe('/shifts');
  });

  it('gives an organiser the organiser section and sends them to the rota board first', () => {
    const paths = navigationFor('organiser').map((item) => item.to);
    expect(paths).toEqual(['/organiser/rota', '/organiser/series', '/organiser/print', '/admin/people']);
    expect(homePathFor('organiser')).toBe('/organiser/rota');
  });

  it('shows no organiser page to anyone else', () => {
    for (const role of ['volunteer', 'coordinator', undefined] as const) {
      expect(navigationFor(role).some((item) => item.to.startsWith('/organiser'))).toBe(false);
    }
  });
});
