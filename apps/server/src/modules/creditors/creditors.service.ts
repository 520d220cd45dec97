import type {
  AddCreditorBody,
  ConfidentialityLiftList,
  CreateLiftBody,
  CreditorTable,
  FinancialInstitutionList,
  LoanBody,
  UpdateCreditorBody,
} from '@kasseika/contracts';
import type { CaseFacts } from '@kasseika/domain';
import { yen } from '@kasseika/domain';
import { computeSecurityCoverage, type Collateral, type ProRataCreditor } from '@kasseika/finance';
import type { AuditEventType } from '../../audit/audit-event-types';
import type { AuditRecorder } from '../../audit/record-audit-event';
import { actorLabel, rolesOf, tenantContextOf, type Actor } from '../../authz/actor';
import { abilitiesFor, authorize, ForbiddenError } from '../../authz/authorize';
import type { Db, Tx } from '../../db/client';
import { pgErrorOf, PG } from '../../db/pg-error';
import { withTenantTx } from '../../db/tenant-tx';
import { AppError, conflict, notFound } from '../../errors/app-error';
import { loadCaseForActor, type CaseFactsLoader, type CaseRow } from '../cases/cases.service';
import type { UploadedFile } from '../../http/upload';
import type { FinancialInstitutionDirectory } from './financial-institutions';
import { buildCreditorTemplate, parseCreditorImport } from './creditors.import';
import {
  clearMainBank,
  deleteCreditor,
  deleteLoan,
  findCreditor,
  findCreditorByBank,
  findLift,
  findLoan,
  insertCreditor,
  insertLift,
  insertLoan,
  liftedBankCodes,
  listCreditors,
  listLifts,
  listLoans,
  revokeLift,
  updateCreditor,
  updateLoan,
  type CreditorRow,
  type LoanRow,
} from './creditors.repository';

export interface CreditorsServiceDeps {
  readonly db: Db;
  readonly audit: AuditRecorder;
  readonly institutions: FinancialInstitutionDirectory;
  readonly now: () => Date;
}

const CREDITOR = { ja: '指定された債権者', en: 'The creditor' };
const LOAN = { ja: '指定された借入', en: 'The loan' };
const LIFT = { ja: '指定された同意', en: 'The consent' };

/** The finance engine's view of creditors and their security (each loan's collateral: rank 1, capped at the loan). */
export function engineInputs(
  creditors: readonly CreditorRow[],
  loans: readonly LoanRow[],
): { engineCreditors: ProRataCreditor[]; collaterals: Collateral[] } {
  const loansOf = (id: string) => loans.filter((l) => l.creditorId === id);
  const ids = new Set(creditors.map((c) => c.id));
  const engineCreditors: ProRataCreditor[] = creditors.map((c) => ({
    id: c.id,
    name: c.bankName,
    balance: yen(loansOf(c.id).reduce((s, l) => s + l.balance, 0)),
    isMainBank: c.isMainBank,
    guaranteedLoans: loansOf(c.id)
      .filter((l) => l.guaranteeCoverPercent > 0)
      .map((l) => ({ balance: yen(l.balance), coverPercent: l.guaranteeCoverPercent })),
  }));
  const collaterals: Collateral[] = loans
    .filter((l) => l.collateralAppraisal > 0 && ids.has(l.creditorId))
    .map((l) => ({
      id: l.id,
      description: l.collateral ?? undefined,
      appraisalValue: yen(l.collateralAppraisal),
      haircut: l.collateralHaircutPercent / 100,
      liens: [{ creditorId: l.creditorId, rank: 1, securedAmountCap: yen(l.balance) }],
    }));
  return { engineCreditors, collaterals };
}

/**
 * The creditor table of a case (REFERENCE §7, §9): per creditor the sum of its loans, what collateral (appraisal ×
 * 掛目, rank 1 on its own loans) and guarantee-corporation cover secure, and the unsecured rest (信用残高) — computed
 * by the finance engine with guarantee cover counted as 保全.
 */
