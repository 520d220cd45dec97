import ExcelJS from 'exceljs';
import { parseAmountInput, toHalfWidthAscii, type AmountInputUnit } from '@kasseika/domain';
import {
  BALANCE_SHEET_LINES,
  INCOME_STATEMENT_LINES,
  parseIsoDate,
  validateFinancialStatements,
  type FinancialStatement as EngineStatement,
  type LocalizedText,
} from '@kasseika/finance';
import { financialStatementSchema, type FinancialStatement, type StatementsImportResult } from '@kasseika/contracts';
import type { FieldIssue } from '@kasseika/contracts';
import { AppError, invalid } from '../../errors/app-error';
import type { UploadedFile } from '../../http/upload';
import { inspectZip } from '../../security/safe-zip';
import { toEngine } from './calculations.presenter';
import { applyWorkbookStyle, JAPANESE_FONT } from '../../lib/xlsx-style';

export type { UploadedFile };

/** Largest upload accepted (413 above it) and the most an .xlsx may inflate to (a zip bomb is refused). */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const IMPORT_MAX_UNCOMPRESSED_BYTES = 20 * 1024 * 1024;

const SHEET_NAME = '決算書';
const YEAR_COLUMNS = [3, 4, 5] as const; // C, D, E: oldest year first

type RowKind = 'section' | 'date' | 'month' | 'persons' | 'yen';
interface TemplateRow {
  readonly key: string | null;
  readonly label: LocalizedText;
  readonly kind: RowKind;
  /** Optional lines stay absent when blank; subtotals are derived when blank. */
  readonly blank: 'zero' | 'absent' | 'derive' | 'required';
}

const SUBTOTALS = new Set(['grossProfit', 'operatingProfit', 'ordinaryProfit', 'profitBeforeTax', 'netIncome']);

/** The rows of the template, in order; the import reads rows by the key in column B, so rows may be moved. */
export const TEMPLATE_ROWS: readonly TemplateRow[] = [
  { key: null, label: { ja: '基本情報', en: 'Basics' }, kind: 'section', blank: 'zero' },
  { key: 'fiscalYearEnd', label: { ja: '決算日（YYYY-MM-DD）', en: 'Fiscal year end (YYYY-MM-DD)' }, kind: 'date', blank: 'required' },
  { key: 'employees', label: { ja: '従業員数（人）', en: 'Employees (persons)' }, kind: 'persons', blank: 'required' },
  { key: null, label: { ja: '貸借対照表', en: 'Balance sheet' }, kind: 'section', blank: 'zero' },
  ...BALANCE_SHEET_LINES.map((l): TemplateRow => ({
    key: `balanceSheet.${l.key}`,
    label: l.label,
    kind: 'yen',
    blank: l.key === 'currentPortionOfLongTermBorrowings' ? 'absent' : 'zero',
  })),
  { key: null, label: { ja: '損益計算書', en: 'Income statement' }, kind: 'section', blank: 'zero' },
  ...INCOME_STATEMENT_LINES.map((l): TemplateRow => ({
    key: `incomeStatement.${l.key}`,
    label: l.label,
    kind: 'yen',
    blank: l.key === 'depreciationInCostOfSales' ? 'absent' : SUBTOTALS.has(l.key) ? 'derive' : 'zero',
  })),
];

const FIRST_DATA_ROW = 6;

/**
 * The downloadable Excel template (決算書入力テンプレート): one column per fiscal year (up to 3, oldest first), one row per
 * line with its key in column B, and the unit (円 / 千円) in C3. Blank amounts are ¥0; blank subtotals are derived.
 */
