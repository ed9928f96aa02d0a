/**
 * The volunteer roster as community offices keep it in Excel: one person a row under a header row
 * (姓名, 手机号, 所属小区, 所属组织, 技能 and their everyday variants). Pure: the caller reads the
 * file into rows of text and gives the community's estates, organisations and known phones.
 */

export const ROSTER_COLUMNS = ['name', 'phone', 'estate', 'organisation', 'skills'] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];
export const REQUIRED_ROSTER_COLUMNS: readonly RosterColumn[] = ['name', 'phone'];
export const MAX_ROSTER_ROWS = 2000;

/** Header words as offices write them, compared after `normaliseText` and without spaces or `*`. */
const HEADER_WORDS: Record<RosterColumn, string[]> = {
  name: ['姓名', '名字', '志愿者姓名', '人员姓名', 'name'],
  phone: ['手机号', '手机', '手机号码', '电话', '联系电话', '电话号码', '联系方式', 'phone', 'mobile'],
  estate: ['所属小区', '小区', '居住小区', '所在小区', '小区名称', 'estate'],
  organisation: ['所属组织', '组织', '所属单位', '单位', '组织名称', 'organisation', 'organization'],
  skills: ['技能', '特长', '技能特长', '专长', 'skills'],
};

/** Why a row cannot be imported; the web app has words for each. */
export type RosterIssueCode =
  | 'NAME_MISSING'
  | 'NAME_TOO_LONG'
  | 'PHONE_MISSING'
  | 'PHONE_INVALID'
  | 'PHONE_DUPLICATE_IN_FILE'
  | 'PHONE_EXISTS'
  | 'ESTATE_UNKNOWN'
  | 'ORGANISATION_UNKNOWN'
  | 'SKILLS_INVALID';

export interface RosterIssue {
  field: RosterColumn;
  code: RosterIssueCode;
  message: string;
  /** PHONE_DUPLICATE_IN_FILE: the spreadsheet row that has the phone first. */
  firstRow?: number;
}

export interface RosterRow {
  /** The row's number as the spreadsheet shows it (the header is row 1 when it is the first). */
  row: number;
  name: string;
  phone: string;
  estateName: string | null;
  estateId: string | null;
  organisationName: string | null;
  organisationId: string | null;
  skills: string[];
  issues: RosterIssue[];
}

export interface RosterReferences {
  estates: { id: string; name: string }[];
  organisations: { id: string; name: string }[];
  /** The comparable form (`phoneKey`) of every phone already in the community. */
  existingPhones: ReadonlySet<string>;
}

export type RosterHeaderResult =
  | { ok: true; headerRow: number; columns: Partial<Record<RosterColumn, number>> }
  | { ok: false; missing: RosterColumn[] };

/** Full-width letters, digits and punctuation (ＡＢＣ１２３，) become their ASCII forms; trimmed. */
export function normaliseText(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/\u3000/g, ' ')
    .trim();
}

/** One comparable form for a phone: digits only, China's country code dropped. */
export function phoneKey(phone: string): string {
  const digits = normaliseText(phone).replace(/\D/g, '');
  return digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits;
}

const headerKey = (cell: string) =>
  normaliseText(cell)
    .replace(/[\s*＊:：]/g, '')
    .toLowerCase();

/**
 * Finds the header among the first rows (offices often put a title row such as
 * "城南社区志愿者名册" above it): the first row that names every required column.
 */
export function findHeader(rows: string[][]): RosterHeaderResult {
  let best: RosterColumn[] = [...REQUIRED_ROSTER_COLUMNS];
  for (let index = 0; index < Math.min(rows.length, 10); index++) {
    const columns: Partial<Record<RosterColumn, number>> = {};
    rows[index].forEach((cell, position) => {
      const key = headerKey(cell);
      for (const column of ROSTER_COLUMNS) {
        if (columns[column] === undefined && HEADER_WORDS[column].includes(key)) columns[column] = position;
      }
    });
    const missing = REQUIRED_ROSTER_COLUMNS.filter((column) => columns[column] === undefined);
    if (missing.length === 0) return { ok: true, headerRow: index, columns };
    if (missing.length < best.length) best = missing;
  }
  return { ok: false, missing: best };
}

