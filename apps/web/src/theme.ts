import type { ThemeConfig } from 'antd';
import type { Language } from './i18n/language';

/**
 * Large, calm and readable on a phone held by a retired volunteer: 16 px text, 44 px controls
 * (WCAG 2.5.5 tap targets), and colours that pass WCAG AA. antd's default primary (#1677ff) is
 * 4.1:1 against white text, below AA's 4.5; its secondary text (45 % black) is 2.8:1.
 * theme.spec.ts holds these contrasts.
 */
export const COLORS = {
  primary: '#0958d9', // 6.2:1 with white
  // antd derives a lighter hover (#2e7ae6, 4.2:1): a hovered or pressed button stays readable only if darker.
  primaryHover: '#003eb3', // 9.0:1
  primaryActive: '#002c8c', // 12.3:1
  textSecondary: 'rgba(0, 0, 0, 0.68)', // on white: 5.8:1
  success: '#237804',
  warning: '#ad4e00',
  error: '#c41d1d',
} as const;

/**
 * Chinese text wants a CJK font first; English text wants a Latin one first, or a CJK font sets
 * its apostrophes and quotes full-width ("phone’ s").
 */
const CJK_FONTS = '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC"';
const LATIN_FONTS = '"Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", "Noto Sans"';
export const FONT_FAMILY: Record<Language, string> = {
  'zh-CN': `-apple-system, BlinkMacSystemFont, ${CJK_FONTS}, ${LATIN_FONTS}, sans-serif`,
  en: `-apple-system, BlinkMacSystemFont, ${LATIN_FONTS}, ${CJK_FONTS}, sans-serif`,
};

const TOKENS = {
  colorPrimary: COLORS.primary,
  colorPrimaryHover: COLORS.primaryHover,
  colorPrimaryActive: COLORS.primaryActive,
  colorLink: COLORS.primary,
  colorSuccess: COLORS.success,
  colorWarning: COLORS.warning,
  colorError: COLORS.error,
  colorTextSecondary: COLORS.textSecondary,
  colorTextTertiary: COLORS.textSecondary,
  colorTextDescription: COLORS.textSecondary,
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
  fontSize: 16,
  fontSizeSM: 14,
  controlHeight: 44,
  controlHeightSM: 36,
  controlHeightLG: 52,
  borderRadius: 8,
} satisfies ThemeConfig['token'];

export function themeFor(language: Language): ThemeConfig {
  return { token: { ...TOKENS, fontFamily: FONT_FAMILY[language] } };
}
