/** The six kinds of partner in 六社联动, with the labels residents and staff know them by. */
export const PARTNER_KINDS = {
  community: { zh: '社区', en: 'Community', role: { zh: '平台', en: 'platform' } },
  social_organisation: { zh: '社会组织', en: 'Social organisation', role: { zh: '载体', en: 'carrier' } },
  professional_social_workers: {
    zh: '专业社工',
    en: 'Professional social workers',
    role: { zh: '支撑', en: 'support' },
  },
  community_based_organisation: {
    zh: '社区社会组织',
    en: 'Community-based social organisation',
    role: { zh: '基础', en: 'foundation' },
  },
  stationed_unit: {
    zh: '社区驻区单位',
    en: 'Unit stationed in the community',
    role: { zh: '协同', en: 'collaborator' },
  },
  social_enterprise: { zh: '社会企业', en: 'Social enterprise', role: { zh: '补充', en: 'supplement' } },
} as const;

export type PartnerKind = keyof typeof PARTNER_KINDS;
export const PARTNER_KIND_VALUES = Object.keys(PARTNER_KINDS) as [PartnerKind, ...PartnerKind[]];
