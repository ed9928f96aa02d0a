import ExcelJS from 'exceljs';
import { PARTNER_KINDS, PartnerKind } from '@linli/identity';
import { periodLabel, type ReportPeriod } from '../domain/hours-report';
import type { OrganisationHours, PersonHours } from '../application/attendance/hours-report.service';

/** One column of an export: the Chinese header a community's records use, and how to fill it. */
interface Column<Row> {
  header: string;
  width: number;
  value: (row: Row) => string | number;
  /** Long digit strings Excel would turn into 1.38E+10. */
  text?: boolean;
}

export const PERSON_COLUMNS: Column<PersonHours>[] = [
  { header: '姓名', width: 14, value: (r) => r.name },
  { header: '手机号', width: 16, value: (r) => r.phone ?? '', text: true },
  { header: '所属组织', width: 30, value: (r) => r.organisations.join('、') },
  { header: '服务次数', width: 10, value: (r) => r.shiftsCompleted },
  { header: '服务时长（小时）', width: 16, value: (r) => r.creditedHours },
  { header: '调整时长（小时）', width: 16, value: (r) => r.adjustmentHours },
  { header: '累计时长（小时）', width: 16, value: (r) => r.totalHours },
];

export const ORGANISATION_COLUMNS: Column<OrganisationHours>[] = [
  { header: '组织名称', width: 30, value: (r) => r.name },
  { header: '组织类型', width: 16, value: (r) => PARTNER_KINDS[r.kind as PartnerKind]?.zh ?? r.kind },
  { header: '参与人数', width: 10, value: (r) => r.members },
  { header: '服务次数', width: 10, value: (r) => r.shiftsCompleted },
  { header: '服务时长（小时）', width: 16, value: (r) => r.creditedHours },
  { header: '调整时长（小时）', width: 16, value: (r) => r.adjustmentHours },
  { header: '累计时长（小时）', width: 16, value: (r) => r.totalHours },
];

const BOM = '\uFEFF';

/**
 * RFC 4180 CSV with a UTF-8 BOM and CRLF, which Excel as installed in China opens as UTF-8
 * rather than GBK. Phone numbers get a leading tab so Excel keeps them as text; cells that
 * would start a formula are prefixed with an apostrophe (CSV injection).
 */
export function toCsv<Row>(columns: Column<Row>[], rows: Row[]): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(',')];
  for (const row of rows) {
    lines.push(
      columns
        .map((c) => {
          const value = c.value(row);
          if (typeof value === 'number') return String(value);
          return csvCell(c.text && /^\+?\d{7,}$/.test(value) ? `\t${value}` : neutralise(value));
        })
        .join(','),
    );
  }
  return BOM + lines.join('\r\n') + '\r\n';
}

function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvCell(text: string): string {
  return /[",\r\n\t]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** An .xlsx workbook with one sheet: bold frozen header row, text phone column, two-decimal hours. */
export async function toXlsx<Row>(
  columns: Column<Row>[],
  rows: Row[],
  sheetName: string,
  createdAt: Date,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Linli 邻里';
  workbook.created = createdAt;
  workbook.modified = createdAt;
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.header,
    width: c.width,
    style: c.text ? { numFmt: '@' } : c.header.includes('小时') ? { numFmt: '0.00' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((c) => c.value(row)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** 志愿服务时长_2026-12.xlsx (组织志愿服务时长_… by organisation), with an ASCII name for old clients. */
export function reportFileName(
  groupBy: 'person' | 'organisation',
  period: ReportPeriod,
  ext: string,
): { name: string; ascii: string } {
  const label = periodLabel(period);
  return groupBy === 'person'
    ? { name: `志愿服务时长_${label}.${ext}`, ascii: `volunteer-hours_${label}.${ext}` }
    : { name: `组织志愿服务时长_${label}.${ext}`, ascii: `organisation-hours_${label}.${ext}` };
}

/** `attachment` with the ASCII fallback and the real name RFC 5987-encoded, which browsers prefer. */
export function contentDisposition(file: { name: string; ascii: string }): string {
  const encoded = encodeURIComponent(file.name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${file.ascii.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encoded}`;
}
