import ExcelJS from 'exceljs';
import {
  BALANCE_SHEET_LINES,
  computeBalanceSheetTotals,
  INCOME_STATEMENT_LINES,
  type BalanceSheet,
  type BalanceSheetTotals,
} from '@kasseika/finance';
import type { PlanDocument, PlanResult, Step } from '@kasseika/contracts';
import { toEngine } from './calculations.presenter';
import { applyWorkbookStyle, DECIMAL_FORMAT, JAPANESE_FONT, YEN_FORMAT } from '../../lib/xlsx-style';

/**
 * The plan as an Excel workbook a banker can open: 損益計画, 貸借対照表, 資金繰り, 金融機関別返済計画, 数値基準,
 * プロラタ按分 and 計算根拠 (the explanation steps). Every figure is written as a number value (no formulas, so every
 * reader shows it), in yen with `#,##0` and negatives red with a minus sign. The numbers are the API's: the workbook is
 * built from the same computed plan that `POST /api/v1/calculations/plan` returns.
 */

type BsStatement = PlanResult['projection']['base'];
type Sheet = ExcelJS.Worksheet;
type Value = number | string | null;

export const SHEETS = {
  incomeStatement: '損益計画',
  balanceSheet: '貸借対照表',
  cashFlow: '資金繰り',
  repayments: '金融機関別返済計画',
  criteria: '数値基準',
  proRata: 'プロラタ按分',
  steps: '計算根拠',
} as const;

/** Labels of the balance-sheet totals rows (also used by the tests to find them). */
export const BALANCE_SHEET_TOTAL_LABELS: Readonly<
  Record<keyof Omit<BalanceSheetTotals, 'imbalance' | 'totalTangibleFixedAssets'>, string>
> = {
  totalCurrentAssets: '流動資産合計',
  totalFixedAssets: '固定資産合計',
  totalAssets: '資産合計',
  totalCurrentLiabilities: '流動負債合計',
  totalFixedLiabilities: '固定負債合計',
  totalLiabilities: '負債合計',
  totalNetAssets: '純資産合計',
  totalLiabilitiesAndNetAssets: '負債・純資産合計',
};

/** The rows of the 資金繰り sheet: label and field of the cash-flow statement. */
export const CASH_FLOW_ROWS = [
  ['当期純利益', 'netIncome'],
  ['減価償却費', 'depreciation'],
  ['売上債権の増減', 'changeInTradeReceivables'],
  ['棚卸資産の増減', 'changeInInventories'],
  ['仕入債務の増減', 'changeInTradePayables'],
  ['営業キャッシュフロー', 'operatingCashFlow'],
  ['設備投資', 'capitalExpenditure'],
  ['投資キャッシュフロー', 'investingCashFlow'],
  ['新規借入', 'borrowings'],
  ['元金返済', 'repayments'],
  ['財務キャッシュフロー', 'financingCashFlow'],
  ['現預金の増減', 'netChangeInCash'],
  ['期首現預金', 'openingCash'],
  ['期末現預金', 'closingCash'],
] as const;

export const REPAYMENT_ROWS = [
  ['期首残高', 'openingBalance'],
  ['新規借入', 'drawdown'],
  ['元金返済', 'principal'],
  ['支払利息', 'interest'],
  ['期末残高', 'closingBalance'],
] as const;

function title(ws: Sheet, text: string, company: string): void {
  ws.getCell('A1').value = `${text} — ${company}`;
  ws.getCell('A1').font = { name: JAPANESE_FONT, size: 14, bold: true };
  ws.getCell('A2').value = '単位：円（マイナスは赤字・マイナス記号で表示）';
  ws.getCell('A2').font = { name: JAPANESE_FONT, size: 9 };
}

function header(ws: Sheet, row: number, values: readonly string[]): void {
  const r = ws.getRow(row);
  r.values = [...values];
  r.font = { name: JAPANESE_FONT, bold: true };
  r.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F1FE' } };
    c.border = { bottom: { style: 'thin' } };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  r.height = 30;
}

function dataRow(ws: Sheet, row: number, label: string, values: readonly Value[], format = YEN_FORMAT, bold = false): void {
  const r = ws.getRow(row);
  r.getCell(1).value = label;
  values.forEach((v, i) => {
    const c = r.getCell(i + 2);
    c.value = v;
    if (typeof v === 'number') c.numFmt = format;
    c.alignment = { horizontal: 'right' };
  });
  r.font = { name: JAPANESE_FONT, bold };
}

