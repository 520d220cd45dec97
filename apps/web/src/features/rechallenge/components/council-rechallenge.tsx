import { type CaseGuarantors, type DocumentList, type Rechallenge } from '@kasseika/contracts';
import { type Lang } from '../../../lib/form-errors';
import { Advice } from './advice-section';
import { Referral } from './referral-section';
import { Proceedings } from './proceedings-section';
import { Consultations } from './consultations-section';

/** The council's 再チャレンジ支援 record: advice, lawyer referral, routes and workouts, consultations. */
export function CouncilRechallenge({
  caseId,
  data,
  documents,
  guarantors,
  lang,
}: {
  caseId: string;
  data: Rechallenge;
  documents: DocumentList | undefined;
  guarantors: CaseGuarantors | undefined;
  lang: Lang;
}) {
  return (
    <div className="grid gap-6">
      <Advice caseId={caseId} data={data} lang={lang} />
      <Referral caseId={caseId} data={data} documents={documents} lang={lang} />
      <Proceedings caseId={caseId} data={data} guarantors={guarantors} lang={lang} />
      <Consultations caseId={caseId} data={data} lang={lang} />
    </div>
  );
}
