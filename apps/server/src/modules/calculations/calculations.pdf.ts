import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { PlanDocument, PlanResult } from '@kasseika/contracts';

/**
 * A one-to-three page A4 summary of the plan that a banker can read: company, plan years, key P/L and B/S lines,
 * the numeric criteria year by year, and the pro-rata table. Text is set in BIZ UDPGothic, a universal-design
 * Japanese font, embedded from its npm package as a full TrueType font (pdfkit subsets the glyphs it uses).
 */

const require = createRequire(import.meta.url);
const FONT_REGULAR = readFileSync(require.resolve('@expo-google-fonts/biz-udpgothic/400Regular/BIZUDPGothic_400Regular.ttf'));
const FONT_BOLD = readFileSync(require.resolve('@expo-google-fonts/biz-udpgothic/700Bold/BIZUDPGothic_700Bold.ttf'));

const INK = '#1a1a1a';
const SUB = '#595959';
const KEY = '#0017c1';
const NEGATIVE = '#c4001d';
const LINE = '#b3b3b3';
const yenFormat = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 0 });

/** Integer yen with thousands separators and a minus sign (colour is added where drawn, never alone). */
export function formatYen(v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  return v < 0 ? `-${yenFormat.format(-v)}` : yenFormat.format(v);
}

interface Column {
  readonly header: string;
  readonly width: number;
  readonly align: 'left' | 'right' | 'center';
}

type Cell = string | { readonly text: string; readonly negative?: boolean; readonly strong?: boolean };

function table(doc: PDFKit.PDFDocument, columns: readonly Column[], rows: readonly Cell[][], fontSize = 8): void {
  const x0 = doc.page.margins.left;
  const lineHeight = fontSize + 3;
  const headerLines = Math.max(...columns.map((c) => c.header.split('\n').length));
  const drawRow = (cells: readonly Cell[], headerRow: boolean) => {
    const rowHeight = (headerRow ? headerLines : 1) * lineHeight + 5;
    if (doc.y + rowHeight > doc.page.height - doc.page.margins.bottom - 20) doc.addPage();
    const y = doc.y;
    const width = columns.reduce((t, c) => t + c.width, 0);
    if (headerRow) doc.rect(x0, y, width, rowHeight).fill('#e8f1fe');
    let x = x0;
    cells.forEach((cell, i) => {
      const col = columns[i];
      if (!col) return;
      const c = typeof cell === 'string' ? { text: cell } : cell;
      const lines = headerRow ? c.text.split('\n') : [c.text];
      lines.forEach((line, k) => {
        doc
          .font(headerRow || c.strong === true ? 'bold' : 'regular')
          .fontSize(fontSize)
          .fillColor(c.negative === true ? NEGATIVE : INK)
          .text(line, x + 3, y + 3 + k * lineHeight, {
            width: col.width - 6,
            height: lineHeight,
            align: col.align,
            lineBreak: false,
            ellipsis: true,
          });
      });
      x += col.width;
    });
    doc
      .moveTo(x0, y + rowHeight)
      .lineTo(x0 + width, y + rowHeight)
      .lineWidth(0.5)
      .strokeColor(LINE)
      .stroke();
    doc.x = x0;
    doc.y = y + rowHeight;
  };
  drawRow(
    columns.map((c) => c.header),
    true,
  );
  for (const r of rows) drawRow(r, false);
  doc.moveDown(0.6);
}

function heading(doc: PDFKit.PDFDocument, text: string): void {
  if (doc.y > doc.page.height - 140) doc.addPage();
  doc.x = doc.page.margins.left;
  doc.moveDown(0.4).font('bold').fontSize(12).fillColor(KEY).text(text);
  doc.moveDown(0.2);
}

function money(v: number | null | undefined, bold = false): Cell {
  return { text: formatYen(v), negative: typeof v === 'number' && v < 0, strong: bold };
}

const STATUS = { passed: '○ 充足', failed: '× 未充足', notApplicable: '― 対象外', notEvaluable: '△ 判定不能' } as const;

