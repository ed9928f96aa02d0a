import { feedMeta } from './feed-naming';

const zh = { timeZone: 'Asia/Shanghai', locale: 'zh-CN' };
const names = { community: '城南社区', organisation: '阳光志愿者协会', estate: '桂花苑' };

describe('feedMeta', () => {
  it.each([
    [{ kind: 'person', personId: 'p' }, '城南社区 · 我的志愿服务'],
    [{ kind: 'organisation', organisationId: 'o' }, '城南社区 · 阳光志愿者协会 · 志愿服务'],
    [{ kind: 'estate', estateId: 'e' }, '城南社区 · 桂花苑 · 日程'],
    [{ kind: 'community' }, '城南社区 · 社区总日程'],
    [{ kind: 'public-market' }, '城南社区 · 市集'],
    [{ kind: 'public-visits', estateId: 'e' }, '城南社区 · 桂花苑 · 流动服务车'],
  ] as const)('names a %j feed %s', (scope, name) => {
    expect(feedMeta(scope, names, zh, { refreshMinutes: 60 })).toMatchObject({
      name,
      timeZone: 'Asia/Shanghai',
      refreshMinutes: 60,
    });
  });

  it('never names the person, and tells personal from public feeds', () => {
    const personal = feedMeta({ kind: 'person', personId: 'p' }, names, zh, { refreshMinutes: 60 });
    const open = feedMeta({ kind: 'public-market' }, names, zh, { refreshMinutes: 60 });
    expect(personal.description).toContain('请勿转发');
    expect(open.description).toContain('不含个人信息');
  });

  it('says when the URL was revoked, and speaks English to an English-speaking community', () => {
    const revoked = feedMeta({ kind: 'person', personId: 'p' }, names, zh, {
      refreshMinutes: 60,
      revoked: true,
    });
    expect(revoked.description).toContain('已停用');
    const english = feedMeta(
      { kind: 'community' },
      { community: 'Riverside' },
      { timeZone: 'Europe/London', locale: 'en-GB' },
      {
        refreshMinutes: 30,
      },
    );
    expect(english).toMatchObject({
      name: 'Riverside · Community master calendar',
      timeZone: 'Europe/London',
    });
  });
});

// Issue 10, item 14: the name a person gave their subscription is what their calendar app shows.
describe('feedMeta with a subscription label', () => {
  it('names a person feed by its label, after the community', () => {
    expect(
      feedMeta({ kind: 'person', personId: 'p' }, { ...names, label: '家里的平板' }, zh, {
        refreshMinutes: 60,
      }).name,
    ).toBe('城南社区 · 家里的平板');
  });

  it('carries the feed window’s years for an empty calendar’s VTIMEZONE', () => {
    expect(
      feedMeta({ kind: 'person', personId: 'p' }, names, zh, {
        refreshMinutes: 60,
        years: { from: 2026, to: 2027 },
      }).years,
    ).toEqual({ from: 2026, to: 2027 });
  });
});