export async function buildStatementsTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  applyWorkbookStyle(wb);
  const ws = wb.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', xSplit: 2, ySplit: 5 }] });
  ws.columns = [{ width: 34 }, { width: 40 }, { width: 18 }, { width: 18 }, { width: 18 }];
  ws.getCell('A1').value = '決算書入力テンプレート / Financial statements template (Kasseika)';
  ws.getCell('A1').font = { name: JAPANESE_FONT, size: 14, bold: true };
  ws.getCell('A2').value =
    'C〜E列に古い年度から順に入力してください。B列のキーは変更しないでください。空欄の金額は0円、空欄の段階利益は自動計算します。 / Enter years oldest first in C–E; keep the keys in column B. Blank amounts are 0; blank subtotals are derived.';
  ws.getCell('A3').value = '単位 / Unit';
  ws.getCell('B3').value = 'unit';
  ws.getCell('C3').value = '円';
  ws.getCell('C3').dataValidation = { type: 'list', allowBlank: false, formulae: ['"円,千円"'] };
  const header = ws.getRow(5);
  header.values = ['科目 / Item', 'キー / key', '1期目 / Year 1', '2期目 / Year 2', '3期目 / Year 3'];
  header.font = { name: JAPANESE_FONT, bold: true };
  TEMPLATE_ROWS.forEach((row, i) => {
    const r = ws.getRow(FIRST_DATA_ROW + i);
    r.getCell(1).value = row.kind === 'section' ? `■ ${row.label.ja} / ${row.label.en}` : `${row.label.ja} / ${row.label.en}`;
    if (row.key) r.getCell(2).value = row.key;
    if (row.kind === 'section') r.font = { name: JAPANESE_FONT, bold: true };
    for (const c of YEAR_COLUMNS) {
      const cell = r.getCell(c);
      if (row.kind === 'yen') cell.numFmt = '#,##0;[Red]-#,##0';
      if (row.kind === 'date') cell.numFmt = '@';
    }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export type CellValue = string | number | Date | null;

/** A read-only grid (1-based rows and columns) with cell addresses like `C12`. */
export interface Grid {
  readonly rowCount: number;
  get(row: number, col: number): CellValue;
}

export function cellAddress(row: number, col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return `${s}${row}`;
}

export function textOf(v: CellValue): string {
  if (v === null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

export async function gridFromXlsx(bytes: Buffer): Promise<Grid> {
  const zip = inspectZip(bytes, { maxUncompressedBytes: IMPORT_MAX_UNCOMPRESSED_BYTES, maxEntries: 500 });
  if (!zip.ok) {
    if (zip.problem === 'TOO_LARGE_UNCOMPRESSED' || zip.problem === 'TOO_MANY_ENTRIES') {
      throw new AppError('PAYLOAD_TOO_LARGE', {
        detail: {
          ja: '展開後のサイズが大きすぎるため、このファイルは読み込めません（圧縮爆弾の可能性）',
          en: 'The file expands to too much data and is refused (possible zip bomb)',
        },
      });
    }
    throw notSpreadsheet();
  }
  if (!zip.names.includes('[Content_Types].xml') || !zip.names.includes('xl/workbook.xml')) throw notSpreadsheet();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw notSpreadsheet();
  }
  const ws = wb.getWorksheet(SHEET_NAME) ?? wb.worksheets[0];
  if (!ws) throw notSpreadsheet();
  return {
    rowCount: ws.rowCount,
    get(row, col) {
      const v = ws.getRow(row).getCell(col).value;
      if (v === null || v === undefined) return null;
      if (typeof v === 'number' || typeof v === 'string' || v instanceof Date) return v;
      if (typeof v === 'boolean') return String(v);
      if ('result' in v) {
        const r = v.result;
        return typeof r === 'number' || typeof r === 'string' || r instanceof Date ? r : null;
      }
      if ('richText' in v) return v.richText.map((t) => t.text).join('');
      if ('text' in v) return v.text;
      return null;
    },
  };
}

export function notSpreadsheet(): AppError {
  return new AppError('UNSUPPORTED_MEDIA_TYPE', {
    detail: {
      ja: 'Excelブック（.xlsx）またはCSVファイルを選んでください。ファイルの中身がこれらの形式ではありません',
      en: 'Choose an Excel workbook (.xlsx) or a CSV file; the content is neither',
    },
  });
}

/** Decodes CSV bytes: UTF-8 (with or without BOM), else Shift_JIS (Excel's Japanese CSV); binary is refused. */
function decodeCsv(bytes: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    try {
      text = new TextDecoder('shift_jis', { fatal: true }).decode(bytes);
    } catch {
      throw notSpreadsheet();
    }
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) throw notSpreadsheet();
  return text;
}

/** RFC 4180 CSV (quotes, doubled quotes, CRLF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export function gridFromCsv(bytes: Buffer): Grid {
  const rows = parseCsv(decodeCsv(bytes));
  return { rowCount: rows.length, get: (row, col) => rows[row - 1]?.[col - 1]?.trim() || null };
}

function cellIssue(row: number, col: number, label: string, ja: string, en: string, code: string): FieldIssue {
  const address = cellAddress(row, col);
  const year = col - 2;
  return {
    pointer: `/file/${address}`,
    code,
    message: { ja: `${address}（${year}期目 ${label}）: ${ja}`, en: `${address} (year ${year}, ${label}): ${en}` },
  };
}

/**
 * Imports statements from the Excel template or a CSV with the same layout. The content is identified by its bytes
 * (ZIP magic for .xlsx, decodable text for CSV), never by the file name. Unreadable cells give a 422 listing every
 * problem cell by cell ("C12: 数値を入力してください"); what the engine finds suspicious (e.g. an unbalanced sheet)
 * comes back as warnings pointing at cells, so the figures can be fixed in the grid.
 */
export async function importStatements(file: UploadedFile): Promise<StatementsImportResult> {
  const bytes = file.bytes;
  const isZip = bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50;
  const isOle = bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
  if (isOle) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
      detail: { ja: '古い形式（.xls）は読み込めません。.xlsx で保存し直してください', en: 'Old .xls files are not read; save as .xlsx' },
    });
  }
  const grid = isZip ? await gridFromXlsx(bytes) : gridFromCsv(bytes);
  const rowOf = new Map<string, number>();
  let unit: AmountInputUnit = 1;
  for (let r = 1; r <= grid.rowCount; r += 1) {
    const key = textOf(grid.get(r, 2));
    if (key === 'unit') unit = textOf(grid.get(r, 3)).includes('千') ? 1000 : 1;
    else if (key) rowOf.set(key, r);
  }
  const dateRow = rowOf.get('fiscalYearEnd');
  if (dateRow === undefined) {
    throw invalid([
      {
        pointer: '/file',
        code: 'template.layout',
        message: {
          ja: 'テンプレートの形式ではありません（B列に「fiscalYearEnd」などのキーがありません）。テンプレートをダウンロードして使ってください',
          en: 'Not the template layout (no keys such as "fiscalYearEnd" in column B). Download and use the template',
        },
      },
    ]);
  }
  const columns = YEAR_COLUMNS.filter((c) => textOf(grid.get(dateRow, c)) !== '');
  const errors: FieldIssue[] = [];
  if (columns.length === 0) {
    errors.push(cellIssue(dateRow, 3, '決算日', '決算日を入力してください', 'enter the fiscal year end', 'cell.required'));
  }
  const statements = columns.map((col) => readYear(grid, rowOf, col, unit, errors));
  if (errors.length > 0) throw invalid(errors);
  const parsed = statements.map((s) => financialStatementSchema.parse(s));
  const warnings = validateFinancialStatements(toEngine<EngineStatement[]>(parsed)).map((issue) => {
    const [index, part, key] = issue.path;
    const col = typeof index === 'number' ? (columns[index] ?? 3) : 3;
    const row =
      typeof part === 'string' && typeof key === 'string'
        ? rowOf.get(`${part}.${key}`)
        : typeof part === 'string'
          ? rowOf.get(part)
          : undefined;
    const address = cellAddress(row ?? dateRow, col);
    return {
      pointer: `/file/${address}`,
      code: issue.code,
      message: { ja: `${address}: ${issue.message.ja}`, en: `${address}: ${issue.message.en}` },
    };
  });
  return { format: isZip ? 'xlsx' : 'csv', statements: parsed, warnings };
}

