import { desc, eq } from 'drizzle-orm';
import type { CaseStatements, SaveCaseStatementsBody } from '@kasseika/contracts';
import { validateFinancialStatements, type FinancialStatement } from '@kasseika/finance';
import type { AuditRecorder } from '../../audit/record-audit-event';
import { actorLabel, hasRole, rolesOf, tenantContextOf, type Actor } from '../../authz/actor';
import { abilitiesFor, authorize, ForbiddenError } from '../../authz/authorize';
import type { Db, Tx } from '../../db/client';
import { pgErrorOf, PG } from '../../db/pg-error';
import { caseStatementSets, users } from '../../db/schema';
import { withTenantTx } from '../../db/tenant-tx';
import { conflict } from '../../errors/app-error';
import type { FieldCipher } from '../../security/field-cipher';
import { collectOrThrow, splitIssues, toEngine } from '../calculations/calculations.service';
import { loadCaseForActor } from '../cases/cases.service';

export interface FinancialsServiceDeps {
  readonly db: Db;
  readonly audit: AuditRecorder;
  readonly cipher: FieldCipher;
  readonly now: () => Date;
}

/** Where a revision's figures are sealed: binds the ciphertext to its case and revision. */
export const statementsPlace = (caseId: string, revision: number): string => `case_statement_sets.statements:${caseId}:${revision}`;

export interface StoredStatements {
  readonly revision: number;
  readonly statements: FinancialStatement[];
  readonly source: 'company' | 'council' | 'expert';
  readonly enteredByName: string | null;
  readonly enteredAt: Date;
}

/**
 * The latest statements of a case, decrypted — for other modules (diagnosis, 実態BS, plans) inside their own
 * tenant transaction, after they have authorised the actor. `null` when nothing has been entered.
 */
export async function latestCaseStatements(
  tx: Tx,
  cipher: FieldCipher,
  councilId: number,
  caseId: string,
): Promise<StoredStatements | null> {
  const [row] = await tx
    .select({
      revision: caseStatementSets.revision,
      statementsEnc: caseStatementSets.statementsEnc,
      source: caseStatementSets.source,
      enteredByName: users.displayName,
      enteredAt: caseStatementSets.enteredAt,
    })
    .from(caseStatementSets)
    .leftJoin(users, eq(users.id, caseStatementSets.enteredBy))
    .where(eq(caseStatementSets.caseId, caseId))
    .orderBy(desc(caseStatementSets.revision))
    .limit(1);
  if (!row) return null;
  const json = await cipher.decrypt(councilId, row.statementsEnc, statementsPlace(caseId, row.revision));
  return { ...row, statements: JSON.parse(json) as FinancialStatement[] };
}

/**
 * The company's financial statements on a case (決算書 1–3期): read and saved as revisions by the council, the company
 * and appointed experts; every read and save audited; the figures encrypted at rest.
 */
export function createFinancialsService({ db, audit, cipher, now }: FinancialsServiceDeps) {
  function record(
    tx: Tx,
    actor: Actor,
    type: 'CASE_STATEMENTS_VIEWED' | 'CASE_STATEMENTS_SAVED',
    councilId: number,
    caseId: string,
    details = {},
  ) {
    return audit.record(tx, {
      type,
      actorUserId: actor.kind === 'user' ? actor.userId : null,
      actorLabel: actorLabel(actor),
      actorRoles: rolesOf(actor),
      councilId,
      caseId,
      targetType: 'case_statements',
      targetId: caseId,
      ip: actor.ip,
      requestId: actor.requestId,
      details,
    });
  }

  function present(stored: StoredStatements | null, write: boolean): CaseStatements {
    const statements = stored?.statements ?? [];
    const warnings =
      statements.length > 0 ? splitIssues(validateFinancialStatements(statements), (p) => ['statements', ...p]).warnings : [];
    return {
      revision: stored?.revision ?? null,
      statements: statements,
      source: stored?.source ?? null,
      enteredByName: stored?.enteredByName ?? null,
      enteredAt: stored?.enteredAt.toISOString() ?? null,
      warnings,
      abilities: { write },
    };
  }

  return {
    async get(actor: Actor, caseId: string): Promise<CaseStatements> {
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const { row, resource } = await loadCaseForActor(tx, actor, caseId, now());
        authorize(actor, 'case.statements.read', resource);
        const stored = await latestCaseStatements(tx, cipher, row.councilId, row.id);
        await record(tx, actor, 'CASE_STATEMENTS_VIEWED', row.councilId, row.id, { revision: stored?.revision ?? null });
        const write = abilitiesFor(actor, ['case.statements.write'], resource)['case.statements.write'];
        return present(stored, write && row.stage !== 'closed');
      });
    },

    /**
     * Saves a new revision after the finance engine's checks (every error listed at once, 422; warnings returned).
     * A save based on an older revision than the latest is refused (409) so nobody overwrites figures unseen.
     */
    async save(actor: Actor, caseId: string, body: SaveCaseStatementsBody): Promise<CaseStatements> {
      if (actor.kind !== 'user') throw new ForbiddenError('case.statements.write', null, null);
      const statements = toEngine<FinancialStatement[]>(body.statements);
      collectOrThrow([splitIssues(validateFinancialStatements(statements), (p) => ['statements', ...p])]);
      try {
        return await withTenantTx(db, tenantContextOf(actor), async (tx) => {
          const { row, resource } = await loadCaseForActor(tx, actor, caseId, now());
          authorize(actor, 'case.statements.write', resource);
          if (row.stage === 'closed')
            throw conflict({ ja: '終了した案件の決算書は変更できません', en: 'The statements of a closed case cannot be changed' });
          const [latest] = await tx
            .select({ revision: caseStatementSets.revision })
            .from(caseStatementSets)
            .where(eq(caseStatementSets.caseId, row.id))
            .orderBy(desc(caseStatementSets.revision))
            .limit(1);
          if ((latest?.revision ?? null) !== body.expectedRevision) throw staleRevision();
          const revision = (latest?.revision ?? 0) + 1;
          const last = statements[statements.length - 1];
          if (!last) throw new RangeError('validated to be non-empty');
          const source = hasRole(actor, 'company_member') ? 'company' : hasRole(actor, 'expert') ? 'expert' : 'council';
          await tx.insert(caseStatementSets).values({
            councilId: row.councilId,
            caseId: row.id,
            revision,
            years: statements.length,
            latestFiscalYearEnd: last.fiscalYearEnd,
            statementsEnc: await cipher.encrypt(row.councilId, JSON.stringify(statements), statementsPlace(row.id, revision)),
            source,
            enteredBy: actor.userId,
            enteredAt: now(),
          });
          await record(tx, actor, 'CASE_STATEMENTS_SAVED', row.councilId, row.id, { revision, years: statements.length });
          const stored = await latestCaseStatements(tx, cipher, row.councilId, row.id);
          return present(stored, true);
        });
      } catch (e) {
        // Two saves from the same revision at once: the unique (case, revision) key lets only one through.
        if (pgErrorOf(e)?.code === PG.uniqueViolation) throw staleRevision();
        throw e;
      }
    },
  };
}

function staleRevision() {
  return conflict({
    ja: '決算書は他の方が更新しました。最新の内容を読み込んでから保存してください',
    en: 'Someone else has updated the statements. Load the latest figures before saving',
  });
}

export type FinancialsService = ReturnType<typeof createFinancialsService>;
