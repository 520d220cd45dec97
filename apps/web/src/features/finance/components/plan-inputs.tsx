import { useTranslation } from 'react-i18next';
import { BALANCE_SHEET_KEYS } from '@kasseika/contracts';
import { BUTTON_SECONDARY, SelectField, TextField } from './field';
import type { AdjustmentCategory, CreditorDraft, PlanState } from './plan-state';

const CATEGORIES: readonly AdjustmentCategory[] = [
  'irrecoverableReceivables',
  'obsoleteInventory',
  'underDepreciation',
  'unrecordedLiabilities',
  'realEstateFairValue',
  'securitiesFairValue',
  'insuranceSurrenderValue',
  'otherFairValue',
  'ownerPrivateAssets',
  'other',
];
const TARGETS = BALANCE_SHEET_KEYS.filter((k) => !['capitalStock', 'retainedEarnings', 'otherNetAssets'].includes(k));

type Update = (patch: Partial<PlanState>) => void;
type Errors = Readonly<Record<string, string>>;

/** 実態BS adjustments: target line, category, signed amount and reason per row. */
export function AdjustmentsInput({ state, update, errors }: { state: PlanState; update: Update; errors: Errors }) {
  const { t } = useTranslation('finance');
  const set = (i: number, patch: Partial<PlanState['adjustments'][number]>) =>
    update({ adjustments: state.adjustments.map((a, k) => (k === i ? { ...a, ...patch } : a)) });
  return (
    <div className="grid gap-4">
      <p>{t('plan.realBsLead')}</p>
      {state.adjustments.map((a, i) => (
        <fieldset key={a.key} className="grid gap-3 rounded-8 border border-line-light p-3 md:grid-cols-4">
          <legend className="px-1 font-bold">{t('plan.adjustment', { n: i + 1 })}</legend>
          <SelectField
            label={t('plan.target')}
            value={a.targetLine}
            onChange={(v) => set(i, { targetLine: v })}
            error={errors[`adjustments.${i}.targetLine`]}
          >
            {TARGETS.map((k) => (
              <option key={k} value={k}>
                {t(`lines.${k}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('plan.category')} value={a.category} onChange={(v) => set(i, { category: v as AdjustmentCategory })}>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`plan.categories.${c}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('plan.amount')}
            value={a.amount}
            onChange={(v) => set(i, { amount: v })}
            error={errors[`adjustments.${i}.amount`]}
            align="right"
            inputMode="decimal"
          />
          <TextField label={t('plan.reason')} value={a.reason} onChange={(v) => set(i, { reason: v })} />
          <div className="md:col-span-4">
            <button
              type="button"
              className={BUTTON_SECONDARY}
              onClick={() => update({ adjustments: state.adjustments.filter((_, k) => k !== i) })}
            >
              {t('plan.removeAdjustment')}
            </button>
          </div>
        </fieldset>
      ))}
      <div className="flex flex-wrap items-center gap-4">
        <button
          type="button"
          className={BUTTON_SECONDARY}
          onClick={() =>
            update({
              adjustments: [
                ...state.adjustments,
                { key: `a${Date.now()}`, targetLine: 'accountsReceivable', category: 'irrecoverableReceivables', amount: '', reason: '' },
              ],
            })
          }
        >
          {t('plan.addAdjustment')}
        </button>
        <label className="inline-flex min-h-11 items-center gap-2">
          <input
            type="checkbox"
            checked={state.officerLoansAsEquity}
            onChange={(e) => update({ officerLoansAsEquity: e.target.checked })}
            className="size-5 accent-key"
          />
          {t('plan.officerLoans')}
        </label>
      </div>
    </div>
  );
}

/** Plan drivers: horizon, growth, cost ratio, fixed costs, tax, remaining useful lives. */
export function DriversInput({ state, update, errors }: { state: PlanState; update: Update; errors: Errors }) {
  const { t } = useTranslation('finance');
  type TextKey = 'horizon' | 'growth' | 'costRatio' | 'taxRate' | 'personnel' | 'otherFixed' | 'buildingsLife' | 'otherLife';
  const field = (key: TextKey, label: string, hint?: string) => (
    <TextField
      label={label}
      value={state[key]}
      onChange={(v) => update({ [key]: v })}
      error={errors[key]}
      align="right"
      inputMode="decimal"
      {...(hint ? { hint } : {})}
    />
  );
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      {field('horizon', t('plan.horizon'), '1〜10')}
      {field('growth', t('plan.salesGrowth'), t('plan.percentHint'))}
      {field('costRatio', t('plan.costOfSalesRatio'), t('plan.percentHint'))}
      {field('taxRate', t('plan.taxRate'), t('plan.percentHint'))}
      {field('personnel', t('plan.personnelCosts'), state.unit === 1 ? t('unit.yen') : t('unit.thousandYen'))}
      {field('otherFixed', t('plan.otherFixedSga'), state.unit === 1 ? t('unit.yen') : t('unit.thousandYen'))}
      {field('buildingsLife', t('plan.buildingsLife'))}
      {field('otherLife', t('plan.otherTangibleLife'))}
    </div>
  );
}

/** Lenders: each becomes a loan of the plan and a creditor of the pro-rata. */
export function CreditorsInput({ state, update, errors }: { state: PlanState; update: Update; errors: Errors }) {
  const { t } = useTranslation('finance');
  const set = (i: number, patch: Partial<CreditorDraft>) =>
    update({ creditors: state.creditors.map((c, k) => (k === i ? { ...c, ...patch } : c)) });
  return (
    <div className="grid gap-4">
      <p>{t('plan.creditorsLead')}</p>
      {errors.creditors ? <p className="font-bold text-error">{errors.creditors}</p> : null}
      {state.creditors.map((c, i) => (
        <fieldset key={c.key} className="grid gap-3 rounded-8 border border-line-light p-3 sm:grid-cols-2 lg:grid-cols-4">
          <legend className="px-1 font-bold">{t('plan.creditor', { n: i + 1 })}</legend>
          <TextField label={t('plan.creditorName')} value={c.name} onChange={(v) => set(i, { name: v })} />
          <TextField
            label={t('plan.balance')}
            value={c.balance}
            onChange={(v) => set(i, { balance: v })}
            error={errors[`creditors.${i}.balance`]}
            align="right"
            inputMode="decimal"
          />
          <SelectField label={t('plan.line')} value={c.line} onChange={(v) => set(i, { line: v as CreditorDraft['line'] })}>
            <option value="shortTermBorrowings">{t('plan.lineShort')}</option>
            <option value="longTermBorrowings">{t('plan.lineLong')}</option>
          </SelectField>
          <TextField
            label={t('plan.rate')}
            value={c.rate}
            onChange={(v) => set(i, { rate: v })}
            error={errors[`creditors.${i}.rate`]}
            align="right"
            inputMode="decimal"
          />
          <SelectField label={t('plan.method')} value={c.method} onChange={(v) => set(i, { method: v as CreditorDraft['method'] })}>
            <option value="equalPrincipal">{t('plan.methodEqualPrincipal')}</option>
            <option value="bullet">{t('plan.methodBullet')}</option>
          </SelectField>
          <TextField
            label={t('plan.term')}
            value={c.term}
            onChange={(v) => set(i, { term: v })}
            error={errors[`creditors.${i}.term`]}
            align="right"
            inputMode="numeric"
          />
          <label className="inline-flex min-h-11 items-center gap-2 self-end">
            <input
              type="checkbox"
              checked={c.mainBank}
              onChange={(e) => set(i, { mainBank: e.target.checked })}
              className="size-5 accent-key"
            />
            {t('plan.mainBank')}
          </label>
          <div className="self-end">
            <button
              type="button"
              className={BUTTON_SECONDARY}
              onClick={() => update({ creditors: state.creditors.filter((_, k) => k !== i) })}
            >
              {t('plan.removeCreditor')}
            </button>
          </div>
        </fieldset>
      ))}
      <div>
        <button
          type="button"
          className={BUTTON_SECONDARY}
          onClick={() =>
            update({
              creditors: [
                ...state.creditors,
                {
                  key: `c${Date.now()}`,
                  name: '',
                  balance: '',
                  line: 'longTermBorrowings',
                  rate: '1.0',
                  method: 'equalPrincipal',
                  term: '120',
                  mainBank: state.creditors.length === 0,
                },
              ],
            })
          }
        >
          {t('plan.addCreditor')}
        </button>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={t('plan.proRataAmount')}
          value={state.proRataAmount}
          onChange={(v) => update({ proRataAmount: v })}
          error={errors.proRataAmount}
          align="right"
          inputMode="decimal"
        />
        <SelectField
          label={t('plan.proRataMethod')}
          value={state.proRataMethod}
          onChange={(v) => update({ proRataMethod: v as PlanState['proRataMethod'] })}
        >
          <option value="balance">{t('plan.proRataBalance')}</option>
          <option value="unsecured">{t('plan.proRataUnsecured')}</option>
        </SelectField>
      </div>
    </div>
  );
}

/** Criteria settings: plan type, size class, agreement date. */
export function CriteriaInput({ state, update, errors }: { state: PlanState; update: Update; errors: Errors }) {
  const { t } = useTranslation('finance');
  return (
    <div className="grid gap-4 md:grid-cols-3">
      <SelectField label={t('plan.planType')} value={state.planType} onChange={(v) => update({ planType: v as PlanState['planType'] })}>
        <option value="revitalization">{t('plan.planTypeRevitalization')}</option>
        <option value="earningsImprovement">{t('plan.planTypeEarnings')}</option>
        <option value="bankNormalisation405">{t('plan.planTypeBank')}</option>
        <option value="smeGuidelineRevitalization">{t('plan.planTypeGuideline')}</option>
      </SelectField>
      <SelectField
        label={t('plan.criteriaSize')}
        value={state.sizeClass}
        onChange={(v) => update({ sizeClass: v as PlanState['sizeClass'] })}
      >
        <option value="sme">{t('plan.sme')}</option>
        <option value="smallBusiness">{t('plan.smallBusiness')}</option>
      </SelectField>
      <TextField
        label={t('plan.agreementDate')}
        value={state.agreementDate}
        onChange={(v) => update({ agreementDate: v })}
        error={errors.agreementDate}
        hint="YYYY-MM-DD"
        inputMode="numeric"
      />
    </div>
  );
}
