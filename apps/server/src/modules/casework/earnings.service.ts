import type { AdoptEarningsPlanBody, CreateActionItemBody, EarningsImprovement, SaveGovernanceCheckBody } from '@kasseika/contracts';
import { checkPlanYears, type ActionItemStatus, type GovernanceSection } from '@kasseika/domain';
import type { AuditRecorder } from '../../audit/record-audit-event';
import { tenantContextOf, type Actor } from '../../authz/actor';
import { abilitiesFor, authorize, ForbiddenError } from '../../authz/authorize';
import type { Db, Tx } from '../../db/client';
import { pgErrorOf, PG } from '../../db/pg-error';
import { withTenantTx } from '../../db/tenant-tx';
import { AppError, conflict, notFound } from '../../errors/app-error';
import type { FieldCipher } from '../../security/field-cipher';
import { loadCaseForActor, type CaseFactsLoader } from '../cases/cases.service';
import { recordCasework } from './casework-audit';
import {
  findEarningsPlan,
  findEarningsPlanId,
  insertActionItem,
  insertEarningsPlan,
  listActionItems,
  listGovernanceChecks,
  setActionItemStatus,
  upsertGovernanceCheck,
} from './casework.repository';

export interface EarningsServiceDeps {
  readonly db: Db;
  readonly audit: AuditRecorder;
  readonly cipher: FieldCipher;
  /** The governance checklist (configuration; default `DEFAULT_GOVERNANCE_CHECKLIST`). */
  readonly governance: readonly GovernanceSection[];
  readonly now: () => Date;
}

/** The fact `earningsPlanAdopted`: a 収益力改善計画 has been adopted for the case. */
export const earningsFactsLoader: CaseFactsLoader = async (tx, row) => {
  return { earningsPlanAdopted: (await findEarningsPlanId(tx, row.id)) !== null };
};

const NOT_EI = {
  ja: '収益力改善支援の段階にある案件でのみ記録できます',
  en: 'Only a case in earnings-improvement support takes these records',
};

/**
 * 収益力改善支援 (REFERENCE §2): the governance checklist (items from configuration), the action plan (what, who, by
 * when, status) and the adoption of the 1–3-year plan (1 year with rescheduling), which opens the hand-off to
 * monitoring (`ei_start_monitoring`, guard `earningsPlanAdopted`). Council-only.
 */