function yearHeaders(plan: PlanResult, withBase: boolean): string[] {
  const years = plan.projection.years.map((y) => `計画${y.planYear}年度\n（${y.fiscalYearEndMonth}期）`);
  return withBase ? [`基準年度（実績）\n（${plan.projection.base.fiscalYearEnd.slice(0, 7)}期）`, ...years] : years;
}

function statementsOf(plan: PlanResult): BsStatement[] {
  return [plan.projection.base, ...plan.projection.years.map((y) => y.statement)];
}

function addIncomeStatement(wb: ExcelJS.Workbook, plan: PlanResult): void {
  const ws = wb.addWorksheet(SHEETS.incomeStatement, { views: [{ state: 'frozen', xSplit: 1, ySplit: 4 }] });
  title(ws, '損益計画', plan.company.name);
  header(ws, 4, ['項目', ...yearHeaders(plan, true)]);
  const statements = statementsOf(plan);
  let row = 5;
  for (const line of INCOME_STATEMENT_LINES) {
    const values = statements.map((s) => s.incomeStatement[line.key] ?? null);
    if (line.key === 'depreciationInCostOfSales' && values.every((v) => v === null)) continue;
    dataRow(ws, row, line.label.ja, values, YEN_FORMAT, line.kind === 'subtotal');
    row += 1;
  }
  widths(ws, statements.length);
}

function addBalanceSheet(wb: ExcelJS.Workbook, plan: PlanResult): void {
  const ws = wb.addWorksheet(SHEETS.balanceSheet, { views: [{ state: 'frozen', xSplit: 1, ySplit: 4 }] });
  title(ws, '貸借対照表', plan.company.name);
  header(ws, 4, ['項目', ...yearHeaders(plan, true)]);
  const statements = statementsOf(plan);
  const totals = statements.map((s) => computeBalanceSheetTotals(toEngine<BalanceSheet>(s.balanceSheet)).value);
  const after: Partial<Record<string, (keyof typeof BALANCE_SHEET_TOTAL_LABELS)[]>> = {
    otherCurrentAssets: ['totalCurrentAssets'],
    investmentsAndOtherAssets: ['totalFixedAssets'],
    deferredAssets: ['totalAssets'],
    otherCurrentLiabilities: ['totalCurrentLiabilities'],
    otherFixedLiabilities: ['totalFixedLiabilities', 'totalLiabilities'],
    otherNetAssets: ['totalNetAssets', 'totalLiabilitiesAndNetAssets'],
  };
  let row = 5;
  for (const line of BALANCE_SHEET_LINES) {
    const values = statements.map((s) => s.balanceSheet[line.key] ?? null);
    if (!(line.key === 'currentPortionOfLongTermBorrowings' && values.every((v) => v === null))) {
      dataRow(ws, row, line.label.ja, values);
      row += 1;
    }
    for (const key of after[line.key] ?? []) {
      dataRow(
        ws,
        row,
        BALANCE_SHEET_TOTAL_LABELS[key],
        totals.map((t) => t[key]),
        YEN_FORMAT,
        true,
      );
      row += 1;
    }
  }
  widths(ws, statements.length);
}

function addCashFlow(wb: ExcelJS.Workbook, plan: PlanResult): void {
  const ws = wb.addWorksheet(SHEETS.cashFlow, { views: [{ state: 'frozen', xSplit: 1, ySplit: 4 }] });
  title(ws, '資金繰り（キャッシュフロー計画）', plan.company.name);
  header(ws, 4, ['項目', ...yearHeaders(plan, false)]);
  let row = 5;
  for (const [label, key] of CASH_FLOW_ROWS) {
    dataRow(
      ws,
      row,
      label,
      plan.projection.years.map((y) => y.cashFlow[key]),
      YEN_FORMAT,
      key.endsWith('CashFlow') || key === 'closingCash',
    );
    row += 1;
  }
  row += 1;
  ws.getCell(`A${row}`).value = '整合性チェック（差額。0 = 一致）';
  ws.getCell(`A${row}`).font = { name: JAPANESE_FONT, bold: true };
  row += 1;
  const codes = [...new Set(plan.projection.checks.map((c) => c.code))];
  for (const code of codes) {
    const checks = plan.projection.years.map((y) => plan.projection.checks.find((c) => c.code === code && c.year === y.planYear));
    dataRow(
      ws,
      row,
      checks[0]?.label.ja ?? code,
      checks.map((c) => c?.difference ?? null),
    );
    row += 1;
  }
  widths(ws, plan.projection.years.length);
}