export function buildCreditorTable(
  creditors: readonly CreditorRow[],
  loans: readonly LoanRow[],
  lifted: ReadonlyMap<string, readonly string[]>,
  edit: boolean,
): CreditorTable {
  const loansOf = (id: string) => loans.filter((l) => l.creditorId === id);
  const { engineCreditors, collaterals } = engineInputs(creditors, loans);
  const coverage = new Map(computeSecurityCoverage(engineCreditors, collaterals, 'secured').creditors.map((c) => [c.creditorId, c]));
  const items = creditors.map((c) => {
    const own = loansOf(c.id);
    const cov = coverage.get(c.id);
    return {
      id: c.id,
      bankCode: c.bankCode,
      bankName: c.bankName,
      isMainBank: c.isMainBank,
      isTarget: c.isTarget,
      startAgreedOn: c.startAgreedOn,
      loans: own.map((l) => ({
        id: l.id,
        creditorId: l.creditorId,
        label: l.label,
        balance: l.balance,
        annualRatePercent: Number(l.annualRatePercent),
        monthlyRepayment: l.monthlyRepayment,
        collateral: l.collateral,
        collateralAppraisal: l.collateralAppraisal,
        collateralHaircutPercent: l.collateralHaircutPercent,
        guaranteeCoverPercent: l.guaranteeCoverPercent,
      })),
      balance: own.reduce((s, l) => s + l.balance, 0),
      monthlyRepayment: own.reduce((s, l) => s + l.monthlyRepayment, 0),
      securedByCollateral: cov?.securedByCollateral ?? 0,
      guaranteeCover: cov?.guaranteeCover ?? 0,
      unsecured: cov?.unsecured ?? 0,
      confidentialityLifted: lifted.has(c.bankCode),
    };
  });
  return {
    items,
    totals: {
      balance: items.reduce((s, i) => s + i.balance, 0),
      monthlyRepayment: items.reduce((s, i) => s + i.monthlyRepayment, 0),
      unsecured: items.reduce((s, i) => s + i.unsecured, 0),
    },
    abilities: { edit },
  };
}

/**
 * Workflow facts owned by this module (ADR 0011): `confidentialityLifted` — a consent in force for at least one
 * bank; `mainBankAgreedToStart` — the main bank's agreement to start is recorded and its consent is in force.
 */
export const creditorFactsLoader: CaseFactsLoader = async (tx: Tx, row: CaseRow): Promise<CaseFacts> => {
  const lifted = await liftedBankCodes(tx, row.id);
  const creditors = await listCreditors(tx, row.id);
  const main = creditors.find((c) => c.isMainBank);
  return {
    confidentialityLifted: lifted.size > 0,
    mainBankAgreedToStart: main !== undefined && main.startAgreedOn !== null && lifted.has(main.bankCode),
  };
};

function unknownBank(pointer: string): AppError {
  return new AppError('VALIDATION_FAILED', {
    issues: [
      {
        pointer,
        code: 'bankCode.unknown',
        message: {
          ja: '金融機関コードが見つかりません。金融機関一覧から選んでください',
          en: 'Unknown bank code. Choose the bank from the list',
        },
      },
    ],
  });
}

const closedCase = () =>
  conflict({ ja: '終了した案件の債権者情報は変更できません', en: 'The creditors of a closed case cannot be changed' });

/**
 * Creditors and their loans (借入金一覧), edited by the council's case workers and read by target creditors with a
 * consent in force; the company's confidentiality lifts (守秘義務の解除), recorded and revoked by the company.
 */