function readYear(
  grid: Grid,
  rowOf: ReadonlyMap<string, number>,
  col: number,
  unit: AmountInputUnit,
  errors: FieldIssue[],
): FinancialStatement {
  const values = new Map<string, number>();
  let fiscalYearEnd = '';
  let employees = 0;
  for (const row of TEMPLATE_ROWS) {
    if (!row.key) continue;
    const r = rowOf.get(row.key);
    const raw = r === undefined ? null : grid.get(r, col);
    const label = row.label.ja;
    if (row.kind === 'date') {
      const t = raw instanceof Date ? raw.toISOString().slice(0, 10) : toHalfWidthAscii(textOf(raw)).replaceAll('/', '-');
      const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
      const iso = m ? `${m[1]}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}` : '';
      if (!parseIsoDate(iso) && r !== undefined) {
        errors.push(
          cellIssue(
            r,
            col,
            label,
            '決算日を YYYY-MM-DD の形式で入力してください（例: 2026-03-31）',
            'enter the date as YYYY-MM-DD',
            'cell.date',
          ),
        );
      }
      fiscalYearEnd = iso;
      continue;
    }
    const text = typeof raw === 'number' ? String(raw) : raw instanceof Date ? 'date' : textOf(raw);
    if (text === '') {
      if (row.blank === 'required' && r !== undefined)
        errors.push(cellIssue(r, col, label, '値を入力してください', 'enter a value', 'cell.required'));
      if (row.blank === 'zero') values.set(row.key, 0);
      continue;
    }
    if (row.kind === 'persons') {
      const n = Number(toHalfWidthAscii(text).replace(/[,\s人]/g, ''));
      if (!Number.isFinite(n) || n < 0) {
        if (r !== undefined)
          errors.push(cellIssue(r, col, label, '0以上の数値を入力してください', 'enter a number of 0 or more', 'cell.number'));
      } else employees = n;
      continue;
    }
    // Numbers are read through their shortest decimal form, so 1.1 千円 is exactly 1,100 円 (no floating point).
    const amount = parseAmountInput(text, unit);
    if (amount.ok) values.set(row.key, amount.value);
    else if (r !== undefined) {
      const [ja, en] =
        amount.problem === 'notInteger'
          ? ['1円単位の整数で入力してください', 'enter a whole number of yen']
          : ['数値を入力してください', 'enter a number'];
      errors.push(cellIssue(r, col, label, ja, en, amount.problem === 'notInteger' ? 'cell.integer' : 'cell.number'));
    }
  }
  const v = (k: string) => values.get(`incomeStatement.${k}`) ?? 0;
  const derive = (k: string, f: () => number) => {
    if (!values.has(`incomeStatement.${k}`)) values.set(`incomeStatement.${k}`, f());
  };
  derive('grossProfit', () => v('netSales') - v('costOfSales'));
  derive('operatingProfit', () => v('grossProfit') - v('sellingGeneralAdministrativeExpenses'));
  derive('ordinaryProfit', () => v('operatingProfit') + v('nonOperatingIncome') - v('interestExpense') - v('otherNonOperatingExpenses'));
  derive('profitBeforeTax', () => v('ordinaryProfit') + v('extraordinaryGains') - v('extraordinaryLosses'));
  derive('netIncome', () => v('profitBeforeTax') - v('incomeTaxes'));
  const part = (prefix: string) =>
    Object.fromEntries([...values].filter(([k]) => k.startsWith(`${prefix}.`)).map(([k, x]) => [k.slice(prefix.length + 1), x]));
  return {
    fiscalYearEnd,
    fiscalYearEndMonth: Number(fiscalYearEnd.slice(5, 7)) || 1,
    employees,
    balanceSheet: part('balanceSheet') as FinancialStatement['balanceSheet'],
    incomeStatement: part('incomeStatement') as FinancialStatement['incomeStatement'],
  };
}
