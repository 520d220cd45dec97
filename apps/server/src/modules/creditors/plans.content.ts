import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { PlanVersionContent, SubmitPlanVersionBody } from '@kasseika/contracts';
import { yen } from '@kasseika/domain';
import { allocateProRata, computeSecurityCoverage } from '@kasseika/finance';
import type { Tx } from '../../db/client';
import { conflict } from '../../errors/app-error';
import type { CaseRow } from '../cases/cases.service';
import { listCreditors, listLoans } from './creditors.repository';
import { engineInputs } from './creditors.service';

/** SHA-256 (hex) of the RFC 8785 (JCS) canonical JSON of a version's content — the version's identity. */
export function planVersionSha256(content: PlanVersionContent): string {
  const canonical = canonicalize(content);
  if (canonical === undefined) throw new RangeError('plan content is not serialisable');
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** Builds a version's content from the plan terms and the current creditor table (pro-rata of the targets). */
export async function buildPlanContent(tx: Tx, row: CaseRow, body: SubmitPlanVersionBody): Promise<PlanVersionContent> {
  const creditors = await listCreditors(tx, row.id);
  const loans = await listLoans(tx, row.id);
  const targets = creditors.filter((c) => c.isTarget);
  if (targets.length === 0)
    throw conflict({
      ja: '対象債権者が登録されていません。先に債権者一覧を整えてください',
      en: 'There are no target creditors yet. Complete the creditor table first',
    });
  const all = engineInputs(creditors, loans);
  const coverage = new Map(
    computeSecurityCoverage(all.engineCreditors, all.collaterals, 'secured').creditors.map((c) => [c.creditorId, c]),
  );
  const t = engineInputs(targets, loans);
  const allocation = allocateProRata({
    amount: yen(body.monthlyRepaymentTotal),
    creditors: t.engineCreditors,
    collaterals: t.collaterals,
    method: { kind: body.proRataMethod },
    guaranteeCoverTreatment: 'secured',
    rounding: { unit: body.roundingUnit, residual: 'largestRemainder' },
  });
  if (!allocation.computable)
    throw conflict({
      ja: '按分の基準額が0円のため、返済額を按分できません（残高・非保全額を確認してください）',
      en: 'The pro-rata base is zero, so the repayment cannot be allocated (check balances and unsecured amounts)',
    });
  const proposed = new Map(allocation.allocations.map((a) => [a.creditorId, a.amount as number]));
  return {
    format: 'kasseika.plan-version/1',
    caseReferenceNo: row.referenceNo,
    companyName: row.companyName,
    title: body.title,
    summary: body.summary,
    supportMeasures: [...body.supportMeasures],
    planYears: body.planYears,
    monthlyRepaymentTotal: body.monthlyRepaymentTotal,
    proRata: {
      method: body.proRataMethod,
      guaranteeCoverTreatment: 'secured',
      roundingUnit: body.roundingUnit,
      residual: 'largestRemainder',
    },
    creditors: creditors.map((c) => {
      const cov = coverage.get(c.id);
      const own = loans.filter((l) => l.creditorId === c.id);
      return {
        bankCode: c.bankCode,
        bankName: c.bankName,
        isMainBank: c.isMainBank,
        isTarget: c.isTarget,
        balance: own.reduce((s, l) => s + l.balance, 0),
        securedByCollateral: cov?.securedByCollateral ?? 0,
        guaranteeCover: cov?.guaranteeCover ?? 0,
        unsecured: cov?.unsecured ?? 0,
        // Creditors outside the plan keep their contractual repayment.
        proposedMonthlyRepayment: c.isTarget ? (proposed.get(c.id) ?? 0) : own.reduce((s, l) => s + l.monthlyRepayment, 0),
      };
    }),
  };
}
