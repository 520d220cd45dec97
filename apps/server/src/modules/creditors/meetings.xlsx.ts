import ExcelJS from 'exceljs';
import { applyWorkbookStyle, JAPANESE_FONT, YEN_FORMAT } from '../../lib/xlsx-style';
import { proRataTable, type MeetingMaterialsInput } from './meetings.pdf';

export const MEETING_SHEETS = { overview: '会議概要', proRata: 'プロラタ表' } as const;

/**
 * The meeting materials as a workbook: the meeting and the plan version (会議概要) and the version's pro-rata table
 * (プロラタ表) with every yen figure a number value (no formulas) and the share in % (0.01 %, rounded half up).
 */
export async function buildMeetingWorkbook(input: MeetingMaterialsInput): Promise<Buffer> {
  const { content } = input;
  const wb = new ExcelJS.Workbook();
  applyWorkbookStyle(wb);
  const font = { name: JAPANESE_FONT, size: 10 };

  const overview = wb.addWorksheet(MEETING_SHEETS.overview);
  overview.columns = [{ width: 22 }, { width: 80 }];
  const rows: [string, string | number][] = [
    ['会社', `${content.companyName}（${content.caseReferenceNo}）`],
    ['開催日時（日本時間）', input.scheduledAtJst.replace('T', ' ')],
    ['形式', input.mode === 'online' ? 'オンライン' : '対面'],
    [input.mode === 'online' ? '接続先' : '場所', input.place],
    ...input.agenda.map((a, i): [string, string] => [`議題 ${i + 1}`, a]),
    ['計画', `「${content.title}」第${input.versionNo}版`],
    ['SHA-256', input.sha256],
    ['計画期間（年）', content.planYears],
    ['月額返済総額（円）', content.monthlyRepaymentTotal],
  ];
  for (const r of rows) {
    const row = overview.addRow(r);
    row.font = font;
    if (typeof r[1] === 'number') row.getCell(2).numFmt = YEN_FORMAT;
  }

  const sheet = wb.addWorksheet(MEETING_SHEETS.proRata);
  sheet.columns = [{ width: 12 }, { width: 24 }, { width: 10 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 10 }, { width: 18 }];
  const header = sheet.addRow([
    '金融機関コード',
    '金融機関',
    '対象',
    '残高（円）',
    '保全額（円）',
    '非保全額（円）',
    'シェア（%）',
    '月額返済案（円）',
  ]);
  header.font = { ...font, bold: true };
  for (const r of proRataTable(content)) {
    const row = sheet.addRow([
      r.bankCode,
      r.bankName,
      r.isTarget ? '対象' : '対象外',
      r.balance,
      r.secured,
      r.unsecured,
      r.shareBasisPoints === null ? null : r.shareBasisPoints / 100,
      r.proposedMonthlyRepayment,
    ]);
    row.font = font;
    for (const c of [4, 5, 6, 8]) row.getCell(c).numFmt = YEN_FORMAT;
    row.getCell(7).numFmt = '0.00';
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
