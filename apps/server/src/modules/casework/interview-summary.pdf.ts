import { japaneseDate, startCouncilPdf } from './casework-pdf';

export interface InterviewSummaryInput {
  readonly councilName: string;
  readonly referenceNo: string;
  readonly companyName: string;
  /** JST calendar date of the interview. */
  readonly heldOn: string;
  readonly attendees: string;
  readonly notes: string;
  /** 問題点・課題 found at the desk so far, with the advice given. */
  readonly issues: readonly { readonly issue: string; readonly advice: string | null }[];
  /** JST calendar date the summary is printed. */
  readonly date: string;
  readonly preparedBy: string;
}

/**
 * 面談記録（要旨）: one desk-consultation interview of a case — when, who attended, what was heard — with the problems
 * and advice recorded so far, for the council's file or to hand to the company. A4 portrait, BIZ UDPGothic embedded,
 * Japanese. Marked 秘 (confidential): it holds what the company said in confidence.
 *
 * @see ../shared/domain/REFERENCE.md §1.1 (窓口相談)
 */
export async function buildInterviewSummaryPdf(input: InterviewSummaryInput): Promise<Buffer> {
  const { doc, width, done } = startCouncilPdf({
    title: `面談記録（${input.companyName}・${input.heldOn}）`,
    author: input.councilName,
    date: input.date,
  });
  doc.font('bold').fontSize(10).fillColor('#b00020').text('秘', { align: 'left' }).fillColor('#000000');
  doc
    .font('regular')
    .fontSize(10)
    .text(`${japaneseDate(input.date)}作成\u3000（案件番号 ${input.referenceNo}）`, { align: 'right' });
  doc.moveDown(1);
  doc.font('bold').fontSize(16).text('窓口相談\u3000面談記録（要旨）', { align: 'center' });
  doc.moveDown(1);
  const section = (title: string, body: string) => {
    doc.font('bold').fontSize(10.5).text(title);
    doc.font('regular').fontSize(10).text(body, { width, lineGap: 2, indent: 12 });
    doc.moveDown(0.6);
  };
  section('1. 事業者名', input.companyName);
  section('2. 面談日', japaneseDate(input.heldOn));
  section('3. 出席者', input.attendees);
  section('4. 聴取内容', input.notes);
  section(
    '5. 把握した問題点・課題と助言',
    input.issues.length === 0
      ? '（記録なし）'
      : input.issues.map((i, n) => `(${n + 1}) ${i.issue}${i.advice ? `\n\u3000\u3000助言: ${i.advice}` : ''}`).join('\n'),
  );
  doc.moveDown(1).font('regular').fontSize(9).fillColor('#595959');
  doc.text(`${input.councilName}\u3000作成者 ${input.preparedBy}`, { width, align: 'right' });
  doc.text('本書はご相談の秘密として取り扱い、協議会の外へは事業者の同意なく開示しません。', { width });
  doc.end();
  return done;
}
