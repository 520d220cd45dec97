import ExcelJS from 'exceljs';
import { isValidationMessageKey, loanBodySchema, VALIDATION_MESSAGES, type FieldIssue, type LoanBody } from '@kasseika/contracts';
import { parseAmountInput, toHalfWidthAscii } from '@kasseika/domain';
import { AppError, invalid } from '../../errors/app-error';
import type { UploadedFile } from '../../http/upload';
import {
  applyWorkbookStyle,
  cellAddress,
  gridFromCsv,
  gridFromXlsx,
  JAPANESE_FONT,
  notSpreadsheet,
  textOf,
} from '../calculations/calculations.service';
import type { FinancialInstitutionDirectory } from './financial-institutions';

/** Largest upload accepted (413 above it). */
export const CREDITOR_IMPORT_MAX_BYTES = 2 * 1024 * 1024;
const MAX_ROWS = 500;

/** The columns of the 借入金一覧 template, A to J, in order. */
const COLUMNS = [
  { key: 'bankCode', ja: '金融機関コード（4桁）', en: 'Bank code (4 digits)' },
  { key: 'bankName', ja: '金融機関名（参考）', en: 'Bank name (for reference)' },
  { key: 'label', ja: '借入の名称', en: 'Loan' },
  { key: 'balance', ja: '残高（円）', en: 'Balance (yen)' },
  { key: 'annualRatePercent', ja: '金利（年%）', en: 'Rate (% a year)' },
  { key: 'monthlyRepayment', ja: '月額返済（円）', en: 'Monthly repayment (yen)' },
  { key: 'collateral', ja: '担保の内容', en: 'Collateral' },
  { key: 'collateralAppraisal', ja: '担保評価額（円）', en: 'Collateral appraisal (yen)' },
  { key: 'collateralHaircutPercent', ja: '掛目（%・空欄は100）', en: 'Haircut (%, blank = 100)' },
  { key: 'guaranteeCoverPercent', ja: '保証協会の保証割合（%）', en: 'Guarantee-corporation cover (%)' },
] as const;

type ColumnKey = (typeof COLUMNS)[number]['key'];
const col = (key: ColumnKey) => COLUMNS.findIndex((c) => c.key === key) + 1;

