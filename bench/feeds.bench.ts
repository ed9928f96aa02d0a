/**
 * Issue 5: a feed of 1,000 entries rendered by our path (libs/calendar/src/domain/ics) against
 * ical-generator 10's plain `calendar.toString()` on the same entries, in one run. Target: a cold
 * render (empty event cache) at least 20x faster than the plain path (ratio <= 0.05), and a
 * changed entry re-renders only that entry (checked here through the cache's counters).
 *
 * Both sides go from entries to a body: ours is renderCalendar; the baseline builds the
 * ical-generator calendar from the same entries and calls toString(). ical-generator is given UTC
 * times (its zoned output would be wrong on a server not in the entry's zone, see
 * ../shared/stack.md), so it writes no VTIMEZONE; ours does.
 * The 304 rate belongs to the HTTP layer's benchmark.
 */
import ical, { ICalAlarmType, ICalEventStatus } from 'ical-generator';
import { EventCache, lintIcs, renderCalendar, type CalendarEntry, type CalendarMeta } from '@linli/calendar';
import { medianMs, report } from './measure';
import { feeds304Case } from './feeds-http';

const META: CalendarMeta = {
  name: '城南街道幸福里社区 · 志愿者总排班',
  description: '社区所有志愿服务班次（组织者用），每小时更新。',
  timeZone: 'Asia/Shanghai',
  refreshMinutes: 60,
};

const PLACES = ['幸福里社区服务中心 2 楼, 图书室', '城南菜市场东门', '长者食堂', '3 号楼门口; 快递柜旁'];
const TASKS = ['图书馆值班', '长者食堂送餐', '垃圾分类宣传', '核酸点引导', '社区巡逻', '便民理发'];

function entries(count: number): CalendarEntry[] {
  const from = Date.UTC(2026, 9, 1, 0);
  return Array.from({ length: count }, (_, i) => {
    const start = from + (i % 180) * 86_400_000 + (i % 9) * 3_600_000;
    return {
      uid: `shift-${String(i).padStart(6, '0')}-3f9c2a@linli.example`,
      sequence: 1 + (i % 4),
      status: i % 25 === 0 ? 'CANCELLED' : 'CONFIRMED',
      start: new Date(start),
      end: new Date(start + 2 * 3_600_000),
      timeZone: i % 10 === 0 ? 'America/New_York' : 'Asia/Shanghai',
      summary: `${TASKS[i % TASKS.length]}（第 ${i} 班）`,
      location: PLACES[i % PLACES.length],
      description:
        `请带上：志愿者证、水杯；联系人：王阿姨, 电话 138-0000-${String(i % 10_000).padStart(4, '0')}\n` +
        `第一次来的志愿者请提前 15 分钟到达。详情: https://linli.example/shifts/${i}`,
      url: `https://linli.example/shifts/${i}`,
      categories: [TASKS[i % TASKS.length]],
      color: 'teal',
      lastModified: new Date(Date.UTC(2026, 8, 1) + i * 60_000),
      alarmMinutesBefore: [60, 15],
    };
  });
}

function icalGenerator(list: CalendarEntry[], meta: CalendarMeta): string {
  const calendar = ical({
    name: meta.name,
    description: meta.description,
    prodId: { company: 'Linli', product: 'Linli Calendar', language: 'ZH' },
    ttl: meta.refreshMinutes * 60,
  });
  for (const entry of list) {
    calendar.createEvent({
      id: entry.uid,
      sequence: entry.sequence,
      stamp: entry.lastModified,
      lastModified: entry.lastModified,
      start: entry.start,
      end: entry.end,
      summary: entry.status === 'CANCELLED' ? `【已取消】${entry.summary}` : entry.summary,
      status: entry.status as ICalEventStatus,
      location: entry.location,
      description: entry.description,
      url: entry.url,
      categories: (entry.categories ?? []).map((name) => ({ name })),
      x: entry.color ? [['COLOR', entry.color]] : [],
      alarms: (entry.alarmMinutesBefore ?? []).map((minutes) => ({
        type: ICalAlarmType.display,
        triggerBefore: minutes * 60,
        description: entry.summary,
      })),
    });
  }
  return calendar.toString();
}

function feedCase(count: number, runs: { ours: number; baseline: number }): void {
  const list = entries(count);
  const cold = renderCalendar(list, META, new EventCache());
  const problems = lintIcs(cold);
  if (problems.length > 0) throw new Error(`our feed fails lint: ${problems.slice(0, 3).join('; ')}`);
  const plain = icalGenerator(list, META);
  if ((plain.match(/BEGIN:VEVENT/g) ?? []).length !== count) throw new Error('ical-generator lost events');

  const baselineMs = medianMs(() => icalGenerator(list, META), {
    warmup: Math.max(1, runs.baseline >> 2),
    runs: runs.baseline,
  });
  const coldMs = medianMs(() => renderCalendar(list, META, new EventCache()), {
    warmup: 10,
    runs: runs.ours,
  });

  // Warm: the cache holds the feed; each run one entry has a new version.
  const cache = new EventCache(4 * count);
  renderCalendar(list, META, cache);
  let turn = 0;
  const changeOne = () => {
    const i = (turn * 37) % count;
    turn++;
    const changed = list.slice();
    changed[i] = {
      ...list[i],
      sequence: list[i].sequence + turn,
      lastModified: new Date(list[i].lastModified.getTime() + turn * 1000),
      summary: `${list[i].summary}（改 ${turn}）`,
    };
    return changed;
  };
  const warmMs = medianMs(() => renderCalendar(changeOne(), META, cache), { warmup: 10, runs: runs.ours });

  // A changed entry re-renders only that entry.
  cache.resetStats();
  const changed = changeOne();
  const warmBody = renderCalendar(changed, META, cache);
  const { hits, misses } = cache.stats;
  if (misses !== 1 || hits !== count - 1) throw new Error(`warm render: ${misses} misses, ${hits} hits`);
  if (warmBody !== renderCalendar(changed, META, new EventCache()))
    throw new Error('warm body differs from cold');

  report(`feeds.cold-${count}.vs-ical-generator`, coldMs, baselineMs, 'ms');
  report(`feeds.warm-${count}-one-changed.vs-ical-generator`, warmMs, baselineMs, 'ms');
  report(`feeds.warm-${count}-one-changed.vs-ours-cold`, warmMs, coldMs, 'ms');
  console.log(
    `feeds ${count}: body ${(Buffer.byteLength(cold) / 1024).toFixed(0)} KiB (ical-generator ` +
      `${(Buffer.byteLength(plain) / 1024).toFixed(0)} KiB); one changed entry: ${misses} rendered, ${hits} from cache`,
  );
}

export async function run(): Promise<void> {
  feedCase(1_000, { ours: 60, baseline: 11 });
  feedCase(10_000, { ours: 15, baseline: 3 });
  // The HTTP side: 304 answers for a 1,000-entry feed against cold full renders (bench/feeds-http.ts).
  await feeds304Case();
}
