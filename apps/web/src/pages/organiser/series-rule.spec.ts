import { seriesRule, type SeriesForm } from './series-rule';

const FORM: SeriesForm = {
  title: '城南市集 · 摊位引导',
  locationText: '城南社区党群服务中心前广场',
  capacity: 3,
  firstDay: '2026-12-07',
  startTime: '08:30',
  durationMinutes: 120,
  repeat: 'weekly',
  weekdays: [3, 1, 1],
  count: 8,
  holidayPolicy: 'skip_holidays',
};

describe('the series rule built from the form', () => {
  it('writes weekly days in order, once each, with the count and the local first start', () => {
    expect(seriesRule(FORM)).toEqual({
      rrule: 'FREQ=WEEKLY;BYDAY=MO,WE;COUNT=8',
      dtstart: '2026-12-07T08:30:00',
    });
  });

  it('leaves BYDAY out when no day is ticked: the first day’s weekday repeats', () => {
    expect(seriesRule({ ...FORM, weekdays: [] })?.rrule).toBe('FREQ=WEEKLY;COUNT=8');
  });

  it('writes daily and lunar-yearly rules', () => {
    expect(seriesRule({ ...FORM, repeat: 'daily', count: 5 })?.rrule).toBe('FREQ=DAILY;COUNT=5');
    expect(seriesRule({ ...FORM, repeat: 'lunar-yearly', count: 3 })?.rrule).toBe(
      'RSCALE=CHINESE;FREQ=YEARLY;COUNT=3',
    );
  });

  it('has no rule while the form is incomplete', () => {
    expect(seriesRule({ ...FORM, firstDay: '' })).toBeUndefined();
    expect(seriesRule({ ...FORM, startTime: '8' })).toBeUndefined();
    expect(seriesRule({ ...FORM, count: 0 })).toBeUndefined();
  });
});
