import { checkRoster, findHeader, phoneKey } from './roster';

const references = {
  estates: [{ id: 'e1', name: '锦江苑小区' }],
  organisations: [{ id: 'o1', name: '凤鸣志愿者协会' }],
  existingPhones: new Set(['13800000009']),
};

describe('the volunteer roster', () => {
  it.each([
    [['姓名', '手机号'], 0],
    [['名字 ', '联系电话'], 0],
    [['＊姓名', '手机号码：'], 0],
  ])('finds the header %j', (header, row) => {
    expect(findHeader([header])).toMatchObject({ ok: true, headerRow: row });
  });

  it('finds the header below a title row, and names the columns it lacks', () => {
    expect(findHeader([['城南社区志愿者名册'], ['姓名', '手机号', '小区']])).toEqual({
      ok: true,
      headerRow: 1,
      columns: { name: 0, phone: 1, estate: 2 },
    });
    expect(findHeader([['姓名', '住址']])).toEqual({ ok: false, missing: ['phone'] });
  });

  it('compares phones as digits, with or without +86 and full-width', () => {
    expect(phoneKey('+86 138-0000-0001')).toBe('13800000001');
    expect(phoneKey('１３８００００００01')).toBe('13800000001');
  });

  it('matches estates without the 小区 suffix and flags what it cannot match', () => {
    const header = { headerRow: 0, columns: { name: 0, phone: 1, estate: 2, organisation: 3 } };
    const rows = checkRoster(
      [
        ['姓名', '手机号', '小区', '组织'],
        ['李阿姨', '13800000001', '锦江苑', '凤鸣志愿者协会'],
        ['', '', '', ''],
        ['王师傅', '13800000009', '翡翠湾', '无此组织'],
      ],
      header,
      references,
    );
    expect(
      rows.map((row) => [row.row, row.estateId, row.organisationId, row.issues.map((i) => i.code)]),
    ).toEqual([
      [2, 'e1', 'o1', []],
      [4, null, null, ['PHONE_EXISTS', 'ESTATE_UNKNOWN', 'ORGANISATION_UNKNOWN']],
    ]);
  });
});
