import { desc, eq } from 'drizzle-orm';
import type { CaseGuarantors, FieldIssue, GuarantorInput, SaveGuarantorsBody } from '@kasseika/contracts';
import { yen } from '@kasseika/domain';
import { estimateResidualAssets, parseIsoDate, selectResidualAssetsRuleSet, type ResidualAssetsRuleSet } from '@kasseika/finance';
import type { AuditRecorder } from '../../audit/record-audit-event';
import { actorLabel, rolesOf, tenantContextOf, type Actor } from '../../authz/actor';
import { abilitiesFor, authorize, ForbiddenError } from '../../authz/authorize';
import type { Db, Tx } from '../../db/client';
import { pgErrorOf, PG } from '../../db/pg-error';
import { caseGuarantorSets, users } from '../../db/schema';
import { withTenantTx } from '../../db/tenant-tx';
import { conflict, invalid } from '../../errors/app-error';
import type { FieldCipher } from '../../security/field-cipher';
import { loadCaseForActor } from '../cases/cases.service';

export interface GuarantorsServiceDeps {
  readonly db: Db;
  readonly audit: AuditRecorder;
  readonly cipher: FieldCipher;
  readonly rules: readonly ResidualAssetsRuleSet[];
  readonly now: () => Date;
}

/** Where a revision's guarantors are sealed: binds the ciphertext to its case and revision. */
export const guarantorsPlace = (caseId: string, revision: number): string => `case_guarantor_sets.guarantors:${caseId}:${revision}`;

/** The calendar date in Japan (the councils' reference date for ages and rule sets). */
export function japanDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** Dates the schema's pattern lets through but the calendar does not have, or births after the reference date. */
function birthDateIssues(guarantors: readonly GuarantorInput[], today: string): FieldIssue[] {
  return guarantors.flatMap((g, i) =>
    g.birthDate !== null && (!parseIsoDate(g.birthDate) || g.birthDate < '1900-01-01' || g.birthDate >= today)
      ? [
          {
            pointer: `/body/guarantors/${i}/birthDate`,
            code: 'birthDate.range',
            message: {
              ja: '生年月日は1900年以降、今日より前の実在する日付を入力してください',
              en: 'Enter a real date of birth from 1900 and before today',
            },
          },
        ]
      : [],
  );
}

/**
 * Guarantors of the company's debts (経営者保証) and their personal assets on a case: the council, the company and a
 * lawyer handling the 再チャレンジ read and save them as revisions; every read and save is audited and appears in the
 * company's access log; the data are encrypted at rest. Each guarantor comes back with the 残存資産 estimate of the
 * rule set in force on the day (REFERENCE §4.1).
 */
