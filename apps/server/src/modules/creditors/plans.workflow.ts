import { consentOutcome, type CaseFacts } from '@kasseika/domain';
import type { Tx } from '../../db/client';
import type { CaseFactsLoader, CaseRow, CaseTransitionHook } from '../cases/cases.service';
import { insertBaseline, listVersions, liveResponses } from './plans.repository';

/** Workflow facts (ADR 0011): `planVersionSubmitted`, `allCreditorsConsented` (every target, the current hash). */
export const planFactsLoader: CaseFactsLoader = async (tx: Tx, row: CaseRow): Promise<CaseFacts> => {
  const current = (await listVersions(tx, row.id)).at(-1) ?? null;
  if (!current) return {};
  const outcome = consentOutcome(
    current.targetBankCodes,
    (await liveResponses(tx, row.id)).map((r) => ({
      bankCode: r.bankCode,
      versionSha256: r.versionSha256,
      kind: r.kind,
      stance: r.stance,
      conditions: r.conditions,
      at: r.respondedAt,
    })),
    current.sha256,
  );
  return { planVersionSubmitted: true, allCreditorsConsented: outcome.allConsented };
};

/** When the plan takes effect (成立), the agreed version is frozen as the monitoring baseline. */
export const freezeAgreedPlan: CaseTransitionHook = async (tx, moved) => {
  if (moved.event !== 'rv_plan_effective') return;
  const current = (await listVersions(tx, moved.row.id)).at(-1);
  if (!current) throw new RangeError('the allCreditorsConsented guard implies a version');
  await insertBaseline(tx, {
    councilId: moved.row.councilId,
    caseId: moved.row.id,
    versionId: current.id,
    sha256: current.sha256,
    agreedAt: moved.at,
    recordedBy: moved.actorUserId,
  });
};
