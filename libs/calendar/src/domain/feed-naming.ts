import type { CalendarMeta, FeedScope } from './calendar-entry';

/** Names the feed's title may carry: places and organisations, never people. */
export interface FeedNames {
  community: string;
  organisation?: string;
  estate?: string;
  /** The subscription's own label (`我的手机`): a person feed is named by it when there is one. */
  label?: string;
}

type Language = 'zh' | 'en';

const TITLES: Record<FeedScope['kind'], Record<Language, (names: FeedNames) => string>> = {
  person: { zh: () => '我的志愿服务', en: () => 'My volunteering' },
  organisation: {
    zh: (n) => `${n.organisation ?? '组织'} · 志愿服务`,
    en: (n) => `${n.organisation ?? 'Organisation'} · volunteering`,
  },
  estate: { zh: (n) => `${n.estate ?? '小区'} · 日程`, en: (n) => `${n.estate ?? 'Estate'} · schedule` },
  venue: { zh: () => '场地日程', en: () => 'Venue schedule' },
  community: { zh: () => '社区总日程', en: () => 'Community master calendar' },
  contributed: { zh: () => '日程', en: () => 'Schedule' },
  'public-market': { zh: () => '市集', en: () => 'Market' },
  'public-visits': {
    zh: (n) => `${n.estate ?? '小区'} · 流动服务车`,
    en: (n) => `${n.estate ?? 'Estate'} · service vehicle visits`,
  },
};

const DESCRIPTIONS: Record<'personal' | 'public' | 'revoked', Record<Language, string>> = {
  personal: {
    zh: '由邻里生成的日历订阅，班次变更和取消会自动同步。请勿转发此订阅链接。',
    en: 'Calendar subscription from Linli; changes and cancellations sync automatically. Do not share this link.',
  },
  public: {
    zh: '由邻里生成的公开日历，不含个人信息。',
    en: 'Public calendar from Linli, without personal data.',
  },
  revoked: {
    zh: '此订阅链接已停用，请在邻里中重新订阅。',
    en: 'This subscription link was revoked; subscribe again in Linli.',
  },
};

/** zh-CN unless the community works in English. */
export function languageOf(locale: string): Language {
  return locale.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

/** e.g. `城南社区 · 我的志愿服务`, in the community's language and zone. */
export function feedMeta(
  scope: FeedScope,
  names: FeedNames,
  community: { timeZone: string; locale: string },
  options: { refreshMinutes: number; revoked?: boolean; years?: { from: number; to: number } },
): CalendarMeta {
  const language = languageOf(community.locale);
  const isPublic = scope.kind === 'public-market' || scope.kind === 'public-visits';
  const description = options.revoked ? 'revoked' : isPublic ? 'public' : 'personal';
  const title = scope.kind === 'person' && names.label ? names.label : TITLES[scope.kind][language](names);
  return {
    name: `${names.community} · ${title}`,
    description: DESCRIPTIONS[description][language],
    timeZone: community.timeZone,
    refreshMinutes: options.refreshMinutes,
    ...(options.years ? { years: options.years } : {}),
  };
}
