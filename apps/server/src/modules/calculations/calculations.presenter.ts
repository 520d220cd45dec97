import type { Yen } from '@kasseika/domain';
import type {
  DebtRepaymentYearsResult,
  LocabenIndicators,
  LocabenThresholdTable,
  ProjectionResult,
  ProRataResult,
  ValidationIssue,
} from '@kasseika/finance';
import { LOCABEN_INDICATOR_CODES } from '@kasseika/finance';
import type { CalculationWarning, FieldIssue } from '@kasseika/contracts';
import type { z } from 'zod';
import type {
  debtRepaymentYearsSchema,
  indicatorValueSchema,
  projectionResultSchema,
  proRataResultSchema,
  thresholdInfoSchema,
} from '@kasseika/contracts';
import { invalid } from '../../errors/app-error';

/**
 * Conversion between the contracts (plain JSON numbers) and the engine (branded `Yen`), pointers of engine issues,
 * and the presentation of engine results in the response shapes.
 */

/** An engine type with its `Yen` brand removed: what the zod-validated request already is. */
export type Unbrand<T> = T extends Yen
  ? number
  : T extends readonly (infer U)[]
    ? readonly Unbrand<U>[]
    : T extends object
      ? { readonly [K in keyof T]: Unbrand<T[K]> }
      : T;

/**
 * Passes a zod-validated request value to the engine. zod has checked every money field is a safe integer, which is
 * all the `Yen` brand asserts; the compiler checks that the contract's shape matches the engine's type.
 */
export function toEngine<E>(value: Unbrand<E>): E {
  return value as E;
}

function escapePointer(segment: string | number): string {
  return String(segment).replaceAll('~', '~0').replaceAll('/', '~1');
}

/** `['body', 'statements', 0, 'balanceSheet']` → `/body/statements/0/balanceSheet`. */
export function pointer(parts: readonly (string | number)[]): string {
  return parts.map((p) => `/${escapePointer(p)}`).join('');
}

/** Maps an engine issue path to the request's pointer parts (below /body). */
export type PathMapper = (path: readonly (string | number)[]) => readonly (string | number)[];

/** Splits engine issues into 422 field issues (errors) and response warnings, with pointers into the request. */
export function splitIssues(issues: readonly ValidationIssue[], map: PathMapper): { errors: FieldIssue[]; warnings: CalculationWarning[] } {
  const errors: FieldIssue[] = [];
  const warnings: CalculationWarning[] = [];
  for (const issue of issues) {
    const item = {
      pointer: pointer(['body', ...map(issue.path)]),
      code: issue.code,
      message: { ja: issue.message.ja, en: issue.message.en },
    };
    if (issue.severity === 'error') errors.push(item);
    else warnings.push(item);
  }
  return { errors, warnings };
}

/** Collects issue groups; throws one 422 listing every error of every group, else returns the warnings. */
export function collectOrThrow(groups: readonly { errors: FieldIssue[]; warnings: CalculationWarning[] }[]): CalculationWarning[] {
  const errors = groups.flatMap((g) => g.errors);
  if (errors.length > 0) throw invalid(errors);
  return groups.flatMap((g) => g.warnings);
}

type IndicatorValue = z.input<typeof indicatorValueSchema>;
type DebtYears = z.input<typeof debtRepaymentYearsSchema>;

export function presentIndicators(indicators: LocabenIndicators): IndicatorValue[] {
  return LOCABEN_INDICATOR_CODES.map((code) => {
    const i = indicators[code];
    return {
      code,
      label: i.label,
      unit: i.unit,
      computable: i.computable,
      value: i.computable ? i.value : null,
      ...(i.computable ? {} : { reason: i.reason }),
      steps: [...i.steps],
    };
  });
}

export function presentDebtYears(r: DebtRepaymentYearsResult): DebtYears {
  return {
    variant: r.variant,
    variantName: r.variantName,
    debtToRepay: r.debtToRepay,
    normalWorkingCapital: r.normalWorkingCapital,
    computable: r.computable,
    value: r.computable ? r.value : null,
    ...(r.computable ? {} : { reason: r.reason }),
    cashFlow: r.cashFlow,
    steps: [...r.steps],
  };
}

export function presentProjection(p: ProjectionResult, warnings: CalculationWarning[]): z.input<typeof projectionResultSchema> {
  return {
    base: p.base,
    years: p.years.map((y) => ({ ...y, debtRepaymentYears: presentDebtYears(y.debtRepaymentYears) })),
    schedules: p.schedules,
    checks: p.checks,
    allChecksPassed: p.allChecksPassed,
    alerts: p.alerts,
    steps: p.steps,
    warnings,
  };
}

export function presentProRata(
  r: ProRataResult,
  names: ReadonlyMap<string, string>,
  warnings: CalculationWarning[],
): z.input<typeof proRataResultSchema> {
  const { computable } = r;
  return {
    method: r.method,
    amount: r.amount,
    coverage: r.coverage,
    collaterals: r.collaterals,
    totalBalance: r.totalBalance,
    totalUnsecured: r.totalUnsecured,
    computable,
    ...(r.computable ? {} : { reason: r.reason }),
    allocations: r.computable
      ? r.allocations.map((a) => {
          const name = names.get(a.creditorId);
          return { ...a, ...(name !== undefined ? { name } : {}) };
        })
      : [],
    steps: r.steps,
    warnings,
  };
}

export function presentThresholds(table: LocabenThresholdTable): z.input<typeof thresholdInfoSchema> {
  return {
    version: table.version,
    verified: table.verified,
    label: table.verified ? { ja: '参考値', en: 'Reference data' } : { ja: '参考値（出典未確認）', en: 'Unverified reference data' },
    description: table.provenance.description,
    industries: table.industries.map((r) => ({ code: r.code, name: r.name })),
  };
}
