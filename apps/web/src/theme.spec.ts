import { COLORS, themeFor } from './theme';

/** WCAG 2.x relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}
const contrast = (a: string, b: string) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
};
/** rgba(0, 0, 0, a) over white, as a hex colour. */
const blackOnWhite = (rgba: string) => {
  const alpha = Number(/rgba\(0, 0, 0, ([\d.]+)\)/.exec(rgba)![1]);
  const channel = Math.round(255 * (1 - alpha))
    .toString(16)
    .padStart(2, '0');
  return `#${channel.repeat(3)}`;
};

describe('the theme passes WCAG AA (4.5:1 for text)', () => {
  it.each([
    ['a primary button, at rest', COLORS.primary],
    ['hovered', COLORS.primaryHover],
    ['pressed', COLORS.primaryActive],
  ])('white text on %s', (_state, background) => {
    expect(contrast('#ffffff', background)).toBeGreaterThanOrEqual(4.5);
  });

  it('antd’s default primary would not (the reason for ours)', () => {
    expect(contrast('#ffffff', '#1677ff')).toBeLessThan(4.5);
  });

  it.each([
    ['secondary text', COLORS.textSecondary],
    ['links', COLORS.primary],
    ['errors', COLORS.error],
    ['warnings', COLORS.warning],
  ])('%s on white', (_what, colour) => {
    const hex = colour.startsWith('rgba') ? blackOnWhite(colour) : colour;
    expect(contrast(hex, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('sets 16 px text and 44 px controls in both languages', () => {
    for (const language of ['zh-CN', 'en'] as const) {
      const token = themeFor(language).token!;
      expect(token.fontSize).toBeGreaterThanOrEqual(16);
      expect(token.controlHeight).toBeGreaterThanOrEqual(44);
    }
  });
});
