import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { PlanVersionContent, SUPPORT_MEASURES } from '@kasseika/contracts';

const require = createRequire(import.meta.url);
const FONT_REGULAR = readFileSync(require.resolve('@expo-google-fonts/biz-udpgothic/400Regular/BIZUDPGothic_400Regular.ttf'));
const FONT_BOLD = readFileSync(require.resolve('@expo-google-fonts/biz-udpgothic/700Bold/BIZUDPGothic_700Bold.ttf'));
const INK = '#1a1a1a';
const SUB = '#595959';
const LEFT = 50;

const yen = (n: number) => `${n.toLocaleString('ja-JP')}円`;

/** One row of the pro-rata table: a creditor's figures and its share of the basis (balance or unsecured). */
export interface ProRataRow {
  readonly bankCode: string;
  readonly bankName: string;
  readonly isTarget: boolean;
  readonly balance: number;
  readonly secured: number;
  readonly unsecured: number;
  /** Share of the pro-rata basis among target creditors in basis points (1/100 %), rounded half up; null for others. */
  readonly shareBasisPoints: number | null;
  readonly proposedMonthlyRepayment: number;
}

/**
 * The pro-rata table of a plan version, taken from the version itself (the repayments were allocated when the
 * version was submitted — REFERENCE §10.5); the share is shown in 0.01 % rounded half up (display only, the yen
 * amounts are the version's).
 */
export function proRataTable(content: PlanVersionContent): ProRataRow[] {
  const basisOf = (c: PlanVersionContent['creditors'][number]) => (content.proRata.method === 'balance' ? c.balance : c.unsecured);
  const total = content.creditors.filter((c) => c.isTarget).reduce((s, c) => s + basisOf(c), 0);
  return content.creditors.map((c) => ({
    bankCode: c.bankCode,
    bankName: c.bankName,
    isTarget: c.isTarget,
    balance: c.balance,
    secured: c.securedByCollateral + c.guaranteeCover,
    unsecured: c.unsecured,
    // Half-up rounding to a basis point (all operands are non-negative integers).
    shareBasisPoints: c.isTarget && total > 0 ? Math.floor((basisOf(c) * 10_000 * 2 + total) / (2 * total)) : c.isTarget ? 0 : null,
    proposedMonthlyRepayment: c.proposedMonthlyRepayment,
  }));
}

export interface MeetingMaterialsInput {
  readonly councilName: string;
  readonly content: PlanVersionContent;
  readonly versionNo: number;
  readonly sha256: string;
  readonly scheduledAtJst: string;
  readonly mode: 'in_person' | 'online';
  readonly place: string;
  readonly agenda: readonly string[];
}

const MEASURES: Record<(typeof SUPPORT_MEASURES)[number], string> = {
  reschedule: 'リスケジュール（返済条件の変更）',
  interest_only: '元金据置（利息のみの支払）',
  dds: 'DDS（資本性借入金への転換）',
  des: 'DES（債務の株式化）',
  forgiveness: '債権放棄',
};

/**
 * The バンクミーティング materials: the meeting (JST date-time, place, agenda), the plan version it discusses (number
 * and full SHA-256), the plan's terms and the pro-rata table. Deterministic metadata (no creation time).
 */
