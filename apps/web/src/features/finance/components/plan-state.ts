import { parseAmountInput, toHalfWidthAscii, type AmountInputUnit } from '@kasseika/domain';
import type { PlanDocument, ProjectionLoan } from '@kasseika/contracts';
import type { TFunction } from 'i18next';
import type { GridValues } from './amount-grid';
import { readDate, readStatements, statementsToGrid } from './grid-model';

export type AdjustmentCategory = PlanDocument['adjustments'][number]['category'];

export interface AdjustmentDraft {
  readonly key: string;
  readonly targetLine: string;
  readonly category: AdjustmentCategory;
  readonly amount: string;
  readonly reason: string;
}

export interface CreditorDraft {
  readonly key: string;
  readonly name: string;
  readonly balance: string;
  readonly line: 'shortTermBorrowings' | 'longTermBorrowings';
  readonly rate: string;
  readonly method: 'equalPrincipal' | 'bullet';
  readonly term: string;
  readonly mainBank: boolean;
}

/** Everything the workbench holds, as typed (text), before it becomes a plan document. */
export interface PlanState {
  readonly companyName: string;
  readonly industry: string;
  readonly unit: AmountInputUnit;
  readonly columns: number;
  readonly values: GridValues;
  readonly adjustments: readonly AdjustmentDraft[];
  readonly officerLoansAsEquity: boolean;
  readonly horizon: string;
  readonly growth: string;
  readonly costRatio: string;
  readonly personnel: string;
  readonly otherFixed: string;
  readonly taxRate: string;
  readonly buildingsLife: string;
  readonly otherLife: string;
  readonly creditors: readonly CreditorDraft[];
  readonly proRataAmount: string;
  readonly proRataMethod: 'balance' | 'unsecured';
  readonly planType: PlanDocument['criteria']['planType'];
  readonly sizeClass: PlanDocument['criteria']['sizeClass'];
  readonly agreementDate: string;
}

export const EMPTY_PLAN: PlanState = {
  companyName: '',
  industry: '',
  unit: 1,
  columns: 2,
  values: {},
  adjustments: [],
  officerLoansAsEquity: false,
  horizon: '5',
  growth: '3',
  costRatio: '66',
  personnel: '',
  otherFixed: '',
  taxRate: '30',
  buildingsLife: '20',
  otherLife: '5',
  creditors: [],
  proRataAmount: '',
  proRataMethod: 'balance',
  planType: 'revitalization',
  sizeClass: 'sme',
  agreementDate: '',
};

