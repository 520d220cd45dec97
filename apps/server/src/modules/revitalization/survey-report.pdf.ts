import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { Revitalization } from '@kasseika/contracts';

const require = createRequire(import.meta.url);
const FONT_REGULAR = readFileSync(require.resolve('@expo-google-fonts/biz-udpgothic/400Regular/BIZUDPGothic_400Regular.ttf'));
const FONT_BOLD = readFileSync(require.resolve('@expo-google-fonts/biz-udpgothic/700Bold/BIZUDPGothic_700Bold.ttf'));

const TEAM_TYPE = { conventional: '従来型', verification: '検証型', simplified: '簡易型' } as const;
const SUPPORT_KIND = { pre_revitalization: 'プレ再生支援', revitalization: '再生支援' } as const;
const POSITION = { pm: '統括責任者（PM）', sm: '統括責任者補佐（SM）', staff: '職員' } as const;
const END_KIND = { dismissed: '解任', term_ended: '任期終了' } as const;
const QUALIFICATION = {
  cpa: '公認会計士',
  tax_accountant: '税理士',
  sme_consultant: '中小企業診断士',
  lawyer: '弁護士',
  other: '専門家',
} as const;
const MEASURE = {
  rescheduling: 'リスケジュール',
  dds: 'DDS',
  des: 'DES',
  forgiveness: '債権放棄',
  second_company: '第二会社方式',
} as const;
const STATUS = { met: '満たしている', not_met: '満たしていない', not_applicable: '該当しない' } as const;

export interface SurveyReportInput {
  readonly councilName: string;
  readonly referenceNo: string;
  readonly companyName: string;
  /** JST calendar date of the report. */
  readonly date: string;
  readonly record: Revitalization;
}

const yen = (n: number) => `${new Intl.NumberFormat('ja-JP').format(n)}円`;
function japaneseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * 調査報告書（案） (REFERENCE §3.3 step 6, §3.4): the review of the draft plan drawn from the case's stored records —
 * the team and its declarations, the 実態貸借対照表, the business plan and the financial-support design with the
 * forgiveness requirements and the 清算価値保障 comparison. A4 portrait, BIZ UDPGothic embedded, Japanese.
 */
export async function buildSurveyReportPdf(input: SurveyReportInput): Promise<Buffer> {
  const r = input.record;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 64, right: 64 },
    info: {
      Title: `調査報告書（案）（${input.companyName}）`,
      Author: input.councilName,
      Creator: 'Kasseika',
      CreationDate: new Date(`${input.date}T00:00:00+09:00`),
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
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const heading = (text: string) => doc.moveDown(0.8).font('bold').fontSize(12).text(text, { width }).moveDown(0.3);
  const para = (text: string) => doc.font('regular').fontSize(10).text(text, { width, lineGap: 2 });

  doc
    .font('regular')
    .fontSize(10)
    .text(`${japaneseDate(input.date)}\u3000（案件番号 ${input.referenceNo}）`, { align: 'right' });
  doc.text(input.councilName, { align: 'right' });
  doc.moveDown(1);
  doc.font('bold').fontSize(16).text('調査報告書（案）', { align: 'center' });
  doc.moveDown(0.5).font('regular').fontSize(11).text(`対象事業者：${input.companyName}`, { align: 'center' });

  heading('1. 個別支援チーム');
  if (r.profile)
    para(
      `${TEAM_TYPE[r.profile.teamType]}・${SUPPORT_KIND[r.profile.supportKind]}${r.profile.forgivenessExpected ? '（債権放棄等を想定）' : ''}`,
    );
  for (const m of r.team) {
    const role =
      m.kind === 'staff' ? POSITION[m.position ?? 'staff'] : `${QUALIFICATION[m.qualification ?? 'other']}（${m.organization ?? ''}）`;
    const coi =
      m.conflict === null ? '利益相反の申告なし' : m.conflict.hasConflict ? `利益相反あり：${m.conflict.details ?? ''}` : '利益相反なし';
    const end = m.ended
      ? `\u3000（${m.ended.endKind ? END_KIND[m.ended.endKind] : '選任終了'}${m.ended.endedOn ? `：${japaneseDate(m.ended.endedOn)}` : ''}）`
      : '';
    para(`・${m.name}\u3000${role}\u3000${coi}${end}`);
  }

  heading('2. 実態貸借対照表');
  const bs = r.realBalanceSheet;
  if (bs) {
    para(`基準日 ${japaneseDate(bs.asOf)}（第${bs.version}版）`);
    para(`簿価純資産 ${yen(bs.result.bookNetAssets)} → 実態純資産 ${yen(bs.result.realNetAssets)}`);
    para(bs.result.isRealNegativeEquity ? `実質債務超過：${yen(bs.result.realNegativeEquityAmount)}` : '実質債務超過ではありません');
    for (const a of bs.input.adjustments) {
      const line = bs.result.lines.find((l) => l.key === a.targetLine)?.label.ja ?? a.targetLine;
      para(`・${line}\u3000${yen(a.amount)}\u3000${a.reason}`);
    }
  } else para('未作成');

  heading('3. 事業計画');
  const plan = r.businessPlan;
  if (plan) {
    para(`計画期間 ${plan.planYears}年（${japaneseDate(plan.startsOn)} から、第${plan.version}版）`);
    doc.font('bold').fontSize(10).text('窮境原因');
    para(plan.causesOfDistress);
    doc.font('bold').fontSize(10).text('改善施策');
    para(plan.measures);
    plan.years.forEach((y, i) => para(`・${i + 1}年目\u3000売上高 ${yen(y.sales)}\u3000経常利益 ${yen(y.ordinaryProfit)}`));
    para(plan.firstProfitableYear === null ? '計画期間中に経常黒字化しません' : `経常黒字化：${plan.firstProfitableYear}年目`);
  } else para('未作成');

  heading('4. 金融支援策');
  const design = r.supportDesign;
  if (design) {
    para(design.input.measures.map((m) => MEASURE[m]).join('、'));
    if (design.input.forgivenessAmount) para(`債権放棄額 ${yen(design.input.forgivenessAmount)}`);
    if (design.seeksForgiveness) {
      doc.font('bold').fontSize(10).text(`債権放棄等を求める場合の要件（設定 ${r.forgivenessRequirements.version} 版）`);
      for (const item of r.forgivenessRequirements.items) {
        const a = design.input.requirements.find((x) => x.key === item.key);
        para(`・${item.label.ja}\u3000${a ? STATUS[a.status] : '未回答'}${a?.note ? `\u3000${a.note}` : ''}`);
      }
      const c = design.liquidationComparison;
      if (c)
        para(
          `清算価値保障：計画による回収率 ${(c.planRecoveryBp / 100).toFixed(2)}% ／ 清算配当率 ${(c.liquidationDividendBp / 100).toFixed(2)}%（${c.met ? '満たしている' : '満たしていない'}）`,
        );
    }
  } else para('未作成');

  doc.moveDown(1).font('regular').fontSize(9).fillColor('#595959');
  doc.text('本書は協議会の記録から作成した案であり、外部専門家の調査結果を踏まえて確定します。', { width });
  doc.text('以上', { align: 'right' });
  doc.end();
  return done;
}