/** Builds the PDF summary from a computed plan (the same result `POST /api/v1/calculations/plan` returns). */
export async function buildPlanSummaryPdf(docInput: PlanDocument, plan: PlanResult): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: 40, bottom: 36, left: 40, right: 40 },
    info: {
      Title: `${docInput.company.name} 数値計画サマリー`,
      Author: 'Kasseika',
      Creator: 'Kasseika',
      CreationDate: new Date('2000-01-01T00:00:00Z'),
    },
    lang: 'ja-JP',
    displayTitle: true,
  });
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const years = plan.projection.years;
  const base = plan.projection.base;
  const contentWidth = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const labelWidth = 150;
  const valueWidth = Math.min(80, (contentWidth - labelWidth) / (years.length + 1));
  const yearColumns: Column[] = [
    { header: `基準（実績）\n${base.fiscalYearEnd.slice(0, 7)}期`, width: valueWidth, align: 'right' },
    ...years.map((y): Column => ({ header: `計画${y.planYear}年度\n${y.fiscalYearEndMonth}期`, width: valueWidth, align: 'right' })),
  ];

  doc.font('bold').fontSize(18).fillColor(INK).text(`数値計画サマリー\u3000${plan.company.name}`);
  doc.moveDown(0.3);
  doc
    .font('regular')
    .fontSize(9)
    .fillColor(SUB)
    .text(
      `基準年度 ${base.fiscalYearEnd}／計画期間 ${years.length}年（${years[0]?.fiscalYearEndMonth ?? ''}期〜${years.at(-1)?.fiscalYearEndMonth ?? ''}期）／計画成立日 ${docInput.criteria.agreementDate}／単位：円（マイナスは「-」と赤字）`,
    );
  doc.text(`整合性チェック：${plan.projection.allChecksPassed ? 'すべて一致（貸借一致・資金繰り一致）' : '不一致あり'}`);

  heading(doc, '主要な損益・財務数値');
  const all = [base, ...years.map((y) => y.statement)];
  const lineRows: [string, (s: PlanResult['projection']['base']) => number][] = [
    ['売上高', (s) => s.incomeStatement.netSales],
    ['売上総利益', (s) => s.incomeStatement.grossProfit],
    ['営業利益', (s) => s.incomeStatement.operatingProfit],
    ['経常利益', (s) => s.incomeStatement.ordinaryProfit],
    ['当期純利益', (s) => s.incomeStatement.netIncome],
    ['減価償却費', (s) => s.incomeStatement.depreciation + (s.incomeStatement.depreciationInCostOfSales ?? 0)],
    ['期末現預金', (s) => s.balanceSheet.cashAndDeposits],
    [
      '有利子負債（借入金・社債）',
      (s) =>
        s.balanceSheet.shortTermBorrowings +
        (s.balanceSheet.currentPortionOfLongTermBorrowings ?? 0) +
        s.balanceSheet.longTermBorrowings +
        s.balanceSheet.bonds,
    ],
    ['純資産（簿価）', (s) => s.balanceSheet.capitalStock + s.balanceSheet.retainedEarnings + s.balanceSheet.otherNetAssets],
  ];
  table(
    doc,
    [{ header: '項目', width: labelWidth, align: 'left' }, ...yearColumns],
    [
      ...lineRows.map(([label, f]): Cell[] => [label, ...all.map((s) => money(f(s)))]),
      ['営業キャッシュフロー', '', ...years.map((y) => money(y.cashFlow.operatingCashFlow))],
      [
        '債務償還年数（年）',
        '',
        ...years.map((y): Cell => (y.debtRepaymentYears.value === null ? '算出不能' : y.debtRepaymentYears.value.toFixed(1))),
      ],
    ],
  );

  heading(doc, `数値基準：${plan.criteria.ruleSetName.ja}${plan.criteria.verified ? '' : '（⚠ 出典未確認を含む）'}`);
  doc
    .font('bold')
    .fontSize(10)
    .fillColor(plan.criteria.overall === 'failed' ? NEGATIVE : INK)
    .text(
      `総合判定：${plan.criteria.overall === 'passed' ? '○ 基準を満たす' : plan.criteria.overall === 'failed' ? '× 基準を満たさない' : '△ 計画期間内では判定できない基準あり'}\u3000／\u3000基準年度の実態純資産 ${formatYen(plan.realBalanceSheet.realNetAssets)}円`,
    );
  doc.moveDown(0.3);
  const critWidth = 230;
  const perYear = Math.min(70, (contentWidth - critWidth - 60) / Math.max(1, years.length));
  table(
    doc,
    [
      { header: '基準', width: critWidth, align: 'left' },
      { header: '判定', width: 60, align: 'center' },
      ...years.map((y): Column => ({ header: `計画${y.planYear}年度\n${y.fiscalYearEndMonth}期`, width: perYear, align: 'right' })),
    ],
    plan.criteria.criteria.map((k): Cell[] => [
      `${k.mandatory ? '' : '（参考）'}${k.label.ja}`,
      { text: STATUS[k.status], strong: true, negative: k.status === 'failed' },
      ...years.map((y): Cell => {
        const v = k.values.find((x) => x.planYear === y.planYear);
        if (!v) return '';
        const mark = v.meets === true ? '○' : v.meets === false ? '×' : '';
        const value =
          v.value === null
            ? '算出不能'
            : k.kind === 'debtToCashFlowAtMost'
              ? `${v.value.toFixed(1)}倍`
              : k.kind === 'planHorizonWithin'
                ? `${v.value}年`
                : formatYen(v.value);
        return { text: `${mark} ${value}`, negative: v.meets === false };
      }),
    ]),
    7.5,
  );

  if (plan.proRata) {
    const p = plan.proRata;
    heading(doc, `プロラタ按分（月額 ${formatYen(p.amount)}円）：${p.steps[0]?.label.ja ?? ''}`);
    table(
      doc,
      [
        { header: '金融機関', width: 190, align: 'left' },
        { header: '借入残高', width: 100, align: 'right' },
        { header: '保全額', width: 100, align: 'right' },
        { header: '信用残高', width: 100, align: 'right' },
        { header: '按分比率', width: 70, align: 'right' },
        { header: '月額按分額', width: 100, align: 'right' },
      ],
      [
        ...p.allocations.map((a): Cell[] => [
          a.name ? `${a.name}（${a.creditorId}）` : a.creditorId,
          money(a.coverage.balance),
          money(a.coverage.totalSecured),
          money(a.coverage.unsecured),
          `${(a.share * 100).toFixed(2)}%`,
          money(a.amount, true),
        ]),
        [
          { text: '合計', strong: true },
          money(p.totalBalance, true),
          '',
          money(p.totalUnsecured, true),
          '100.00%',
          money(
            p.allocations.reduce((t, a) => t + a.amount, 0),
            true,
          ),
        ],
      ],
    );
  }

  doc.x = doc.page.margins.left;
  doc
    .moveDown(0.5)
    .font('regular')
    .fontSize(7.5)
    .fillColor(SUB)
    .text(
      '計算の途中経過（計算根拠）と金融機関別の返済計画は同じ内容の Excel ブックに収録しています。ロカベン閾値など「出典未確認」と表示したデータは参考値です。本書は Kasseika で作成しました。',
      { width: contentWidth },
    );
  doc.end();
  return done;
}