/** The downloadable Excel template (借入金一覧): one loan per row from row 3; row 1 labels, row 2 an example. */
export async function buildCreditorTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  applyWorkbookStyle(wb);
  const ws = wb.addWorksheet('借入金一覧', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = COLUMNS.map((c) => ({ width: Math.max(16, c.ja.length * 2 + 4) }));
  const header = ws.getRow(1);
  header.values = COLUMNS.map((c) => `${c.ja} / ${c.en}`);
  header.font = { name: JAPANESE_FONT, bold: true };
  ws.getRow(2).values = [
    '0001',
    'みずほ（記入例・削除してください）',
    '運転資金',
    30_000_000,
    1.5,
    500_000,
    '本社土地建物',
    20_000_000,
    70,
    0,
  ];
  ws.getRow(2).font = { name: JAPANESE_FONT, italic: true, color: { argb: 'FF666666' } };
  ws.getColumn(1).numFmt = '@';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Reads the 借入金一覧 template (.xlsx) or a CSV with the same columns (UTF-8 or Shift_JIS), identified by content.
 * Row 1 is the header; a row whose B column contains 記入例 is skipped; blank rows are skipped. Every problem cell is
 * listed at once (422, pointer `/file/D5`); nothing is stored unless the whole file is clean.
 */
export async function parseCreditorImport(
  file: UploadedFile,
  institutions: FinancialInstitutionDirectory,
): Promise<(LoanBody & { bankCode: string })[]> {
  const bytes = file.bytes;
  const isZip = bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50;
  const isOle = bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
  if (isOle) throw notSpreadsheet();
  const grid = isZip ? await gridFromXlsx(bytes) : gridFromCsv(bytes);
  const issues: FieldIssue[] = [];
  const out: (LoanBody & { bankCode: string })[] = [];
  const issue = (row: number, key: ColumnKey, ja: string, en: string, code: string) => {
    const c = COLUMNS[col(key) - 1];
    const address = cellAddress(row, col(key));
    issues.push({
      pointer: `/file/${address}`,
      code,
      message: { ja: `${address}（${c?.ja}）: ${ja}`, en: `${address} (${c?.en}): ${en}` },
    });
  };
  const text = (row: number, key: ColumnKey) => toHalfWidthAscii(textOf(grid.get(row, col(key))));
  const amount = (row: number, key: ColumnKey, fallback: number | null): number | null => {
    const raw = text(row, key);
    if (raw === '') {
      if (fallback === null) issue(row, key, '金額を入力してください', 'Enter an amount', 'yen.amount');
      return fallback;
    }
    const parsed = parseAmountInput(raw, 1);
    if (!parsed.ok || parsed.value < 0) {
      issue(row, key, '0以上の整数（円）を入力してください', 'Enter a whole number of yen, 0 or more', 'yen.amount');
      return null;
    }
    return parsed.value;
  };
  const number = (row: number, key: ColumnKey, fallback: number): number | null => {
    const raw = text(row, key).replace(/%$/, '');
    if (raw === '') return fallback;
    const n = Number(raw.replace(/,/g, ''));
    return Number.isFinite(n) ? n : null;
  };
  if (grid.rowCount - 1 > MAX_ROWS)
    throw new AppError('PAYLOAD_TOO_LARGE', {
      detail: { ja: `一度に読み込めるのは${MAX_ROWS}行までです`, en: `At most ${MAX_ROWS} rows can be imported at once` },
    });
  for (let r = 2; r <= grid.rowCount; r += 1) {
    const cells = COLUMNS.map((_, i) => textOf(grid.get(r, i + 1)));
    if (cells.every((c) => c === '')) continue;
    if (text(r, 'bankName').includes('記入例')) continue;
    const bankCode = text(r, 'bankCode').padStart(4, '0');
    if (!/^\d{4}$/.test(bankCode) || !institutions.byCode(bankCode))
      issue(r, 'bankCode', '金融機関コードが見つかりません', 'Unknown bank code', 'bankCode.unknown');
    const candidate = {
      label: text(r, 'label') || textOf(grid.get(r, col('label'))),
      balance: amount(r, 'balance', null),
      annualRatePercent: number(r, 'annualRatePercent', Number.NaN),
      monthlyRepayment: amount(r, 'monthlyRepayment', 0),
      collateral: textOf(grid.get(r, col('collateral'))) || null,
      collateralAppraisal: amount(r, 'collateralAppraisal', 0),
      collateralHaircutPercent: number(r, 'collateralHaircutPercent', 100),
      guaranteeCoverPercent: number(r, 'guaranteeCoverPercent', 0),
    };
    const parsed = loanBodySchema.safeParse(candidate);
    if (!parsed.success) {
      for (const zi of parsed.error.issues) {
        const key = String(zi.path[0] ?? 'label') as ColumnKey;
        if ((key === 'balance' || key === 'monthlyRepayment' || key === 'collateralAppraisal') && candidate[key] === null) continue;
        const m = isValidationMessageKey(zi.message)
          ? VALIDATION_MESSAGES[zi.message]
          : { ja: '値が正しくありません', en: 'Invalid value' };
        issue(r, COLUMNS.some((c) => c.key === key) ? key : 'label', m.ja, m.en, zi.message);
      }
      continue;
    }
    out.push({ ...parsed.data, bankCode });
  }
  if (issues.length === 0 && out.length === 0)
    issues.push({
      pointer: '/file',
      code: 'file.empty',
      message: { ja: '読み込める借入の行がありません（2行目以降に入力してください）', en: 'No loan rows found (enter them from row 2)' },
    });
  if (issues.length > 0) throw invalid(issues);
  return out;
}