export async function buildMeetingMaterialsPdf(input: MeetingMaterialsInput): Promise<Buffer> {
  const { content } = input;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 50, bottom: 50, left: LEFT, right: LEFT },
    info: {
      Title: `バンクミーティング資料（${content.caseReferenceNo} 第${input.versionNo}版）`,
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

  const [date, time] = input.scheduledAtJst.split('T');
  doc.font('bold').fontSize(18).fillColor(INK).text('バンクミーティング資料', { align: 'center' });
  doc.moveDown(0.5);
  doc
    .font('regular')
    .fontSize(10)
    .fillColor(SUB)
    .text(`${input.councilName}\u3000／\u3000${content.companyName}（案件番号 ${content.caseReferenceNo}）`, {
      align: 'center',
    });
  doc.moveDown(1);
  const kv = (k: string, v: string) => {
    const y = doc.y;
    doc.font('regular').fontSize(10).fillColor(SUB).text(k, LEFT, y, { width: 120 });
    doc.fillColor(INK).text(v, LEFT + 130, y, { width: 365 });
    doc.moveDown(0.3);
  };
  doc.font('bold').fontSize(12).fillColor(INK).text('1. 開催概要');
  doc.moveDown(0.3);
  kv('日時（日本時間）', `${date?.replace(/-/g, '/')} ${time ?? ''}`);
  kv('形式', input.mode === 'online' ? 'オンライン' : '対面');
  kv(input.mode === 'online' ? '接続先' : '場所', input.place);
  doc.x = LEFT;
  doc.moveDown(0.5);
  doc.font('bold').fontSize(12).text('2. 議題');
  doc.moveDown(0.3);
  input.agenda.forEach((item, i) =>
    doc
      .font('regular')
      .fontSize(10)
      .text(`(${i + 1}) ${item}`, LEFT + 10),
  );
  doc.x = LEFT;
  doc.moveDown(0.8);
  doc.font('bold').fontSize(12).text('3. 対象とする計画の版');
  doc.moveDown(0.3);
  kv('計画', `「${content.title}」第${input.versionNo}版`);
  kv('SHA-256', input.sha256);
  kv('計画期間', `${content.planYears}年`);
  kv('金融支援策', content.supportMeasures.map((m) => MEASURES[m]).join('、'));
  kv('月額返済総額', yen(content.monthlyRepaymentTotal));
  doc.x = LEFT;
  doc.moveDown(0.3);
  doc.font('regular').fontSize(10).fillColor(INK).text(content.summary, { lineGap: 2 });
  doc.moveDown(0.8);

  doc.font('bold').fontSize(12).text('4. プロラタ表（返済額の按分）');
  doc.moveDown(0.2);
  doc
    .font('regular')
    .fontSize(8.5)
    .fillColor(SUB)
    .text(
      `按分基準: ${content.proRata.method === 'balance' ? '残高' : '非保全額（信用保証協会の保証は保全として扱う）'}／端数: ${content.proRata.roundingUnit}円単位、最大剰余法。シェアは小数第3位を四捨五入した表示値です。`,
    );
  doc.moveDown(0.4);
  const cols = [
    { h: '金融機関', w: 120, align: 'left' as const },
    { h: '残高', w: 80, align: 'right' as const },
    { h: '保全額', w: 70, align: 'right' as const },
    { h: '非保全額', w: 80, align: 'right' as const },
    { h: 'シェア', w: 50, align: 'right' as const },
    { h: '月額返済（案）', w: 95, align: 'right' as const },
  ];
  const row = (cells: string[], bold = false) => {
    const y = doc.y;
    let x = LEFT;
    doc
      .font(bold ? 'bold' : 'regular')
      .fontSize(9)
      .fillColor(INK);
    cols.forEach((col, i) => {
      doc.text(cells[i] ?? '', x, y, { width: col.w - 4, align: col.align });
      x += col.w;
    });
    doc.y = Math.max(doc.y, y + 13);
    doc
      .moveTo(LEFT, doc.y)
      .lineTo(LEFT + 495, doc.y)
      .lineWidth(0.3)
      .strokeColor('#bfbfbf')
      .stroke();
    doc.y += 3;
  };
  row(
    cols.map((c) => c.h),
    true,
  );
  const rows = proRataTable(content);
  for (const r of rows)
    row([
      `${r.bankName}${r.isTarget ? '' : '（対象外）'}`,
      yen(r.balance),
      yen(r.secured),
      yen(r.unsecured),
      r.shareBasisPoints === null ? '—' : `${(r.shareBasisPoints / 100).toFixed(2)}%`,
      yen(r.proposedMonthlyRepayment),
    ]);
  const sum = (f: (r: ProRataRow) => number) => rows.reduce((s, r) => s + f(r), 0);
  row(
    [
      '合計',
      yen(sum((r) => r.balance)),
      yen(sum((r) => r.secured)),
      yen(sum((r) => r.unsecured)),
      '',
      yen(sum((r) => r.proposedMonthlyRepayment)),
    ],
    true,
  );
  doc.end();
  return done;
}