/** The example of the workbench: the REFERENCE §10.4 company with two lenders. */
export function samplePlan(): PlanState {
  const bs = {
    cashAndDeposits: 15_000_000,
    accountsReceivable: 12_000_000,
    inventories: 8_000_000,
    otherCurrentAssets: 5_000_000,
    land: 30_000_000,
    buildings: 20_000_000,
    otherTangibleFixedAssets: 10_000_000,
    accountsPayable: 9_000_000,
    shortTermBorrowings: 10_000_000,
    otherCurrentLiabilities: 6_000_000,
    longTermBorrowings: 50_000_000,
    capitalStock: 10_000_000,
    retainedEarnings: 15_000_000,
  };
  const zeroBs = {
    notesReceivable: 0,
    intangibleFixedAssets: 0,
    investmentsAndOtherAssets: 0,
    deferredAssets: 0,
    notesPayable: 0,
    bonds: 0,
    officerLoans: 0,
    leaseObligations: 0,
    otherFixedLiabilities: 0,
    otherNetAssets: 0,
  };
  const pl = (sales: number, cogs: number, sga: number, interest: number, tax: number, nonOp: number) => {
    const gross = sales - cogs;
    const op = gross - sga;
    const ord = op + nonOp - interest;
    return {
      netSales: sales,
      costOfSales: cogs,
      grossProfit: gross,
      sellingGeneralAdministrativeExpenses: sga,
      personnelCosts: 15_000_000,
      depreciation: 3_000_000,
      operatingProfit: op,
      nonOperatingIncome: nonOp,
      interestExpense: interest,
      otherNonOperatingExpenses: 0,
      ordinaryProfit: ord,
      extraordinaryGains: 0,
      extraordinaryLosses: 0,
      profitBeforeTax: ord,
      incomeTaxes: tax,
      netIncome: ord - tax,
    };
  };
  const statements = [
    {
      fiscalYearEnd: '2025-03-31',
      fiscalYearEndMonth: 3,
      employees: 20,
      balanceSheet: { ...bs, ...zeroBs },
      incomeStatement: pl(100_000_000, 67_000_000, 30_000_000, 1_100_000, 570_000, 0),
    },
    {
      fiscalYearEnd: '2026-03-31',
      fiscalYearEndMonth: 3,
      employees: 20,
      balanceSheet: { ...bs, ...zeroBs },
      incomeStatement: pl(105_000_000, 70_000_000, 31_000_000, 1_000_000, 1_050_000, 500_000),
    },
  ];
  return {
    ...EMPTY_PLAN,
    companyName: '株式会社テスト製作所',
    industry: '0201',
    values: statementsToGrid(statements, 1),
    adjustments: [{ key: 'a1', targetLine: 'land', category: 'realEstateFairValue', amount: '-30000000', reason: '路線価による時価評価' }],
    personnel: '15000000',
    otherFixed: '13000000',
    creditors: [
      {
        key: 'c1',
        name: 'あおば銀行',
        balance: '10000000',
        line: 'shortTermBorrowings',
        rate: '2.4',
        method: 'bullet',
        term: '120',
        mainBank: true,
      },
      {
        key: 'c2',
        name: 'みなと信用金庫',
        balance: '50000000',
        line: 'longTermBorrowings',
        rate: '1.2',
        method: 'equalPrincipal',
        term: '100',
        mainBank: false,
      },
    ],
    proRataAmount: '500000',
    agreementDate: '2026-06-15',
  };
}

function num(text: string): number | null {
  const n = Number(toHalfWidthAscii(text.trim()).replace(/[,%\s]/g, ''));
  return text.trim() === '' || !Number.isFinite(n) ? null : n;
}

/** A percentage typed by a person as a decimal ratio without binary noise (3 → 0.03). */
function percent(text: string): number | null {
  const n = num(text);
  return n === null ? null : Number((n / 100).toPrecision(12));
}

function monthAfter(date: string): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * Turns the typed state into a plan document, or the field errors that say what to fix. Amount fields follow the
 * grid's unit (円 / 千円); percentages are typed as percent.
 */
