import { japaneseDate, startCouncilPdf } from './casework-pdf';

export interface ReferralLetterInput {
  readonly councilName: string;
  readonly referenceNo: string;
  readonly companyName: string;
  readonly bodyName: string;
  readonly reasons: string;
  /** 問題点・課題 found at the desk, with the advice given. */
  readonly issues: readonly { readonly issue: string; readonly advice: string | null }[];
  /** JST calendar date of the letter. */
  readonly date: string;
  readonly signerName: string;
}

/**
 * 紹介状: the letter a council hands the company for the body it is referred to (よろず支援拠点, 事業承継・引継ぎ支援
 * センター, …). A4 portrait, BIZ UDPGothic embedded, Japanese only (the recipient is a Japanese public body).
 *
 * @see ../shared/domain/REFERENCE.md §1.1
 */
export async function buildReferralLetterPdf(input: ReferralLetterInput): Promise<Buffer> {
  const { doc, width, done } = startCouncilPdf({ title: `紹介状（${input.companyName}）`, author: input.councilName, date: input.date });

  doc
    .font('regular')
    .fontSize(10)
    .text(`${japaneseDate(input.date)}\u3000（案件番号 ${input.referenceNo}）`, { align: 'right' });
  doc.moveDown(1.5);
  doc.font('bold').fontSize(12).text(`${input.bodyName}\u3000御中`);
  doc.moveDown(0.5);
  doc.font('regular').fontSize(10).text(input.councilName, { align: 'right' }).text(`担当\u3000${input.signerName}`, { align: 'right' });
  doc.moveDown(1.5);
  doc.font('bold').fontSize(16).text('ご紹介状', { align: 'center' });
  doc.moveDown(1);
  doc
    .font('regular')
    .fontSize(10.5)
    .text(
      `拝啓\u3000時下ますますご清栄のこととお慶び申し上げます。\n当協議会の窓口相談にお越しになった下記の事業者について、貴機関でのご支援がより適切と判断しましたので、ご紹介申し上げます。ご多用中恐縮ですが、ご対応のほどよろしくお願い申し上げます。`,
      { width, lineGap: 3 },
    );
  doc.moveDown(0.5).text('敬具', { align: 'right' });
  doc.moveDown(1).font('bold').text('記', { align: 'center' });
  doc.moveDown(0.5);
  const section = (title: string, body: string) => {
    doc.font('bold').fontSize(10.5).text(title);
    doc.font('regular').fontSize(10).text(body, { width, lineGap: 2, indent: 12 });
    doc.moveDown(0.6);
  };
  section('1. 事業者名', input.companyName);
  section('2. ご紹介の理由', input.reasons);
  if (input.issues.length > 0)
    section(
      '3. 窓口相談で把握した課題と助言',
      input.issues.map((i, n) => `(${n + 1}) ${i.issue}${i.advice ? `\n\u3000\u3000助言: ${i.advice}` : ''}`).join('\n'),
    );
  doc.moveDown(1).font('regular').fontSize(9).fillColor('#595959');
  doc.text('本状の内容は、事業者の同意を得てご紹介先にのみお渡しするものです。', { width });
  doc.text('以上', { align: 'right' });
  doc.end();
  return done;
}
