import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { MAX_ROSTER_ROWS } from '../domain/roster';

/** Why a file cannot be read as a roster at all (before any row is looked at). */
export type RosterFileProblem = 'UNREADABLE' | 'TOO_MANY_ROWS' | 'NUL_CHARACTER';

export type RosterFileResult = { ok: true; rows: string[][] } | { ok: false; problem: RosterFileProblem };

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Reads an uploaded roster into rows of cell text, row i of the sheet at index i - 1 (so the
 * numbers in the answer are the ones the office sees in Excel). XLSX is told by its content (a
 * zip), not by the name or type the browser sent; anything else is read as CSV.
 */
export async function readRosterFile(bytes: Buffer): Promise<RosterFileResult> {
  try {
    return bytes.subarray(0, 4).equals(ZIP_MAGIC) ? await readXlsx(bytes) : await readCsv(bytes);
  } catch {
    return { ok: false, problem: 'UNREADABLE' };
  }
}

async function readXlsx(bytes: Buffer): Promise<RosterFileResult> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, problem: 'UNREADABLE' };
  if (sheet.rowCount > MAX_ROSTER_ROWS + 10) return { ok: false, problem: 'TOO_MANY_ROWS' };
  const rows: string[][] = [];
  for (let number = 1; number <= sheet.rowCount; number++) {
    const row = sheet.getRow(number);
    const cells: string[] = [];
    // cell.text is what Excel shows: a phone typed as a number comes back as its digits.
    for (let column = 1; column <= row.cellCount; column++) cells.push(row.getCell(column).text ?? '');
    rows.push(cells);
  }
  return checkedRows(rows);
}

async function readCsv(bytes: Buffer): Promise<RosterFileResult> {
  const text = decodeText(bytes);
  if (text.includes('\u0000')) return { ok: false, problem: 'NUL_CHARACTER' };
  const workbook = new ExcelJS.Workbook();
  // The identity map keeps every cell as written: no numbers, dates or "#N/A" guessed from text.
  const sheet = await workbook.csv.read(Readable.from([text]), { map: (value: string) => value });
  const rows: string[][] = [];
  for (let number = 1; number <= sheet.rowCount; number++) {
    const values = sheet.getRow(number).values as unknown[];
    rows.push(values.slice(1).map((value) => (value == null ? '' : String(value))));
  }
  return checkedRows(rows);
}

function checkedRows(rows: string[][]): RosterFileResult {
  if (rows.length > MAX_ROSTER_ROWS + 10) return { ok: false, problem: 'TOO_MANY_ROWS' };
  if (rows.some((row) => row.some((cell) => cell.includes('\u0000'))))
    return { ok: false, problem: 'NUL_CHARACTER' };
  return { ok: true, rows };
}

/**
 * Excel in China saves "CSV" in GBK unless one picks "CSV UTF-8" (which writes a BOM); UTF-16
 * comes from "Unicode text". Valid UTF-8 is taken as UTF-8, anything else as GBK.
 */
function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}