export function buildPlanDocument(
  state: PlanState,
  t: TFunction<'finance'>,
): { doc: PlanDocument | null; errors: Record<string, string>; gridErrors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const grid = readStatements(state.values, state.columns, state.unit, t);
  const amount = (key: string, text: string, required = true): number => {
    const p = parseAmountInput(text, state.unit);
    if (p.ok) return p.value;
    if (p.problem === 'empty' && !required) return 0;
    errors[key] = p.problem === 'notInteger' ? t('errors.integer') : t('errors.number');
    return 0;
  };
  const number = (key: string, text: string, reader: (s: string) => number | null = num): number => {
    const v = reader(text);
    if (v === null) errors[key] = t('errors.number');
    return v ?? 0;
  };
  const horizon = number('horizon', state.horizon);
  const drivers = {
    horizonYears: horizon,
    salesGrowth: number('growth', state.growth, percent),
    costOfSalesRatio: number('costRatio', state.costRatio, percent),
    personnelCosts: amount('personnel', state.personnel),
    otherFixedSga: amount('otherFixed', state.otherFixed),
    taxRate: number('taxRate', state.taxRate, percent),
    existingDepreciation: {
      buildings: { kind: 'straightLine' as const, remainingLifeYears: number('buildingsLife', state.buildingsLife) },
      otherTangible: { kind: 'straightLine' as const, remainingLifeYears: number('otherLife', state.otherLife) },
    },
  };
  const base = grid.statements.at(-1);
  const firstMonth = base && readDate(base.fiscalYearEnd) ? monthAfter(base.fiscalYearEnd) : '2000-01';
  const creditors = state.creditors.map((c, i) => ({
    id: `BANK-${i + 1}`,
    name: c.name.trim() || `BANK-${i + 1}`,
    balance: amount(`creditors.${i}.balance`, c.balance),
    rate: number(`creditors.${i}.rate`, c.rate, percent),
    term: number(`creditors.${i}.term`, c.term),
    line: c.line,
    method: c.method,
    mainBank: c.mainBank,
  }));
  const loans: ProjectionLoan[] = creditors.map((c, i) => ({
    id: `L${i + 1}`,
    creditorId: c.id,
    line: c.line,
    schedule: {
      principal: c.balance,
      firstPaymentMonth: firstMonth,
      termMonths: c.term,
      graceMonths: 0,
      annualRate: c.rate,
      interestConvention: 'monthlyRate',
      method: { kind: c.method },
    },
  }));
  const adjustments = state.adjustments.map((a, i) => ({
    id: `A${i + 1}`,
    targetLine: a.targetLine as PlanDocument['adjustments'][number]['targetLine'],
    amount: amount(`adjustments.${i}.amount`, a.amount),
    reason: a.reason.trim() || '—',
    category: a.category,
  }));
  const proRataAmount = state.proRataAmount.trim() === '' ? null : amount('proRataAmount', state.proRataAmount);
  if (!readDate(state.agreementDate)) errors.agreementDate = t('errors.date');
  if (state.companyName.trim() === '') errors.companyName = t('errors.required');
  if (Object.keys(errors).length > 0 || Object.keys(grid.errors).length > 0) return { doc: null, errors, gridErrors: grid.errors };
  return {
    doc: {
      company: {
        name: state.companyName.trim(),
        ...(state.industry ? { industryCode: state.industry, locabenSizeClass: 'medium' as const } : {}),
      },
      statements: grid.statements,
      adjustments,
      treatOfficerLoansAsEquity: state.officerLoansAsEquity,
      drivers: { ...drivers, ...(loans.length > 0 ? { loans } : {}) },
      criteria: { planType: state.planType, sizeClass: state.sizeClass, agreementDate: readDate(state.agreementDate) ?? '' },
      ...(proRataAmount !== null && creditors.length > 0
        ? {
            proRata: {
              amount: proRataAmount,
              creditors: creditors.map((c) => ({
                id: c.id,
                name: c.name,
                balance: c.balance,
                ...(c.mainBank ? { isMainBank: true } : {}),
              })),
              method: { kind: state.proRataMethod },
              guaranteeCoverTreatment: 'secured' as const,
              rounding: { unit: 1, residual: 'largestRemainder' as const },
              schedule: {
                firstPaymentMonth: firstMonth,
                termMonths: 60,
                graceMonths: 0,
                interestConvention: 'monthlyRate' as const,
                loans: creditors.map((c, i) => ({ loanId: `L${i + 1}`, creditorId: c.id, principal: c.balance, annualRate: c.rate })),
              },
            },
          }
        : {}),
    },
    errors,
    gridErrors: grid.errors,
  };
}

/** Maps an API pointer to a workbench field key (grid cells are handled by cellFromPointer). */
export function fieldFromPointer(pointer: string): string | null {
  const p = pointer.split('/').slice(2);
  const [a, b, c, d] = p;
  if (a === 'company' && b === 'name') return 'companyName';
  if (a === 'criteria' && b === 'agreementDate') return 'agreementDate';
  if (a === 'adjustments' && b !== undefined) return `adjustments.${b}.${c === 'targetLine' ? 'targetLine' : 'amount'}`;
  if (a === 'proRata' && b === 'amount') return 'proRataAmount';
  if (a === 'proRata' && b === 'creditors' && c !== undefined) return `creditors.${c}.balance`;
  if (a === 'drivers' && b === 'loans' && c !== undefined) return `creditors.${c}.${d === 'schedule' ? 'term' : 'balance'}`;
  if (a === 'drivers' && b === 'loans') return 'creditors';
  const drivers: Record<string, string> = {
    horizonYears: 'horizon',
    salesGrowth: 'growth',
    costOfSalesRatio: 'costRatio',
    personnelCosts: 'personnel',
    otherFixedSga: 'otherFixed',
    taxRate: 'taxRate',
  };
  if (a === 'drivers' && b !== undefined && drivers[b]) return drivers[b] ?? null;
  return null;
}
