import { z } from 'zod';
import { ACTION_ITEM_STATUSES, GOVERNANCE_STATUSES } from '@kasseika/domain';
import { localizedTextSchema } from './problem';

const text = (max: number, key: string) => z.string().trim().min(1, key).max(max, key);

export const governanceStatusSchema = z.enum(GOVERNANCE_STATUSES).meta({ id: 'GovernanceStatus' });
export const actionItemStatusSchema = z.enum(ACTION_ITEM_STATUSES).meta({ id: 'ActionItemStatus' });

export const governanceItemParamsSchema = z.strictObject({
  caseId: z.uuid(),
  itemKey: z.string().regex(/^[a-zA-Z]+\.[a-zA-Z]+$/, 'governance.itemKey'),
});
export const actionItemParamsSchema = z.strictObject({ caseId: z.uuid(), itemId: z.uuid() });

export const saveGovernanceCheckBodySchema = z
  .strictObject({ status: governanceStatusSchema, note: text(2000, 'governance.note').optional() })
  .meta({ id: 'SaveGovernanceCheckBody' });

export const createActionItemBodySchema = z
  .strictObject({ what: text(1000, 'actionItem.what'), owner: text(100, 'actionItem.owner'), dueOn: z.iso.date('actionItem.dueOn') })
  .meta({ id: 'CreateActionItemBody', description: 'An action of the 収益力改善アクションプラン: what, who, by when' });

export const updateActionItemBodySchema = z.strictObject({ status: actionItemStatusSchema }).meta({ id: 'UpdateActionItemBody' });

export const adoptEarningsPlanBodySchema = z
  .strictObject({
    planYears: z.number().int('earningsPlan.years').min(1, 'earningsPlan.years').max(3, 'earningsPlan.years'),
    reschedulingRequested: z.boolean(),
    startsOn: z.iso.date('earningsPlan.startsOn'),
    summary: text(4000, 'earningsPlan.summary'),
  })
  .superRefine((v, ctx) => {
    if (v.reschedulingRequested && v.planYears !== 1)
      ctx.addIssue({ code: 'custom', path: ['planYears'], message: 'earningsPlan.oneYearWithRescheduling' });
  })
  .meta({ id: 'AdoptEarningsPlanBody', description: '1–3 years; exactly 1 year when rescheduling is requested (REFERENCE §2)' });

export const earningsImprovementSchema = z
  .object({
    governance: z.array(
      z.object({
        key: z.string(),
        label: localizedTextSchema,
        items: z.array(
          z.object({
            key: z.string(),
            label: localizedTextSchema,
            important: z.boolean(),
            status: governanceStatusSchema.nullable(),
            note: z.string().nullable(),
            checkedByName: z.string().nullable(),
            checkedAt: z.string().nullable(),
          }),
        ),
      }),
    ),
    actionItems: z.array(
      z.object({ id: z.string(), what: z.string(), owner: z.string(), dueOn: z.string(), status: actionItemStatusSchema }),
    ),
    plan: z
      .object({
        planYears: z.number().int(),
        reschedulingRequested: z.boolean(),
        startsOn: z.string(),
        summary: z.string(),
        adoptedByName: z.string().nullable(),
        adoptedAt: z.string(),
      })
      .nullable(),
    abilities: z.object({ write: z.boolean() }),
  })
  .meta({ id: 'EarningsImprovement', description: '収益力改善支援: governance checklist, action plan, adopted plan' });

export type SaveGovernanceCheckBody = z.infer<typeof saveGovernanceCheckBodySchema>;
export type CreateActionItemBody = z.infer<typeof createActionItemBodySchema>;
export type AdoptEarningsPlanBody = z.infer<typeof adoptEarningsPlanBodySchema>;
export type EarningsImprovement = z.infer<typeof earningsImprovementSchema>;