export function createGuarantorsService({ db, audit, cipher, rules, now }: GuarantorsServiceDeps) {
  function ruleSetOn(date: string): ResidualAssetsRuleSet {
    const r = selectResidualAssetsRuleSet(rules, date);
    if (!r) throw new Error(`No residual-asset rule set covers ${date}`);
    return r;
  }

  function record(
    tx: Tx,
    actor: Actor,
    type: 'CASE_GUARANTORS_VIEWED' | 'CASE_GUARANTORS_SAVED',
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
      targetType: 'case_guarantors',
      targetId: caseId,
      ip: actor.ip,
      requestId: actor.requestId,
      details,
    });
  }

  async function latest(tx: Tx, councilId: number, caseId: string) {
    const [row] = await tx
      .select({
        revision: caseGuarantorSets.revision,
        guarantorsEnc: caseGuarantorSets.guarantorsEnc,
        enteredByName: users.displayName,
        enteredAt: caseGuarantorSets.enteredAt,
      })
      .from(caseGuarantorSets)
      .leftJoin(users, eq(users.id, caseGuarantorSets.enteredBy))
      .where(eq(caseGuarantorSets.caseId, caseId))
      .orderBy(desc(caseGuarantorSets.revision))
      .limit(1);
    if (!row) return null;
    const json = await cipher.decrypt(councilId, row.guarantorsEnc, guarantorsPlace(caseId, row.revision));
    return { ...row, guarantors: JSON.parse(json) as GuarantorInput[] };
  }

  function present(stored: Awaited<ReturnType<typeof latest>>, write: boolean): CaseGuarantors {
    const today = japanDate(now());
    const ruleSet = ruleSetOn(today);
    return {
      revision: stored?.revision ?? null,
      referenceDate: today,
      guarantors: (stored?.guarantors ?? []).map((g) => {
        const estimate = estimateResidualAssets(
          ruleSet,
          {
            birthDate: g.birthDate,
            assumedBenefitDays: g.assumedBenefitDays,
            keepsHome: g.keepsHome,
            assets: g.assets.map((a) => ({ kind: a.kind, value: yen(a.value) })),
            guaranteedAmounts: g.guarantees.map((x) => yen(x.amount)),
          },
          today,
        );
        return { ...g, estimate: { ...estimate, warnings: [...estimate.warnings], steps: [...estimate.steps] } };
      }),
      ruleSet: { id: ruleSet.id, name: ruleSet.name, verified: ruleSet.verified, sources: ruleSet.sources, notes: ruleSet.notes ?? [] },
      enteredByName: stored?.enteredByName ?? null,
      enteredAt: stored?.enteredAt.toISOString() ?? null,
      abilities: { write },
    };
  }

  return {
    async get(actor: Actor, caseId: string): Promise<CaseGuarantors> {
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const { row, resource } = await loadCaseForActor(tx, actor, caseId, now());
        authorize(actor, 'case.guarantors.read', resource);
        const stored = await latest(tx, row.councilId, row.id);
        await record(tx, actor, 'CASE_GUARANTORS_VIEWED', row.councilId, row.id, { revision: stored?.revision ?? null });
        const write = abilitiesFor(actor, ['case.guarantors.write'], resource)['case.guarantors.write'];
        return present(stored, write && row.stage !== 'closed');
      });
    },

    /** Saves a new revision; a save based on an older revision than the latest is refused (409). */
    async save(actor: Actor, caseId: string, body: SaveGuarantorsBody): Promise<CaseGuarantors> {
      if (actor.kind !== 'user') throw new ForbiddenError('case.guarantors.write', null, null);
      const issues = birthDateIssues(body.guarantors, japanDate(now()));
      try {
        return await withTenantTx(db, tenantContextOf(actor), async (tx) => {
          const { row, resource } = await loadCaseForActor(tx, actor, caseId, now());
          authorize(actor, 'case.guarantors.write', resource);
          if (issues.length > 0) throw invalid(issues);
          if (row.stage === 'closed')
            throw conflict({ ja: '終了した案件の保証人情報は変更できません', en: 'The guarantors of a closed case cannot be changed' });
          const [last] = await tx
            .select({ revision: caseGuarantorSets.revision })
            .from(caseGuarantorSets)
            .where(eq(caseGuarantorSets.caseId, row.id))
            .orderBy(desc(caseGuarantorSets.revision))
            .limit(1);
          if ((last?.revision ?? null) !== body.expectedRevision) throw staleRevision();
          const revision = (last?.revision ?? 0) + 1;
          await tx.insert(caseGuarantorSets).values({
            councilId: row.councilId,
            caseId: row.id,
            revision,
            guarantorCount: body.guarantors.length,
            guarantorsEnc: await cipher.encrypt(row.councilId, JSON.stringify(body.guarantors), guarantorsPlace(row.id, revision)),
            enteredBy: actor.userId,
            enteredAt: now(),
          });
          await record(tx, actor, 'CASE_GUARANTORS_SAVED', row.councilId, row.id, { revision, guarantors: body.guarantors.length });
          return present(await latest(tx, row.councilId, row.id), true);
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
    ja: '保証人情報は他の方が更新しました。最新の内容を読み込んでから保存してください',
    en: 'Someone else has updated the guarantors. Load the latest data before saving',
  });
}

export type GuarantorsService = ReturnType<typeof createGuarantorsService>;
