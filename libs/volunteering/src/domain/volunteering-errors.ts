import { defineErrorCodes, type SharedErrorCode } from '@linli/platform/domain-error';

/** Volunteering: every refusal of a claim names its rule; shifts, series, reservations, check-in. Never rename a code; add new ones. */
export const VOLUNTEERING_ERRORS = defineErrorCodes('volunteering', {
  SHIFT_CANCELLED: { status: 409, zh: '班次已取消', en: 'The shift is cancelled' },
  SHIFT_STARTED: { status: 409, zh: '班次已开始', en: 'The shift has already started' },
  SHIFT_FULL: { status: 409, zh: '班次已满', en: 'The shift is full' },
  ALREADY_CLAIMED: { status: 409, zh: '已认领该班次', en: 'Already on this shift' },
  CLAIM_OVERLAPS: { status: 409, zh: '与已有班次时间重叠', en: 'Overlaps another of your shifts' },
  CANCEL_CUTOFF_PASSED: { status: 409, zh: '已过自行取消时限', en: 'Too late to cancel yourself' },
  CLAIM_NOT_ACTIVE: { status: 409, zh: '该认领已结束', en: 'The claim is no longer active' },
  NOT_ENOUGH_PLACES: { status: 409, zh: '剩余名额不足', en: 'Not enough free places' },
  RESERVATION_FULL: { status: 409, zh: '组织预留名额已分配完', en: 'All reserved places are assigned' },
  RESERVATION_NOT_ACTIVE: {
    status: 409,
    zh: '组织预留已释放或取消',
    en: 'The reservation was released or cancelled',
  },
  RESERVATION_BELOW_ASSIGNED: {
    status: 409,
    zh: '预留名额不能少于已分配的成员数',
    en: 'A reservation cannot hold fewer places than members assigned',
  },
  SIGNUP_NOT_OPEN: { status: 422, zh: '报名尚未开始', en: 'Sign-up has not opened yet' },
  QUALIFICATION_MISSING: { status: 422, zh: '缺少所需资质', en: 'A required qualification is missing' },
  AGE_BELOW_MINIMUM: { status: 422, zh: '未达到最低年龄', en: 'Below the minimum age' },
  PARTNER_KIND_REQUIRED: {
    status: 422,
    zh: '仅限特定伙伴组织成员',
    en: 'Reserved for certain partner organisations',
  },
  PERSON_INACTIVE: { status: 422, zh: '该人员已停用', en: 'The person is deactivated' },
  NOT_A_MEMBER: { status: 422, zh: '不是该组织成员', en: 'Not a member of the organisation' },
  REST_TOO_SHORT: { status: 422, zh: '两次服务之间休息不足', en: 'Not enough rest between shifts' },
  DAILY_LIMIT: { status: 422, zh: '超过每日服务时长上限', en: 'Over the daily hours limit' },
  WEEKLY_LIMIT: { status: 422, zh: '超过每周服务时长上限', en: 'Over the weekly hours limit' },
  CHECKIN_CODE_INVALID: { status: 422, zh: '签到码错误', en: 'Wrong check-in code' },
  CHECKIN_NOT_OPEN: { status: 409, zh: '不在签到时间内', en: 'Check-in is not open' },
  NOT_ON_SHIFT: { status: 409, zh: '您没有该班次的已确认名额', en: 'No confirmed place on this shift' },
  NOT_CHECKED_IN: { status: 409, zh: '尚未签到', en: 'Not checked in yet' },
  SHIFT_NOT_STARTED: { status: 409, zh: '班次尚未开始', en: 'The shift has not started yet' },
  SERIES_ENDED: { status: 409, zh: '重复班次已结束', en: 'The shift series has ended' },
  OCCURRENCE_NOT_IN_SERIES: {
    status: 422,
    zh: '该时间不是此重复班次的一次',
    en: 'Not an occurrence of this shift series',
  },
});

/** The codes volunteering code may throw: its own and the shared ones. */
export type VolunteeringErrorCode = keyof typeof VOLUNTEERING_ERRORS | SharedErrorCode;
