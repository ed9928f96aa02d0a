import type { HolidayCalendar } from '@linli/recurrence';
import { addDays, weekdayOf } from '../domain/rota';

/**
 * A realistic fortnight of shifts for 城南社区 (shared/domain.md): the Chengnan Market rotating
 * Monday to Friday at the community office, each weekday with its own services, and the two
 * Chengnan Train vehicles visiting the estates. Pure: dates in, plans out; the seeder turns wall
 * times into instants in the community's zone.
 */
export interface DemoShiftPlan {
  /** Stable and unique within the fortnight, e.g. `2026-12-04 market 理发`. */
  key: string;
  date: string;
  /** Local wall times, `09:00`. */
  start: string;
  end: string;
  title: string;
  description: string;
  locationText: string;
  /** An estate of the demo community, by name (the vehicles' stops). */
  estateName?: string;
  capacity: number;
  requiredQualifications: string[];
  minAge?: number;
  /** Skills of the demo volunteers who would take it; empty: anyone. */
  skills: string[];
  /** How many demo volunteers claim it (above capacity: the rest wait on the waitlist). */
  claims: number;
}

export const MARKET_PLACE = '城南社区党群服务中心前广场';
export const DEMO_ESTATES = ['翡翠龙湾小区', '城南花园小区', '凤鸣苑小区', '彭祖新城小区', '锦江苑小区'];

interface MarketService {
  service: string;
  english: string;
  skills: string[];
  qualifications: string[];
  capacity: number;
}

const SERVICES = {
  haircut: { service: '理发', english: 'haircuts', skills: ['理发'], qualifications: [], capacity: 3 },
  mending: {
    service: '缝补衣物',
    english: 'mending clothes',
    skills: ['缝补衣物'],
    qualifications: [],
    capacity: 2,
  },
  appliances: {
    service: '家电维修',
    english: 'appliance repair',
    skills: ['家电维修'],
    qualifications: ['电工证'],
    capacity: 2,
  },
  plumbing: {
    service: '水电维修',
    english: 'home repair (e.g. a leaking kitchen tap)',
    skills: ['水电维修'],
    qualifications: ['电工证'],
    capacity: 2,
  },
  health: {
    service: '免费健康检查',
    english: 'free health checks',
    skills: ['健康咨询', '量血压'],
    qualifications: ['护士执业证书'],
    capacity: 2,
  },
  knives: { service: '磨刀', english: 'knife sharpening', skills: ['磨刀'], qualifications: [], capacity: 2 },
  shoes: { service: '修鞋', english: 'shoe repair', skills: ['修鞋'], qualifications: [], capacity: 2 },
} satisfies Record<string, MarketService>;

/** The market's weekday rotation; Friday, where it started in May, is the big day. */
export const MARKET_ROTATION: Record<number, MarketService[]> = {
  1: [SERVICES.haircut, SERVICES.mending],
  2: [SERVICES.appliances, SERVICES.plumbing],
  3: [SERVICES.health, SERVICES.haircut],
  4: [SERVICES.knives, SERVICES.shoes],
  5: [SERVICES.haircut, SERVICES.mending, SERVICES.appliances, SERVICES.health],
};

const PRICING =
  '社区补一点、商家让一点、居民付一点；60 岁以上居民免费，由社区承担 · the community pays part, the merchant discounts part, the resident pays the rest; residents aged 60+ pay nothing';