export function createCreditorsService({ db, audit, institutions, now }: CreditorsServiceDeps) {
  function record(tx: Tx, actor: Actor, type: AuditEventType, row: CaseRow, targetId: string, details: Record<string, unknown> = {}) {
    return audit.record(tx, {
      type,
      actorUserId: actor.kind === 'user' ? actor.userId : null,
      actorLabel: actorLabel(actor),
      actorRoles: rolesOf(actor),
      councilId: row.councilId,
      caseId: row.id,
      targetType: 'case_creditors',
      targetId,
      ip: actor.ip,
      requestId: actor.requestId,
      details,
    });
  }

  async function table(tx: Tx, caseId: string, edit: boolean): Promise<CreditorTable> {
    return buildCreditorTable(await listCreditors(tx, caseId), await listLoans(tx, caseId), await liftedBankCodes(tx, caseId), edit);
  }

  /** Loads the case for a change by a case worker: 404 when invisible, 403 when not allowed, 409 when closed. */
  async function forChange(tx: Tx, actor: Actor, caseId: string) {
    const loaded = await loadCaseForActor(tx, actor, caseId, now());
    authorize(actor, 'case.creditors.manage', loaded.resource);
    if (loaded.row.stage === 'closed') throw closedCase();
    return loaded.row;
  }

  function loanValues(body: LoanBody) {
    return {
      label: body.label,
      balance: body.balance,
      annualRatePercent: body.annualRatePercent.toFixed(3),
      monthlyRepayment: body.monthlyRepayment,
      collateral: body.collateral,
      collateralAppraisal: body.collateralAppraisal,
      collateralHaircutPercent: body.collateralHaircutPercent,
      guaranteeCoverPercent: body.guaranteeCoverPercent,
    };
  }

  return {
    institutions(q: string | undefined): FinancialInstitutionList {
      return institutions.search(q, 50);
    },

    async table(actor: Actor, caseId: string): Promise<CreditorTable> {
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const { row, resource } = await loadCaseForActor(tx, actor, caseId, now());
        authorize(actor, 'case.creditors.read', resource);
        await record(tx, actor, 'CREDITORS_VIEWED', row, row.id);
        const edit = abilitiesFor(actor, ['case.creditors.manage'], resource)['case.creditors.manage'] && row.stage !== 'closed';
        return table(tx, row.id, edit);
      });
    },

    async addCreditor(actor: Actor, caseId: string, body: AddCreditorBody): Promise<CreditorTable> {
      const bank = institutions.byCode(body.bankCode);
      if (!bank) throw unknownBank('/body/bankCode');
      try {
        return await withTenantTx(db, tenantContextOf(actor), async (tx) => {
          const row = await forChange(tx, actor, caseId);
          if (body.isMainBank) await clearMainBank(tx, row.id, now());
          const created = await insertCreditor(tx, {
            councilId: row.councilId,
            caseId: row.id,
            bankCode: bank.code,
            bankName: bank.name,
            isMainBank: body.isMainBank,
            isTarget: body.isTarget,
          });
          await record(tx, actor, 'CREDITOR_ADDED', row, created.id, { bankCode: bank.code });
          return table(tx, row.id, true);
        });
      } catch (e) {
        if (pgErrorOf(e)?.code === PG.uniqueViolation)
          throw conflict({ ja: 'この金融機関はすでに債権者として登録されています', en: 'This bank is already a creditor of the case' });
        throw e;
      }
    },

    async updateCreditor(actor: Actor, caseId: string, creditorId: string, body: UpdateCreditorBody): Promise<CreditorTable> {
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const row = await forChange(tx, actor, caseId);
        const creditor = await findCreditor(tx, row.id, creditorId);
        if (!creditor) throw notFound(CREDITOR);
        if (body.isMainBank === true && !creditor.isMainBank) await clearMainBank(tx, row.id, now());
        await updateCreditor(
          tx,
          creditor.id,
          {
            ...(body.isMainBank !== undefined ? { isMainBank: body.isMainBank } : {}),
            ...(body.isTarget !== undefined ? { isTarget: body.isTarget } : {}),
            ...(body.startAgreedOn !== undefined ? { startAgreedOn: body.startAgreedOn } : {}),
          },
          now(),
        );
        await record(tx, actor, 'CREDITOR_UPDATED', row, creditor.id, { ...body });
        return table(tx, row.id, true);
      });
    },

    async removeCreditor(actor: Actor, caseId: string, creditorId: string): Promise<CreditorTable> {
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const row = await forChange(tx, actor, caseId);
        const creditor = await findCreditor(tx, row.id, creditorId);
        if (!creditor) throw notFound(CREDITOR);
        await deleteCreditor(tx, creditor.id);
        await record(tx, actor, 'CREDITOR_REMOVED', row, creditor.id, { bankCode: creditor.bankCode });
        return table(tx, row.id, true);
      });
    },

    async addLoan(actor: Actor, caseId: string, creditorId: string, body: LoanBody): Promise<CreditorTable> {
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const row = await forChange(tx, actor, caseId);
        const creditor = await findCreditor(tx, row.id, creditorId);
        if (!creditor) throw notFound(CREDITOR);
        const loan = await insertLoan(tx, { councilId: row.councilId, caseId: row.id, creditorId: creditor.id, ...loanValues(body) });
        await record(tx, actor, 'LOAN_SAVED', row, loan.id, { creditorId: creditor.id });
        return table(tx, row.id, true);
      });
    },

    async updateLoan(actor: Actor, caseId: string, loanId: string, body: LoanBody): Promise<CreditorTable> {
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const row = await forChange(tx, actor, caseId);
        const loan = await findLoan(tx, row.id, loanId);
        if (!loan) throw notFound(LOAN);
        await updateLoan(tx, loan.id, loanValues(body));
        await record(tx, actor, 'LOAN_SAVED', row, loan.id, { creditorId: loan.creditorId });
        return table(tx, row.id, true);
      });
    },

    async removeLoan(actor: Actor, caseId: string, loanId: string): Promise<CreditorTable> {
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const row = await forChange(tx, actor, caseId);
        const loan = await findLoan(tx, row.id, loanId);
        if (!loan) throw notFound(LOAN);
        await deleteLoan(tx, loan.id);
        await record(tx, actor, 'LOAN_REMOVED', row, loan.id, { creditorId: loan.creditorId });
        return table(tx, row.id, true);
      });
    },

    async template(): Promise<{ body: Buffer; filename: string }> {
      return { body: await buildCreditorTemplate(), filename: '借入金一覧テンプレート.xlsx' };
    },

    /**
     * Imports the 借入金一覧 template or CSV: creditors by bank code (existing ones reused) and their loans, all or
     * nothing (every problem cell listed at once).
     */
    async importFile(
      actor: Actor,
      caseId: string,
      file: UploadedFile,
    ): Promise<{ creditorsAdded: number; loansAdded: number; table: CreditorTable }> {
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const row = await forChange(tx, actor, caseId);
        const rows = await parseCreditorImport(file, institutions);
        let creditorsAdded = 0;
        for (const r of rows) {
          let creditor = await findCreditorByBank(tx, row.id, r.bankCode);
          if (!creditor) {
            const bank = institutions.byCode(r.bankCode);
            if (!bank) throw new RangeError('bank codes are checked by the parser');
            creditor = await insertCreditor(tx, { councilId: row.councilId, caseId: row.id, bankCode: bank.code, bankName: bank.name });
            creditorsAdded++;
          }
          await insertLoan(tx, { councilId: row.councilId, caseId: row.id, creditorId: creditor.id, ...loanValues(r) });
        }
        await record(tx, actor, 'CREDITORS_IMPORTED', row, row.id, { creditorsAdded, loansAdded: rows.length });
        return { creditorsAdded, loansAdded: rows.length, table: await table(tx, row.id, true) };
      });
    },

    // ── confidentiality lifts ──

    async lifts(actor: Actor, caseId: string): Promise<ConfidentialityLiftList> {
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const { row, resource } = await loadCaseForActor(tx, actor, caseId, now());
        authorize(actor, 'case.confidentiality.read', resource);
        const items = await listLifts(tx, row.id);
        const manage = abilitiesFor(actor, ['case.confidentiality.manage'], resource)['case.confidentiality.manage'];
        return {
          items: items.map((l) => ({
            id: l.id,
            bankCode: l.bankCode,
            bankName: l.bankName,
            documentSets: l.documentSets.filter((s): s is 'plan' | 'creditor_documents' => s === 'plan' || s === 'creditor_documents'),
            consentedByName: l.consentedByName,
            consentedAt: l.consentedAt.toISOString(),
            revokedAt: l.revokedAt?.toISOString() ?? null,
            inForce: l.revokedAt === null,
          })),
          abilities: { manage: manage && row.stage !== 'closed' },
        };
      });
    },

    /** The company consents to share the case with one bank (one consent in force per bank: 409 otherwise). */
    async lift(actor: Actor, caseId: string, body: CreateLiftBody): Promise<ConfidentialityLiftList> {
      if (actor.kind !== 'user') throw new ForbiddenError('case.confidentiality.manage', null, null);
      const bank = institutions.byCode(body.bankCode);
      if (!bank) throw unknownBank('/body/bankCode');
      try {
        await withTenantTx(db, tenantContextOf(actor), async (tx) => {
          const { row, resource } = await loadCaseForActor(tx, actor, caseId, now());
          authorize(actor, 'case.confidentiality.manage', resource);
          if (row.stage === 'closed') throw closedCase();
          const id = await insertLift(tx, {
            councilId: row.councilId,
            caseId: row.id,
            bankCode: bank.code,
            bankName: bank.name,
            documentSets: [...new Set(body.documentSets)],
            consentedBy: actor.userId,
            consentedAt: now(),
          });
          await record(tx, actor, 'CONFIDENTIALITY_LIFTED', row, id, { bankCode: bank.code, documentSets: body.documentSets });
        });
      } catch (e) {
        if (pgErrorOf(e)?.code === PG.uniqueViolation)
          throw conflict({
            ja: 'この金融機関への開示にはすでに同意しています。範囲を変えるには、いったん撤回してから同意し直してください',
            en: 'You have already consented for this bank. To change the scope, revoke it and consent again',
          });
        throw e;
      }
      return this.lifts(actor, caseId);
    },

    /** Revocation takes effect at once: row-level security reads the consent on every query of the bank. */
    async revokeLift(actor: Actor, caseId: string, liftId: string): Promise<ConfidentialityLiftList> {
      if (actor.kind !== 'user') throw new ForbiddenError('case.confidentiality.manage', null, null);
      await withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const { row, resource } = await loadCaseForActor(tx, actor, caseId, now());
        authorize(actor, 'case.confidentiality.manage', resource);
        const lift = await findLift(tx, row.id, liftId);
        if (!lift) throw notFound(LIFT);
        if (!(await revokeLift(tx, lift.id, actor.userId, now())))
          throw conflict({ ja: 'この同意はすでに撤回されています', en: 'This consent has already been revoked' });
        await record(tx, actor, 'CONFIDENTIALITY_LIFT_REVOKED', row, lift.id, { bankCode: lift.bankCode });
      });
      return this.lifts(actor, caseId);
    },
  };
}

export type CreditorsService = ReturnType<typeof createCreditorsService>;
