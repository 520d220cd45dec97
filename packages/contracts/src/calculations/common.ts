import { z } from 'zod';
import { localizedTextSchema } from '../problem';

/**
 * Building blocks of the calculation contracts. Money is integer yen (`z.number().int()`, safe-integer range);
 * ratios are decimals (0.03 = 3 %). Field messages are keys of `validation-messages.ts` (what to fix, ja/en).
 */

/** Integer yen, possibly negative (net assets, profits, adjustments). */
export const yenSchema = z
  .number({ error: 'amount.number' })
  .int({ error: 'amount.integerYen' })
  .meta({ id: 'Yen', description: 'Integer yen (円). Fractions of a yen are rejected.', example: 1_000_000 });

/** Integer yen, 0 or more. */
export const nonNegativeYenSchema = z
  .number({ error: 'amount.number' })
  .int({ error: 'amount.integerYen' })
  .min(0, 'amount.nonNegative')
  .meta({ id: 'NonNegativeYen', description: 'Integer yen (円), 0 or more.', example: 1_000_000 });

/** A finite number (ratios, months, persons). */
export const finiteNumberSchema = z.number({ error: 'number.value' });

/** A ratio as a decimal (0.03 = 3 %). Range checks with messages naming the field are the engine's. */
export const ratioSchema = z.number({ error: 'ratio.value' }).meta({ description: 'Decimal ratio: 0.03 = 3 %' });

export const isoDateSchema = z
  .string({ error: 'date.format' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date.format')
  .meta({ description: 'ISO date YYYY-MM-DD', example: '2026-03-31' });

export const yearMonthSchema = z
  .string({ error: 'month.format' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month.format')
  .meta({ description: 'Month YYYY-MM', example: '2026-04' });

export const idSchema = z
  .string({ error: 'id.format' })
  .regex(/^[A-Za-z0-9._-]{1,40}$/, 'id.format')
  .meta({ example: 'BANK-A' });

/** A list in a response (read-only: the server produces it, clients do not send it). */
export function list<T extends z.ZodType>(item: T) {
  return z.array(item).readonly();
}

/** A value per plan year: one number for every year, or one per year (index 0 = plan year 1). */
export function yearly<T extends z.ZodType>(item: T) {
  return z.union([item, z.array(item).min(1, 'yearly.format').max(10, 'yearly.format')], { error: 'yearly.format' });
}

export const stepUnitSchema = z
  .enum(['yen', 'ratio', 'percent', 'months', 'years', 'times', 'persons', 'thousandYenPerEmployee', 'count', 'none'])
  .meta({ id: 'StepUnit', description: 'Unit of a step value. ratio: 0.25 = 25 %; percent: already ×100.' });

/**
 * One line of an explanation ("explanations are data"): label, value, unit, optional formula and source reference.
 * The web UI, the Excel workbook (計算根拠 sheet) and the PDF render these same steps.
 */
export const stepSchema = z
  .object({
    code: z.string().meta({ example: 'NORMAL_WORKING_CAPITAL' }),
    label: localizedTextSchema,
    value: z.number().nullable().meta({ description: 'null when the step states a fact or a choice, not a figure' }),
    unit: stepUnitSchema,
    formula: localizedTextSchema.optional(),
    sourceRef: z.string().optional().meta({ example: 'REFERENCE §6.2' }),
  })
  .meta({ id: 'CalculationStep' });

export type Step = z.infer<typeof stepSchema>;

/** A warning from the engine: the figures are usable but suspicious (same shape as a field issue). */
export const calculationWarningSchema = z
  .object({
    pointer: z.string().meta({ example: '/body/statements/0/balanceSheet/otherCurrentAssets' }),
    code: z.string().meta({ example: 'NEGATIVE_LINE_ITEM' }),
    message: localizedTextSchema,
  })
  .meta({ id: 'CalculationWarning' });

export type CalculationWarning = z.infer<typeof calculationWarningSchema>;
