import { z } from 'zod';
import { calculationWarningSchema } from './calculations/common';
import { financialStatementsSchema } from './calculations/statements';

/** Save the company's statements (1–3 years, oldest first) as a new revision. */
export const saveCaseStatementsBodySchema = z
  .strictObject({
    statements: financialStatementsSchema,
    /** The revision the user started from (null for the first save); a newer one saved meanwhile is refused (409). */
    expectedRevision: z.number().int().min(1).nullable(),
  })
  .meta({ id: 'SaveCaseStatementsBody' });

export const caseStatementsSchema = z
  .object({
    revision: z.number().int().nullable().meta({ description: 'null: nothing entered yet' }),
    statements: financialStatementsSchema.or(z.array(z.never()).max(0)),
    source: z.enum(['company', 'council', 'expert']).nullable(),
    enteredByName: z.string().nullable(),
    enteredAt: z.string().nullable(),
    warnings: z.array(calculationWarningSchema).meta({ description: 'Suspicious figures found by the finance engine' }),
    abilities: z.object({ write: z.boolean() }),
  })
  .meta({ id: 'CaseStatements', description: 'The latest revision of the company’s statements on a case' });

export type SaveCaseStatementsBody = z.infer<typeof saveCaseStatementsBodySchema>;
export type CaseStatements = z.infer<typeof caseStatementsSchema>;