function marketDay(date: string, weekday: number, fortnightDay: number): DemoShiftPlan[] {
  const plans: DemoShiftPlan[] = MARKET_ROTATION[weekday].map((s, index) => ({
    key: `${date} market ${s.service}`,
    date,
    start: '09:00',
    end: '11:30',
    title: `城南市集 · ${s.service}`,
    description: `城南市集${s.service}摊位志愿服务 · Chengnan Market: ${s.english}. ${PRICING}`,
    locationText: MARKET_PLACE,
    capacity: s.capacity,
    requiredQualifications: s.qualifications,
    skills: s.skills,
    // Most stalls are partly staffed; the first Friday haircut stall is full with a waitlist.
    claims: weekday === 5 && fortnightDay < 7 && index === 0 ? s.capacity + 1 : Math.max(1, s.capacity - 1),
  }));
  plans.push({
    key: `${date} market 引导`,
    date,
    start: '08:30',
    end: '11:30',
    title: '城南市集 · 现场引导与长者登记',
    description:
      '摆摊、排队秩序，为 60 岁以上居民登记免费服务 · set-up, queues, and registering residents aged 60+ for free service',
    locationText: MARKET_PLACE,
    capacity: 3,
    requiredQualifications: [],
    skills: [],
    claims: 1,
  });
  return plans;
}

function trainVisit(date: string, weekday: number, estateName: string): DemoShiftPlan[] {
  const where = `${estateName} 中心广场`;
  if (weekday === 2 || weekday === 4) {
    return [
      {
        key: `${date} 学史力行号 windows`,
        date,
        start: '14:30',
        end: '17:00',
        title: `城南列车 · 学史力行号进${estateName}`,
        description:
          '六个服务窗口现场办理：书记面对面、全能全科一站服务（社保、计生、矛盾调解）等 · six service windows on site, incl. meet the Party secretary and the one-stop counter',
        locationText: where,
        estateName,
        capacity: 6,
        requiredQualifications: [],
        skills: [],
        claims: 2,
      },
      {
        key: `${date} 学史力行号 书记面对面`,
        date,
        start: '14:30',
        end: '17:00',
        title: '学史力行号 · 书记面对面记录员',
        description:
          '记录居民反映的问题，跟进直至解决 · record the problems residents raise so each is followed up to resolution',
        locationText: where,
        estateName,
        capacity: 1,
        requiredQualifications: ['社会工作者证'],
        skills: ['心理疏导'],
        claims: 1,
      },
    ];
  }
  return [
    {
      key: `${date} 幸福号 services`,
      date,
      start: weekday === 6 ? '09:00' : '14:30',
      end: weekday === 6 ? '11:30' : '17:00',
      title: `城南列车 · 幸福号进${estateName}`,
      description: '幸福号便民服务：理发、磨刀、修鞋进小区 · the market services come to the estate',
      locationText: where,
      estateName,
      capacity: 4,
      requiredQualifications: [],
      skills: ['理发', '磨刀', '修鞋'],
      claims: 2,
    },
    {
      key: `${date} 幸福号 反诈`,
      date,
      start: weekday === 6 ? '09:00' : '14:30',
      end: weekday === 6 ? '11:30' : '17:00',
      title: '幸福号 · 反诈宣传',
      description: '帮助居民安装国家反诈中心 App · help residents install the national anti-fraud app',
      locationText: where,
      estateName,
      capacity: 2,
      requiredQualifications: [],
      minAge: 18,
      skills: ['反诈宣传'],
      claims: 1,
    },
  ];
}

/**
 * Fourteen days from `firstDay`: the market on working weekdays (not on statutory days off), the
 * 学史力行号 on Tuesday and Thursday afternoons and the 幸福号 on Wednesday afternoons and
 * Saturday mornings, visiting the estates in turn.
 */
export function chengnanFortnight(firstDay: string, holidays: HolidayCalendar, days = 14): DemoShiftPlan[] {
  const plans: DemoShiftPlan[] = [];
  let visit = 0;
  for (let offset = 0; offset < days; offset++) {
    const date = addDays(firstDay, offset);
    const weekday = weekdayOf(date);
    if (holidays.day(date)?.kind === 'off') continue;
    if (weekday <= 5) plans.push(...marketDay(date, weekday, offset));
    if (weekday === 2 || weekday === 3 || weekday === 4 || weekday === 6) {
      plans.push(...trainVisit(date, weekday, DEMO_ESTATES[visit % DEMO_ESTATES.length]));
      visit += 1;
    }
  }
  return plans;
}