export function createEarningsService({ db, audit, cipher, governance, now }: EarningsServiceDeps) {
  const itemKeys = new Set(governance.flatMap((s) => s.items.map((i) => i.key)));
  const place = (column: string, caseId: string) => `${column}:${caseId}`;

  async function writable(tx: Tx, actor: Actor, caseId: string) {
    const loaded = await loadCaseForActor(tx, actor, caseId, now());
    authorize(actor, 'case.earnings.write', loaded.resource);
    if (!loaded.row.stage.startsWith('ei_')) throw conflict(NOT_EI);
    return loaded.row;
  }

  return {
    async get(actor: Actor, caseId: string): Promise<EarningsImprovement> {
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const { row, resource } = await loadCaseForActor(tx, actor, caseId, now());
        authorize(actor, 'case.earnings.read', resource);
        const c = row.councilId;
        const checks = await listGovernanceChecks(tx, row.id);
        const byKey = new Map(checks.map((k) => [k.itemKey, k]));
        const items = await listActionItems(tx, row.id);
        const plan = await findEarningsPlan(tx, row.id);
        return {
          governance: await Promise.all(
            governance.map(async (s) => ({
              key: s.key,
              label: s.label,
              items: await Promise.all(
                s.items.map(async (i) => {
                  const k = byKey.get(i.key);
                  return {
                    key: i.key,
                    label: i.label,
                    important: i.important,
                    status: k?.status ?? null,
                    note: k?.noteEnc ? await cipher.decrypt(c, k.noteEnc, place('case_governance_checks.note', row.id)) : null,
                    checkedByName: k?.checkedByName ?? null,
                    checkedAt: k?.checkedAt.toISOString() ?? null,
                  };
                }),
              ),
            })),
          ),
          actionItems: await Promise.all(
            items.map(async (i) => ({
              id: i.id,
              what: await cipher.decrypt(c, i.whatEnc, place('case_action_items.what', row.id)),
              owner: i.owner,
              dueOn: i.dueOn,
              status: i.status,
            })),
          ),
          plan: plan
            ? {
                planYears: plan.p.planYears,
                reschedulingRequested: plan.p.reschedulingRequested,
                startsOn: plan.p.startsOn,
                summary: await cipher.decrypt(c, plan.p.summaryEnc, place('case_earnings_plans.summary', row.id)),
                adoptedByName: plan.adoptedByName,
                adoptedAt: plan.p.adoptedAt.toISOString(),
              }
            : null,
          abilities: {
            write: abilitiesFor(actor, ['case.earnings.write'], resource)['case.earnings.write'] && row.stage.startsWith('ei_'),
          },
        };
      });
    },

    async saveCheck(actor: Actor, caseId: string, itemKey: string, body: SaveGovernanceCheckBody): Promise<void> {
      if (actor.kind !== 'user') throw new ForbiddenError('case.earnings.write', null, null);
      await withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const row = await writable(tx, actor, caseId);
        if (!itemKeys.has(itemKey)) throw notFound({ ja: '指定されたチェック項目', en: 'The checklist item' });
        const values = {
          status: body.status,
          noteEnc:
            body.note === undefined ? null : await cipher.encrypt(row.councilId, body.note, place('case_governance_checks.note', row.id)),
          checkedBy: actor.userId,
          checkedAt: now(),
        };
        await upsertGovernanceCheck(tx, { councilId: row.councilId, caseId: row.id, itemKey }, values);
        await recordCasework(
          audit,
          tx,
          actor,
          'CASE_GOVERNANCE_CHECKED',
          { councilId: row.councilId, caseId: row.id, targetType: 'case', targetId: row.id },
          {
            itemKey,
            status: body.status,
          },
        );
      });
    },

    async addActionItem(actor: Actor, caseId: string, body: CreateActionItemBody): Promise<{ id: string }> {
      if (actor.kind !== 'user') throw new ForbiddenError('case.earnings.write', null, null);
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const row = await writable(tx, actor, caseId);
        const created = await insertActionItem(tx, {
          councilId: row.councilId,
          caseId: row.id,
          whatEnc: await cipher.encrypt(row.councilId, body.what, place('case_action_items.what', row.id)),
          owner: body.owner,
          dueOn: body.dueOn,
          createdBy: actor.userId,
          createdAt: now(),
          updatedAt: now(),
        });
        await recordCasework(audit, tx, actor, 'CASE_ACTION_ITEM_CREATED', {
          councilId: row.councilId,
          caseId: row.id,
          targetType: 'case_action_item',
          targetId: created.id,
        });
        return created;
      });
    },

    async updateActionItem(actor: Actor, caseId: string, itemId: string, status: ActionItemStatus): Promise<void> {
      if (actor.kind !== 'user') throw new ForbiddenError('case.earnings.write', null, null);
      await withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const row = await writable(tx, actor, caseId);
        const updated = await setActionItemStatus(tx, row.id, itemId, status, now());
        if (!updated) throw notFound({ ja: '指定されたアクション', en: 'The action item' });
        await recordCasework(
          audit,
          tx,
          actor,
          'CASE_ACTION_ITEM_UPDATED',
          { councilId: row.councilId, caseId: row.id, targetType: 'case_action_item', targetId: itemId },
          { status },
        );
      });
    },

    /** Adopts the plan (once): 1–3 years, 1 year when rescheduling is requested; opens the move to monitoring. */
    async adoptPlan(actor: Actor, caseId: string, body: AdoptEarningsPlanBody): Promise<void> {
      if (actor.kind !== 'user') throw new ForbiddenError('case.earnings.write', null, null);
      const years = checkPlanYears(body.planYears, body.reschedulingRequested);
      if (!years.ok)
        throw new AppError('VALIDATION_FAILED', {
          issues: [{ pointer: '/body/planYears', code: 'earningsPlan.years', message: years.reason }],
        });
      const already = () => conflict({ ja: 'この案件の計画はすでに策定済みです', en: 'A plan has already been adopted for this case' });
      try {
        await withTenantTx(db, tenantContextOf(actor), async (tx) => {
          const row = await writable(tx, actor, caseId);
          if (row.stage !== 'ei_planning') throw already();
          await insertEarningsPlan(tx, {
            councilId: row.councilId,
            caseId: row.id,
            planYears: body.planYears,
            reschedulingRequested: body.reschedulingRequested,
            startsOn: body.startsOn,
            summaryEnc: await cipher.encrypt(row.councilId, body.summary, place('case_earnings_plans.summary', row.id)),
            adoptedBy: actor.userId,
            adoptedAt: now(),
          });
          await recordCasework(
            audit,
            tx,
            actor,
            'CASE_EARNINGS_PLAN_ADOPTED',
            { councilId: row.councilId, caseId: row.id, targetType: 'case', targetId: row.id },
            {
              planYears: body.planYears,
              reschedulingRequested: body.reschedulingRequested,
            },
          );
        });
      } catch (e) {
        if (pgErrorOf(e)?.code === PG.uniqueViolation) throw already();
        throw e;
      }
    },
  };
}

export type EarningsService = ReturnType<typeof createEarningsService>;