const PHONE = /^\+?[0-9][0-9 -]{4,19}$/;
const SKILL_SEPARATORS = /[,;、/|\s]+/;

/** Names compare without spaces and with or without the 小区 suffix ("翡翠龙湾" finds 翡翠龙湾小区). */
const nameKey = (name: string) => normaliseText(name).replace(/\s+/g, '').replace(/小区$/, '').toLowerCase();

function lookup(list: { id: string; name: string }[], name: string) {
  const key = nameKey(name);
  return list.find((item) => nameKey(item.name) === key) ?? null;
}

/**
 * Checks every data row below the header: required fields, phone shape, estates and organisations
 * by name, and duplicates by phone within the file and against people already recorded. Blank
 * rows are skipped. Nothing is dropped: a row with issues stays in the answer with its reasons.
 */
export function checkRoster(
  rows: string[][],
  header: { headerRow: number; columns: Partial<Record<RosterColumn, number>> },
  references: RosterReferences,
): RosterRow[] {
  const cell = (row: string[], column: RosterColumn) => {
    const position = header.columns[column];
    return position === undefined ? '' : normaliseText(row[position] ?? '');
  };
  const firstRowOfPhone = new Map<string, number>();
  const checked: RosterRow[] = [];
  rows.forEach((row, index) => {
    if (index <= header.headerRow || row.every((value) => normaliseText(value) === '')) return;
    const rowNumber = index + 1;
    const issues: RosterIssue[] = [];
    const name = cell(row, 'name');
    const phone = cell(row, 'phone');
    const estateName = cell(row, 'estate') || null;
    const organisationName = cell(row, 'organisation') || null;
    const skills = [...new Set(cell(row, 'skills').split(SKILL_SEPARATORS).filter(Boolean))];

    if (!name) issues.push({ field: 'name', code: 'NAME_MISSING', message: 'name is empty' });
    else if (name.length > 100)
      issues.push({ field: 'name', code: 'NAME_TOO_LONG', message: 'name is longer than 100 characters' });

    if (!phone) issues.push({ field: 'phone', code: 'PHONE_MISSING', message: 'phone is empty' });
    else if (!PHONE.test(phone))
      issues.push({ field: 'phone', code: 'PHONE_INVALID', message: 'not a phone number' });
    else {
      const key = phoneKey(phone);
      const first = firstRowOfPhone.get(key);
      if (first !== undefined)
        issues.push({
          field: 'phone',
          code: 'PHONE_DUPLICATE_IN_FILE',
          message: `the same phone as row ${first}`,
          firstRow: first,
        });
      else firstRowOfPhone.set(key, rowNumber);
      if (references.existingPhones.has(key))
        issues.push({
          field: 'phone',
          code: 'PHONE_EXISTS',
          message: 'a person with this phone is recorded',
        });
    }

    const estate = estateName ? lookup(references.estates, estateName) : null;
    if (estateName && !estate)
      issues.push({ field: 'estate', code: 'ESTATE_UNKNOWN', message: 'no estate of this name' });
    const organisation = organisationName ? lookup(references.organisations, organisationName) : null;
    if (organisationName && !organisation)
      issues.push({
        field: 'organisation',
        code: 'ORGANISATION_UNKNOWN',
        message: 'no organisation of this name',
      });
    if (skills.length > 30 || skills.some((skill) => skill.length > 50))
      issues.push({ field: 'skills', code: 'SKILLS_INVALID', message: 'at most 30 skills of 50 characters' });

    checked.push({
      row: rowNumber,
      name,
      phone,
      estateName,
      estateId: estate?.id ?? null,
      organisationName,
      organisationId: organisation?.id ?? null,
      skills,
      issues,
    });
  });
  return checked;
}