function addRepayments(wb: ExcelJS.Workbook, plan: PlanResult): void {
  const ws = wb.addWorksheet(SHEETS.repayments, { views: [{ state: 'frozen', xSplit: 1, ySplit: 4 }] });
  title(ws, '金融機関別返済計画', plan.company.name);
  header(ws, 4, ['金融機関 / 項目', ...yearHeaders(plan, false)]);
  let row = 5;
  const blocks = [...plan.repaymentsByCreditor];
  for (const creditor of blocks) {
    ws.getCell(`A${row}`).value = creditor.name ? `${creditor.name}（${creditor.creditorId}）` : creditor.creditorId;
    ws.getCell(`A${row}`).font = { name: JAPANESE_FONT, bold: true };
    row += 1;
    for (const [label, key] of REPAYMENT_ROWS) {
      dataRow(
        ws,
        row,
        `\u3000${label}`,
        creditor.years.map((y) => y[key]),
      );
      row += 1;
    }
  }
  ws.getCell(`A${row}`).value = '合計';
  ws.getCell(`A${row}`).font = { name: JAPANESE_FONT, bold: true };
  row += 1;
  for (const [label, key] of REPAYMENT_ROWS) {
    const totals = plan.projection.years.map((_, i) => blocks.reduce((t, c) => t + (c.years[i]?.[key] ?? 0), 0));
    dataRow(ws, row, `\u3000${label}（合計）`, totals, YEN_FORMAT, true);
    row += 1;
  }
  widths(ws, plan.projection.years.length);
}

const STATUS_JA = { passed: '充足', failed: '未充足', notApplicable: '対象外', notEvaluable: '判定不能' } as const;

function addCriteria(wb: ExcelJS.Workbook, plan: PlanResult): void {
  const ws = wb.addWorksheet(SHEETS.criteria);
  const c = plan.criteria;
  title(ws, '数値基準の充足状況', plan.company.name);
  ws.getCell('A3').value = `適用基準：${c.ruleSetName.ja}${c.verified ? '' : '（⚠ 出典未確認を含む）'}`;
  ws.getCell('A4').value =
    `総合判定：${c.overall === 'passed' ? '基準を満たす' : c.overall === 'failed' ? '基準を満たさない' : '計画期間内では判定できない基準あり'}`;
  ws.getCell('A4').font = { name: JAPANESE_FONT, bold: true };
  dataRow(ws, 5, '基準年度の実態純資産', [plan.realBalanceSheet.realNetAssets]);
  header(ws, 7, ['基準', '必須', '判定', '期限（計画年度）', '達成（計画年度）']);
  let row = 8;
  for (const k of c.criteria) {
    dataRow(ws, row, k.label.ja, [k.mandatory ? '必須' : '参考', STATUS_JA[k.status], k.deadlinePlanYear, k.metPlanYear], '0');
    row += 1;
  }
  row += 1;
  header(ws, row, ['年度別の値', ...yearHeaders(plan, false)]);
  row += 1;
  for (const k of c.criteria) {
    const format = k.kind === 'debtToCashFlowAtMost' ? DECIMAL_FORMAT : k.kind === 'planHorizonWithin' ? '0' : YEN_FORMAT;
    const byYear = plan.projection.years.map((y) => k.values.find((v) => v.planYear === y.planYear));
    dataRow(
      ws,
      row,
      k.label.ja,
      byYear.map((v) => v?.value ?? null),
      format,
    );
    dataRow(
      ws,
      row + 1,
      `\u3000${k.label.ja}（判定）`,
      byYear.map((v) => (v?.meets === true ? '○ 充足' : v?.meets === false ? '× 未充足' : '')),
    );
    row += 2;
  }
  widths(ws, Math.max(4, plan.projection.years.length));
  ws.getColumn(1).width = 60;
}

