import { useState } from 'react';
import { useFieldArray, useForm, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  GUARANTOR_RELATIONSHIPS,
  PERSONAL_ASSET_KINDS,
  WORKOUT_TYPES,
  guarantorInputSchema,
  isValidationMessageKey,
  type FieldIssue,
  type GuarantorInput,
} from '@kasseika/contracts';
import { formatAmountForInput, parseAmountInput } from '@kasseika/domain';
import { Button } from '../../../components/ui/button';
import { INPUT_CLASS, SelectField, TextAreaField, TextField } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import { fieldMessage, langOf } from '../../../lib/form-errors';

/** What the form holds: amounts and days as typed (全角 digits, commas and 円 are accepted on submit). */
export interface GuarantorFormValues {
  name: string;
  relationship: GuarantorInput['relationship'];
  birthDate: string;
  workoutType: GuarantorInput['workoutType'];
  assumedBenefitDays: string;
  keepsHome: boolean;
  note: string;
  guarantees: { creditorName: string; amount: string }[];
  assets: { kind: GuarantorInput['assets'][number]['kind']; description: string; value: string }[];
}

export function toFormValues(g: GuarantorInput | null): GuarantorFormValues {
  return {
    name: g?.name ?? '',
    relationship: g?.relationship ?? 'owner',
    birthDate: g?.birthDate ?? '',
    workoutType: g?.workoutType ?? 'undecided',
    assumedBenefitDays: g?.assumedBenefitDays === null || g?.assumedBenefitDays === undefined ? '' : String(g.assumedBenefitDays),
    keepsHome: g?.keepsHome ?? false,
    note: g?.note ?? '',
    guarantees: (g?.guarantees ?? [{ creditorName: '', amount: 0 }]).map((x) => ({
      creditorName: x.creditorName,
      amount: g ? formatAmountForInput(x.amount, 1) : '',
    })),
    assets: (g?.assets ?? []).map((a) => ({ kind: a.kind, description: a.description, value: formatAmountForInput(a.value, 1) })),
  };
}

type Problem = { path: FieldPath<GuarantorFormValues>; message: string };

/** Turns the typed values into the request's guarantor, or lists what to fix (same messages as the API). */
function toInput(v: GuarantorFormValues): { input: GuarantorInput } | { problems: Problem[] } {
  const problems: Problem[] = [];
  const amount = (typed: string, path: FieldPath<GuarantorFormValues>): number => {
    const r = parseAmountInput(typed, 1);
    if (r.ok) return r.value;
    problems.push({ path, message: r.problem === 'notInteger' ? 'amount.integerYen' : 'amount.number' });
    return 0;
  };
  const days = v.assumedBenefitDays.trim().normalize('NFKC');
  const candidate = {
    name: v.name,
    relationship: v.relationship,
    birthDate: v.birthDate === '' ? null : v.birthDate,
    workoutType: v.workoutType,
    assumedBenefitDays: days === '' ? null : /^\d+$/.test(days) ? Number(days) : Number.NaN,
    keepsHome: v.keepsHome,
    note: v.note,
    guarantees: v.guarantees.map((x, i) => ({ creditorName: x.creditorName, amount: amount(x.amount, `guarantees.${i}.amount`) })),
    assets: v.assets.map((a, i) => ({ kind: a.kind, description: a.description, value: amount(a.value, `assets.${i}.value`) })),
  };
  const parsed = guarantorInputSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.') as FieldPath<GuarantorFormValues>;
      if (!problems.some((p) => p.path === path)) problems.push({ path, message: issue.message });
    }
  }
  return problems.length > 0 || !parsed.success ? { problems } : { input: parsed.data };
}

/** Field issues of the API (`/body/guarantors/<index>/…`) for the guarantor being edited. */
export function problemsForIndex(issues: readonly FieldIssue[], index: number, lang: 'ja' | 'en'): Problem[] {
  const prefix = `/body/guarantors/${index}/`;
  return issues
    .filter((i) => i.pointer.startsWith(prefix))
    .map((i) => ({
      path: i.pointer.slice(prefix.length).split('/').join('.') as FieldPath<GuarantorFormValues>,
      message: isValidationMessageKey(i.code) ? i.code : i.message[lang],
    }));
}

/**
 * One guarantor: who, the guarantees (per creditor) and the personal assets, with the council's assumptions for
 * the 残存資産 estimate. Amounts accept 全角 digits, commas and 円. Errors appear next to each field and say what to fix.
 */
