import type { PartnerKind } from '../domain/partner-kind';

/**
 * Demo data for 城南社区 (Chengnan Community, 凤鸣街道, 彭山区, 眉山市): the community from
 * shared/domain.md. Names of people are invented; phone numbers use the reserved 100-prefix so
 * they can never reach a real subscriber.
 */
export const DEMO_PASSWORD = 'linli-demo-2026';

export const DEMO_LOGINS = {
  organiser: { email: 'organiser@chengnan.demo', name: '李秀英', note: '社区工作人员 community staff' },
  coordinator: { email: 'coordinator@chengnan.demo', name: '张伟', note: '凤鸣志愿者协会 协调员' },
  volunteer: { email: 'volunteer@chengnan.demo', name: '王芳', note: '志愿者 volunteer' },
} as const;

export const CHENGNAN = {
  name: '城南社区',
  slug: 'chengnan',
  timeZone: 'Asia/Shanghai',
  locale: 'zh-CN',
};

export const ESTATES = [
  {
    name: '翡翠龙湾小区',
    address: '眉山市彭山区凤鸣街道翡翠龙湾',
    households: 1260,
    latitude: 30.1902,
    longitude: 103.8712,
  },
  { name: '城南花园小区', address: '眉山市彭山区凤鸣街道城南路', households: 840 },
  { name: '凤鸣苑小区', address: '眉山市彭山区凤鸣街道凤鸣北路', households: 620 },
  { name: '彭祖新城小区', address: '眉山市彭山区彭祖大道', households: 1530 },
  {
    name: '锦江苑小区',
    address: '眉山市彭山区凤鸣街道锦江路',
    households: 410,
    notes: '老旧小区，无电梯 old estate, no lifts',
  },
];

export const ORGANISATIONS: { name: string; kind: PartnerKind; contactName: string; contactPhone: string }[] =
  [
    { name: '城南社区居委会', kind: 'community', contactName: '李秀英', contactPhone: '10000000001' },
    { name: '凤鸣志愿者协会', kind: 'social_organisation', contactName: '张伟', contactPhone: '10000000002' },
    {
      name: '彭山区阳光社工服务中心',
      kind: 'professional_social_workers',
      contactName: '陈静',
      contactPhone: '10000000003',
    },
    {
      name: '城南夕阳红文艺队',
      kind: 'community_based_organisation',
      contactName: '刘桂兰',
      contactPhone: '10000000004',
    },
    {
      name: '彭山区人民医院城南分院',
      kind: 'stationed_unit',
      contactName: '赵医生',
      contactPhone: '10000000005',
    },
    { name: '邻里便民服务社', kind: 'social_enterprise', contactName: '周强', contactPhone: '10000000006' },
  ];

const SKILL_SETS = [
  ['理发'],
  ['缝补衣物'],
  ['家电维修', '水电维修'],
  ['健康咨询', '量血压'],
  ['磨刀'],
  ['修鞋'],
  ['反诈宣传'],
  ['文艺表演'],
  ['法律咨询'],
  ['心理疏导'],
];
const QUALIFICATION_SETS = [
  ['健康证'],
  [],
  ['电工证'],
  ['护士执业证书'],
  [],
  [],
  [],
  [],
  ['法律职业资格证'],
  ['社会工作者证'],
];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周'];
const GIVEN = ['芳', '伟', '娜', '敏', '静', '磊', '洋', '勇', '艳', '杰', '涛', '明', '霞', '平', '刚'];

/** ~30 volunteers: the three demo account holders first, then generated neighbours. */
export function demoVolunteers(): {
  name: string;
  birthYear: number;
  skills: string[];
  qualifications: string[];
  estateIndex: number;
  organisationIndex: number;
}[] {
  const volunteers: {
    name: string;
    birthYear: number;
    skills: string[];
    qualifications: string[];
    estateIndex: number;
    organisationIndex: number;
  }[] = [
    {
      name: DEMO_LOGINS.organiser.name,
      birthYear: 1985,
      skills: ['组织协调'],
      qualifications: [],
      estateIndex: 1,
      organisationIndex: 0,
    },
    {
      name: DEMO_LOGINS.coordinator.name,
      birthYear: 1978,
      skills: ['组织协调', '水电维修'],
      qualifications: ['电工证'],
      estateIndex: 0,
      organisationIndex: 1,
    },
    {
      name: DEMO_LOGINS.volunteer.name,
      birthYear: 1992,
      skills: ['理发'],
      qualifications: ['健康证'],
      estateIndex: 0,
      organisationIndex: 1,
    },
  ];
  for (let i = 0; volunteers.length < 30; i++) {
    volunteers.push({
      name:
        SURNAMES[i % SURNAMES.length] +
        GIVEN[(i * 7) % GIVEN.length] +
        (i >= 15 ? GIVEN[(i * 3) % GIVEN.length] : ''),
      birthYear: 1950 + ((i * 11) % 55),
      skills: SKILL_SETS[i % SKILL_SETS.length],
      qualifications: QUALIFICATION_SETS[i % QUALIFICATION_SETS.length],
      estateIndex: i % ESTATES.length,
      organisationIndex: i % ORGANISATIONS.length,
    });
  }
  return volunteers;
}