function addProRata(wb: ExcelJS.Workbook, plan: PlanResult): void {
  const p = plan.proRata;
  if (!p) return;
  const ws = wb.addWorksheet(SHEETS.proRata);
  title(ws, 'プロラタ按分（月額返済の配分）', plan.company.name);
  ws.getCell('A3').value = p.steps[0]?.label.ja ?? '';
  header(ws, 5, ['金融機関', '借入残高', '保全額', '信用残高', '按分比率', '月額按分額', 'うち端数配分']);
  let row = 6;
  for (const a of p.allocations) {
    dataRow(ws, row, a.name ? `${a.name}（${a.creditorId}）` : a.creditorId, [
      a.coverage.balance,
      a.coverage.totalSecured,
      a.coverage.unsecured,
      null,
      a.amount,
      a.residualReceived,
    ]);
    const share = ws.getRow(row).getCell(5);
    share.value = a.share;
    share.numFmt = '0.00%';
    row += 1;
  }
  dataRow(
    ws,
    row,
    '合計',
    [p.totalBalance, null, p.totalUnsecured, null, p.allocations.reduce((t, a) => t + a.amount, 0), null],
    YEN_FORMAT,
    true,
  );
  widths(ws, 6);
}

const UNIT_JA: Record<Step['unit'], string> = {
  yen: '円',
  ratio: '比率',
  percent: '%',
  months: 'か月',
  years: '年',
  times: '倍',
  persons: '人',
  thousandYenPerEmployee: '千円/人',
  count: '',
  none: '',
};

function addSteps(wb: ExcelJS.Workbook, plan: PlanResult): void {
  const ws = wb.addWorksheet(SHEETS.steps, { views: [{ state: 'frozen', ySplit: 4 }] });
  title(ws, '計算根拠（すべての計算の途中経過）', plan.company.name);
  header(ws, 4, ['区分', 'コード', '項目', '値', '単位', '計算式', '出典']);
  ws.columns = [{ width: 24 }, { width: 30 }, { width: 60 }, { width: 18 }, { width: 8 }, { width: 50 }, { width: 30 }];
  let row = 5;
  const put = (group: string, steps: readonly Step[]) => {
    for (const s of steps) {
      const r = ws.getRow(row);
      r.values = [group, s.code, s.label.ja, s.value, UNIT_JA[s.unit], s.formula?.ja ?? '', s.sourceRef ?? ''];
      const v = r.getCell(4);
      if (typeof s.value === 'number')
        v.numFmt = s.unit === 'yen' ? YEN_FORMAT : s.unit === 'ratio' ? '0.00%' : s.unit === 'count' ? '0' : DECIMAL_FORMAT;
      v.alignment = { horizontal: 'right' };
      r.font = { name: JAPANESE_FONT };
      row += 1;
    }
  };
  put('数値計画', plan.projection.steps);
  for (const y of plan.projection.years) put(`計画${y.planYear}年度`, y.steps);
  put('実態貸借対照表', plan.realBalanceSheet.steps);
  put('数値基準', plan.criteria.steps);
  for (const k of plan.criteria.criteria) put(`数値基準：${k.code}`, k.steps);
  for (const y of plan.diagnosis.years) {
    for (const i of y.indicators) put(`財務診断 ${y.fiscalYearEnd}`, i.steps);
    put(`債務償還年数 ${y.fiscalYearEnd}`, y.debtRepaymentYears.steps);
  }
  if (plan.proRata) {
    put('プロラタ按分', plan.proRata.steps);
    for (const a of plan.proRata.allocations) put(`プロラタ：${a.name ?? a.creditorId}`, a.steps);
  }
}

function widths(ws: Sheet, valueColumns: number): void {
  ws.getColumn(1).width = 34;
  for (let i = 0; i < valueColumns; i += 1) ws.getColumn(i + 2).width = 18;
}

/** Builds the workbook from a computed plan (the response of `POST /api/v1/calculations/plan`). */
export async function buildPlanWorkbook(doc: PlanDocument, plan: PlanResult): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  applyWorkbookStyle(wb);
  wb.title = `${doc.company.name} 数値計画`;
  addIncomeStatement(wb, plan);
  addBalanceSheet(wb, plan);
  addCashFlow(wb, plan);
  addRepayments(wb, plan);
  addCriteria(wb, plan);
  addProRata(wb, plan);
  addSteps(wb, plan);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