export function GuarantorForm({
  initial,
  onSave,
  onCancel,
}: {
  initial: GuarantorInput | null;
  /** Saves; resolves to the server's field issues for this guarantor (empty when saved) or throws. */
  onSave: (input: GuarantorInput) => Promise<{ problems: Problem[]; formError: string | null }>;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation('guarantors');
  const lang = langOf(i18n.language);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<GuarantorFormValues>({ defaultValues: toFormValues(initial) });
  const { register, handleSubmit, formState, setError, control } = form;
  const guarantees = useFieldArray({ control, name: 'guarantees' });
  const assets = useFieldArray({ control, name: 'assets' });
  const err = (path: FieldPath<GuarantorFormValues>): string | undefined => {
    const parts = path.split('.');
    let node: unknown = formState.errors;
    for (const p of parts) node = (node as Record<string, unknown> | undefined)?.[p];
    return fieldMessage((node as { message?: string } | undefined)?.message, lang);
  };
  const show = (problems: readonly Problem[]) => {
    problems.forEach((p, i) => setError(p.path, { type: 'validate', message: p.message }, { shouldFocus: i === 0 }));
  };

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const r = toInput(values);
    if ('problems' in r) {
      show(r.problems);
      setFormError(t('form.fixErrors', { count: r.problems.length }));
      return;
    }
    const result = await onSave(r.input);
    show(result.problems);
    setFormError(result.formError);
  });

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="grid grid-cols-1 gap-5" aria-label={t('form.title')}>
      {formError ? <Notice tone="error" title={formError} /> : null}
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <TextField label={t('form.name')} required autoComplete="off" registration={register('name')} error={err('name')} />
        <SelectField label={t('form.relationship')} required registration={register('relationship')} error={err('relationship')}>
          {GUARANTOR_RELATIONSHIPS.map((r) => (
            <option key={r} value={r}>
              {t(`relationship.${r}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('form.birthDate')}
          hint={t('form.birthDateHint')}
          type="date"
          registration={register('birthDate')}
          error={err('birthDate')}
        />
        <SelectField
          label={t('form.workoutType')}
          hint={t('form.workoutTypeHint')}
          registration={register('workoutType')}
          error={err('workoutType')}
        >
          {WORKOUT_TYPES.map((w) => (
            <option key={w} value={w}>
              {t(`workoutType.${w}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('form.benefitDays')}
          hint={t('form.benefitDaysHint')}
          inputMode="numeric"
          registration={register('assumedBenefitDays')}
          error={err('assumedBenefitDays')}
        />
        <div className="flex items-start gap-3 pt-7">
          <input id="keeps-home" type="checkbox" className="mt-1 size-6" {...register('keepsHome')} aria-describedby="keeps-home-hint" />
          <div>
            <label htmlFor="keeps-home" className="font-bold">
              {t('form.keepsHome')}
            </label>
            <p id="keeps-home-hint" className="text-sm text-ink-sub">
              {t('form.keepsHomeHint')}
            </p>
          </div>
        </div>
      </div>

      <fieldset className="rounded-8 border border-line p-4">
        <legend className="px-1 text-lg font-bold">{t('form.guarantees')}</legend>
        <p className="text-sm text-ink-sub">{t('form.guaranteesHint')}</p>
        <ul className="mt-3 grid gap-3">
          {guarantees.fields.map((f, i) => (
            <li key={f.id} className="grid grid-cols-1 items-end gap-3 md:grid-cols-[2fr_1fr_auto]">
              <TextField
                label={t('form.creditorName', { n: i + 1 })}
                registration={register(`guarantees.${i}.creditorName`)}
                error={err(`guarantees.${i}.creditorName`)}
              />
              <TextField
                label={t('form.guaranteedAmount', { n: i + 1 })}
                inputMode="numeric"
                className="text-right tabular-nums"
                registration={register(`guarantees.${i}.amount`)}
                error={err(`guarantees.${i}.amount`)}
              />
              <Button variant="text" onClick={() => guarantees.remove(i)}>
                {t('form.remove')}
                <span className="sr-only">{t('form.guaranteeRow', { n: i + 1 })}</span>
              </Button>
            </li>
          ))}
        </ul>
        <Button variant="secondary" className="mt-3" onClick={() => guarantees.append({ creditorName: '', amount: '' })}>
          {t('form.addGuarantee')}
        </Button>
      </fieldset>

      <fieldset className="rounded-8 border border-line p-4">
        <legend className="px-1 text-lg font-bold">{t('form.assets')}</legend>
        <p className="text-sm text-ink-sub">{t('form.assetsHint')}</p>
        <ul className="mt-3 grid gap-3">
          {assets.fields.map((f, i) => (
            <li key={f.id} className="grid grid-cols-1 items-end gap-3 md:grid-cols-[1fr_2fr_1fr_auto]">
              <div>
                <label htmlFor={`asset-kind-${f.id}`} className="font-bold">
                  {t('form.assetKind', { n: i + 1 })}
                </label>
                <select id={`asset-kind-${f.id}`} className={INPUT_CLASS} {...register(`assets.${i}.kind`)}>
                  {PERSONAL_ASSET_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`assetKind.${k}`)}
                    </option>
                  ))}
                </select>
              </div>
              <TextField
                label={t('form.assetDescription', { n: i + 1 })}
                registration={register(`assets.${i}.description`)}
                error={err(`assets.${i}.description`)}
              />
              <TextField
                label={t('form.assetValue', { n: i + 1 })}
                inputMode="numeric"
                className="text-right tabular-nums"
                registration={register(`assets.${i}.value`)}
                error={err(`assets.${i}.value`)}
              />
              <Button variant="text" onClick={() => assets.remove(i)}>
                {t('form.remove')}
                <span className="sr-only">{t('form.assetRow', { n: i + 1 })}</span>
              </Button>
            </li>
          ))}
        </ul>
        <Button variant="secondary" className="mt-3" onClick={() => assets.append({ kind: 'deposits', description: '', value: '' })}>
          {t('form.addAsset')}
        </Button>
      </fieldset>

      <TextAreaField label={t('form.note')} registration={register('note')} error={err('note')} />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" busy={formState.isSubmitting}>
          {t('form.save')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('form.cancel')}
        </Button>
      </div>
    </form>
  );
}
