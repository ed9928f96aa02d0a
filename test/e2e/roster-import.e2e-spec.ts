import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { createTenant, Tenant, countRecords } from '@linli/identity/testing';
import { startTestApi, TestApi } from '../support/test-api';
import { Bearers, signInAll } from '../support/auth';
import { errorFields, expectProblem, expectStatus } from './identity-e2e.helpers';

/** A roster as an office keeps it in Excel: a title row, then the header, then one person a row. */
async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('志愿者名册');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
const csv = (lines: string[]) => Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');

describe('roster import: /api/v1/roster-imports', () => {
  let api: TestApi;
  let t: Tenant;
  let as: Bearers;

  beforeAll(async () => {
    api = await startTestApi();
    t = await createTenant(api.em());
    as = await signInAll(api, t);
    const existing = await api.http
      .post('/api/v1/people')
      .set('authorization', as.organiser)
      .send({ name: '张大爷', phone: '139 0000 0009' });
    expectStatus(existing, 201);
  });
  afterAll(() => api.close());

  const upload = (path: string, file: Buffer, name = 'roster.xlsx', bearer = as.organiser) =>
    api.http.post(`/api/v1/roster-imports${path}`).set('authorization', bearer).attach('file', file, name);
  const preview = (file: Buffer, name?: string) => upload('/preview', file, name);
  const confirm = (file: Buffer, name?: string) => upload('', file, name);
  const people = () => countRecords(api.em(), 'person', { community: t.community.id });

  const goodRows = () => [
    ['城南社区志愿者名册'],
    ['姓名', '手机号', '所属小区', '所属组织', '技能'],
    ['李阿姨', 13800000001, t.estate.name, t.organisation.name, '理发、缝补'],
    ['王师傅', '138-0000-0002', '', '', '修鞋'],
  ];

  it('previews an XLSX roster with a title row: every row, nothing written', async () => {
    const before = await people();
    const response = await preview(await xlsx(goodRows()));
    expectStatus(response, 200);
    expect(response.body).toMatchObject({ total: 2, valid: 2, invalid: 0 });
    expect(response.body.rows[0]).toEqual({
      row: 3,
      name: '李阿姨',
      phone: '13800000001',
      estateName: t.estate.name,
      estateId: t.estate.id,
      organisationName: t.organisation.name,
      organisationId: t.organisation.id,
      skills: ['理发', '缝补'],
      issues: [],
    });
    expect(await people()).toBe(before);
  });

  it('tolerates header variants and full-width characters in a CSV', async () => {
    const response = await preview(
      csv(['名字,联系电话,小区,单位,特长', `赵老师,１３８０００００００３,${t.estate.name},,摄影，书法`]),
      'roster.csv',
    );
    expectStatus(response, 200);
    expect(response.body.rows[0]).toMatchObject({
      row: 2,
      name: '赵老师',
      phone: '13800000003',
      estateId: t.estate.id,
      skills: ['摄影', '书法'],
      issues: [],
    });
  });

  it('reads a CSV saved by Excel in China (GBK, no BOM)', async () => {
    const gbk = iconv.encode(`姓名,手机号,所属小区\r\n孙阿姨,13800000031,${t.estate.name}\r\n`, 'gbk');
    const response = await preview(gbk, 'roster.csv');
    expectStatus(response, 200);
    expect(response.body.rows[0]).toMatchObject({ name: '孙阿姨', estateId: t.estate.id, issues: [] });
  });

  it('reports per-row errors and duplicates by phone, within the file and against people recorded', async () => {
    const response = await preview(
      await xlsx([
        ['姓名', '手机号', '所属小区', '所属组织'],
        ['李阿姨', '13800000011', '', ''],
        ['', 'not a phone', '不存在小区', '不存在组织'],
        ['李叔叔', '+86 138 0000 0011', '', ''],
        ['张大爷', '13900000009', '', ''],
      ]),
    );
    expectStatus(response, 200);
    expect(response.body).toMatchObject({ total: 4, valid: 1, invalid: 3 });
    const codes = (response.body.rows as { row: number; issues: { code: string }[] }[]).map((row) => [
      row.row,
      row.issues.map((issue) => issue.code),
    ]);
    expect(codes).toEqual([
      [2, []],
      [3, ['NAME_MISSING', 'PHONE_INVALID', 'ESTATE_UNKNOWN', 'ORGANISATION_UNKNOWN']],
      [4, ['PHONE_DUPLICATE_IN_FILE']],
      [5, ['PHONE_EXISTS']],
    ]);
    expect(response.body.rows[2].issues[0].firstRow).toBe(2);
  });

  it('imports all or nothing: one bad row and nobody is written', async () => {
    const before = await people();
    const bad = await xlsx([...goodRows(), ['', '13800000004', '', '', '']]);
    const refused = await confirm(bad);
    expectProblem(refused, 422, 'ROSTER_HAS_ERRORS');
    expect(errorFields(refused)).toEqual(['body.file.rows.5.name']);
    expect(await people()).toBe(before);

    const imported = await confirm(await xlsx(goodRows()));
    expectStatus(imported, 201);
    expect(imported.body.created).toBe(2);
    expect(await people()).toBe(before + 2);
    const li = await api.http
      .get(`/api/v1/people/${imported.body.personIds[0]}`)
      .set('authorization', as.organiser);
    expect(li.body).toMatchObject({ name: '李阿姨', phone: '13800000001', homeEstateId: t.estate.id });
    const members = await api.http
      .get(`/api/v1/people?organisationId=${t.organisation.id}&q=李阿姨`)
      .set('authorization', as.organiser);
    expect(members.body.items).toHaveLength(1);

    // The same file again: now every phone is recorded, so nothing is imported twice.
    const again = await confirm(await xlsx(goodRows()));
    expectProblem(again, 422, 'ROSTER_HAS_ERRORS');
    expect(await people()).toBe(before + 2);
  });

  it('lets organisers only', async () => {
    expectProblem(
      await upload('/preview', await xlsx(goodRows()), 'r.xlsx', as.coordinator),
      403,
      'FORBIDDEN',
    );
    expectProblem(await upload('', await xlsx(goodRows()), 'r.xlsx', as.volunteer), 403, 'FORBIDDEN');
  });

  it('refuses files it cannot read, with problem+json codes', async () => {
    expectProblem(await preview(csv(['手机号', '13800000001']), 'r.csv'), 422, 'ROSTER_COLUMNS_MISSING');
    expectProblem(await preview(csv(['姓名,手机号']), 'r.csv'), 422, 'ROSTER_EMPTY');
    expectProblem(
      await preview(Buffer.from('姓名,手机号\n李\u0000,13800000001\n'), 'r.csv'),
      422,
      'ROSTER_FILE_UNREADABLE',
    );
    expectProblem(
      await preview(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'r.xlsx'),
      422,
      'ROSTER_FILE_UNREADABLE',
    );
    const tooMany = [
      '姓名,手机号',
      ...Array.from({ length: 2001 }, (_, i) => `人${i},1380${String(i).padStart(7, '0')}`),
    ];
    expectProblem(await preview(csv(tooMany), 'r.csv'), 422, 'ROSTER_TOO_MANY_ROWS');
  });

  it('bounds the upload: a file over 2 MB answers 413, no file or a JSON body 400', async () => {
    expectProblem(
      await preview(Buffer.alloc(2 * 1024 * 1024 + 1, 0x41), 'big.csv'),
      413,
      'PAYLOAD_TOO_LARGE',
    );
    const json = await api.http
      .post('/api/v1/roster-imports/preview')
      .set('authorization', as.organiser)
      .send({ file: '姓名,手机号' });
    expectProblem(json, 400, 'VALIDATION_FAILED');
    const twoFiles = await api.http
      .post('/api/v1/roster-imports/preview')
      .set('authorization', as.organiser)
      .attach('file', csv(['姓名,手机号', '李,13800000001']), 'a.csv')
      .attach('file', csv(['姓名,手机号', '王,13800000002']), 'b.csv');
    expect(twoFiles.status).toBe(400);
    expect(twoFiles.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
