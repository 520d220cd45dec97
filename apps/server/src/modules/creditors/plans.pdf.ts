import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { PlanVersionContent } from '@kasseika/contracts';

const require = createRequire(import.meta.url);
const FONT_REGULAR = readFileSync(require.resolve('@expo-google-fonts/biz-udpgothic/400Regular/BIZUDPGothic_400Regular.ttf'));
const FONT_BOLD = readFileSync(require.resolve('@expo-google-fonts/biz-udpgothic/700Bold/BIZUDPGothic_700Bold.ttf'));
const INK = '#1a1a1a';
const SUB = '#595959';

const yen = (n: number) => `${n.toLocaleString('ja-JP')}円`;

/**
 * The 同意書 of one target creditor for one plan version: names the version by number and by its full SHA-256, and
 * the creditor's own line of the plan (balance, unsecured amount, proposed monthly repayment), with blanks for the
 * date, the bank's name and seal. Deterministic metadata (no creation time) so the same input gives the same bytes.
 */
export async function buildConsentFormPdf(input: {
  councilName: string;
  content: PlanVersionContent;
  versionNo: number;
  sha256: string;
  bankCode: string;
}): Promise<Buffer> {
  const { content } = input;
  const line = content.creditors.find((c) => c.bankCode === input.bankCode);
  if (!line) throw new RangeError('the bank is checked to be a target creditor of the version');
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 60, right: 60 },
    info: {
      Title: `同意書（${content.caseReferenceNo} 第${input.versionNo}版 ${line.bankName}）`,
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

  doc.font('bold').fontSize(20).fillColor(INK).text('同 意 書', { align: 'center' });
  doc.moveDown(1.2);
  doc.font('regular').fontSize(11).text(`${input.councilName}\u3000御中`);
  doc.moveDown(1);
  doc
    .fontSize(11)
    .text(
      `当行（当機関）は、${content.companyName}（案件番号 ${content.caseReferenceNo}）の再生計画「${content.title}」第${input.versionNo}版の内容に同意します。`,
      { lineGap: 4 },
    );
  doc.moveDown(0.8);
  doc.font('bold').fontSize(10).text('同意の対象とする計画の版');
  doc.font('regular').fontSize(9).fillColor(SUB).text(`第${input.versionNo}版\u3000SHA-256（RFC 8785 正規化 JSON）:`);
  doc.font('regular').fontSize(9).fillColor(INK).text(input.sha256);
  doc.moveDown(0.8);
  doc.font('bold').fontSize(10).text('当行（当機関）に関する計画の内容');
  const rows: [string, string][] = [
    ['金融機関', `${line.bankName}（金融機関コード ${line.bankCode}）`],
    ['借入残高', yen(line.balance)],
    ['保全額（担保・保証協会）', yen(line.securedByCollateral + line.guaranteeCover)],
    ['非保全額', yen(line.unsecured)],
    ['提案する月額返済', yen(line.proposedMonthlyRepayment)],
    ['計画期間', `${content.planYears}年`],
  ];
  doc.font('regular').fontSize(10);
  for (const [k, v] of rows) {
    const y = doc.y;
    doc.fillColor(SUB).text(k, 60, y, { width: 170 });
    doc.fillColor(INK).text(v, 240, y, { width: 295 });
    doc.moveDown(0.3);
  }
  doc.x = 60;
  doc.moveDown(2);
  doc.font('regular').fontSize(11).fillColor(INK);
  for (const label of ['日付\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日', '金融機関名', '代表者（担当部署）', '印']) {
    doc.text(`${label}\u3000＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿`, { align: 'right' });
    doc.moveDown(0.8);
  }
  doc.end();
  return done;
}
