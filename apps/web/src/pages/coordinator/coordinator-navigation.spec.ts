import { homePathFor, navigationFor } from '../../layout/navigation';

describe("a coordinator's navigation", () => {
  it("opens on the organisation's places, with its hours and the volunteer's own tabs", () => {
    expect(navigationFor('coordinator').map((item) => item.to)).toEqual([
      '/coordinator/blocks',
      '/coordinator/hours',
      '/shifts',
      '/my-shifts',
      '/calendar',
    ]);
    expect(homePathFor('coordinator')).toBe('/coordinator/blocks');
  });

  it('shows the coordinator pages to no volunteer or organiser', () => {
    for (const role of ['volunteer', 'organiser'] as const) {
      expect(navigationFor(role).some((item) => item.to.startsWith('/coordinator'))).toBe(false);
    }
  });
});
