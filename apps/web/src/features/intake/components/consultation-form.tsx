import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { consultationRequestBodySchema, type ConsultationForm as FormChoices, type ConsultationReceipt } from '@kasseika/contracts';
import { parsePostalCode, PREFECTURES } from '@kasseika/domain';
import { Button } from '../../../components/ui/button';
import { CheckboxGroup, SelectField, TextAreaField, TextField } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import { ApiError } from '../../../lib/api';
import { useFormDraft } from '../../../lib/form-draft';
import { fieldMessage, langOf, problemMessage } from '../../../lib/form-errors';
import { intakeKeys, lookUpAddress, submitConsultation } from '../api/intake';
import { DRAFT_FIELDS, fieldOfPath, toBody, type Candidate, type ConsultationValues, type Field } from './consultation-values';

/** Values handed over by the self-check (ticked items, prefecture) through session storage. */
export const SELF_CHECK_HANDOVER = 'kasseika.intake.selfCheck';

/**
 * The consultation request form: mobile-first, every message says what to fix (the API's own schema checks first,
 * then the server's data checks), what was typed survives errors, an expired form token and a reload (draft in
 * session storage), and the honeypot is invisible to people and assistive technology.
 */
export function ConsultationRequestForm({ choices, onSent }: { choices: FormChoices; onSent: (r: ConsultationReceipt) => void }) {
  const { t, i18n } = useTranslation('intake');
  const lang = langOf(i18n.language);
  const queryClient = useQueryClient();
  const form = useForm<ConsultationValues>({
    defaultValues: {
      corporateNumber: '',
      name: '',
      nameKana: '',
      postalCode: '',
      prefectureCode: '',
      address: '',
      industryCode: '',
      employees: '',
      capitalYen: '',
      fiscalYearEndMonth: '',
      annualSalesYen: '',
      contactName: '',
      contactTitle: '',
      email: '',
      phone: '',
      needs: [],
      message: '',
      preferredContact: 'email',
      override: false,
      overridePrefectureCode: '',
      overrideReason: '',
      privacyConsent: false,
      website: '',
    },
  });
  const { register, handleSubmit, setError, clearErrors, formState, setValue, getValues, control } = form;
  const clearDraft = useFormDraft('consultation-request', form, DRAFT_FIELDS);
  const [summary, setSummary] = useState<string[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    try {
      const raw = window.sessionStorage.getItem(SELF_CHECK_HANDOVER);
      if (!raw) return;
      const handover = JSON.parse(raw) as { needs?: string[]; prefectureCode?: string };
      if (Array.isArray(handover.needs) && getValues('needs').length === 0) setValue('needs', handover.needs);
      if (handover.prefectureCode && !getValues('prefectureCode')) setValue('prefectureCode', handover.prefectureCode);
      window.sessionStorage.removeItem(SELF_CHECK_HANDOVER);
    } catch {
      /* a convenience only */
    }
  }, [getValues, setValue]);

  const postal = useWatch({ control, name: 'postalCode' });
  const postalDigits = parsePostalCode(postal);
  const [lookup, setLookup] = useState<{ digits: string; items: Candidate[] } | null>(null);
  useEffect(() => {
    if (!postalDigits) return;
    let live = true;
    lookUpAddress(postalDigits).then(
      (r) => {
        if (live) setLookup({ digits: postalDigits, items: r.items });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [postalDigits]);
  const candidates = lookup && lookup.digits === postalDigits ? lookup.items : null;

  const prefectureCode = useWatch({ control, name: 'prefectureCode' });
  const override = useWatch({ control, name: 'override' });
  const prefName = (code: string) => {
    const p = PREFECTURES.find((x) => x.code === code);
    return p ? (lang === 'en' ? p.nameEn : p.name) : '';
  };

  const showIssues = (issues: { field: Field | null; key: string; text: string }[]) => {
    let first = true;
    const texts: string[] = [];
    for (const i of issues) {
      texts.push(i.text);
      if (i.field && !formState.errors[i.field]) {
        setError(i.field, { type: 'validate', message: i.key }, { shouldFocus: first });
        first = false;
      }
    }
    setSummary([...new Set(texts)]);
    if (first) summaryRef.current?.focus();
  };

  const onSubmit = async (values: ConsultationValues) => {
    clearErrors();
    setSummary([]);
    const token = choices.formToken;
    const parsed = consultationRequestBodySchema.safeParse(toBody(values, token));
    if (!parsed.success) {
      showIssues(
        parsed.error.issues.map((issue) => ({
          field: fieldOfPath(issue.path),
          key: issue.message,
          text: fieldMessage(issue.message, lang) ?? issue.message,
        })),
      );
      return;
    }
    try {
      const receipt = await submitConsultation(parsed.data);
      clearDraft();
      onSent(receipt);
    } catch (e) {
      const issues = e instanceof ApiError ? (e.problem?.errors ?? []) : [];
      if (issues.some((i) => i.pointer === '/body/formToken')) {
        // An expired or too-early form: fetch a fresh token; what was typed stays.
        void queryClient.invalidateQueries({ queryKey: intakeKeys.form });
      }
      if (issues.length === 0) {
        setSummary([problemMessage(e, lang)]);
        summaryRef.current?.focus();
        return;
      }
      showIssues(
        issues.map((i) => ({
          field:
            i.pointer === '/body/formToken' || i.pointer === '/body/website'
              ? null
              : fieldOfPath(i.pointer.replace(/^\/body\//, '').split('/')),
          key: i.code,
          text: i.message[lang],
        })),
      );
    }
  };

  const err = (f: Field) => fieldMessage(formState.errors[f]?.message, lang);
  const section = 'grid grid-cols-1 gap-5 rounded-12 bg-surface p-4 shadow-1 md:p-6';

  return (
    <form noValidate onSubmit={(e) => void handleSubmit(onSubmit)(e)} className="grid grid-cols-1 gap-6" aria-label={t('form.title')}>
      <div ref={summaryRef} tabIndex={-1} className="outline-none">
        {summary.length > 0 ? (
          <Notice tone="error" title={t('form.errorsTitle', { count: summary.length })}>
            <ul className="list-disc pl-5">
              {summary.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          </Notice>
        ) : null}
      </div>

      <fieldset className={section}>
        <legend className="float-left mb-2 w-full text-xl font-bold">{t('form.company')}</legend>
        <TextField
          label={t('form.corporateNumber')}
          hint={t('form.corporateNumberHint')}
          inputMode="numeric"
          autoComplete="off"
          error={err('corporateNumber')}
          registration={register('corporateNumber')}
        />
        <TextField label={t('form.name')} required autoComplete="organization" error={err('name')} registration={register('name')} />
        <TextField
          label={t('form.nameKana')}
          hint={t('form.nameKanaHint')}
          required
          error={err('nameKana')}
          registration={register('nameKana')}
        />
        <TextField
          label={t('form.postalCode')}
          hint={t('form.postalCodeHint')}
          required
          inputMode="numeric"
          autoComplete="postal-code"
          error={err('postalCode')}
          registration={register('postalCode')}
        />
        {candidates !== null ? (
          <div role="status" aria-live="polite">
            {candidates.length === 0 ? (
              <p className="text-sm text-ink-sub">{t('form.postalUnknown')}</p>
            ) : (
              <div>
                <p className="text-sm font-bold">{t('form.addressCandidates')}</p>
                <ul className="mt-1 grid gap-2">
                  {candidates.slice(0, 5).map((c) => (
                    <li key={`${c.prefectureCode}${c.city}${c.town}`} className="flex flex-wrap items-center gap-2">
                      <span lang="ja">
                        {c.prefecture}
                        {c.city}
                        {c.town}
                      </span>
                      <Button
                        variant="secondary"
                        type="button"
                        onClick={() => {
                          setValue('prefectureCode', c.prefectureCode, { shouldDirty: true });
                          setValue('address', `${c.city}${c.town}`, { shouldDirty: true });
                          clearErrors(['prefectureCode', 'address', 'postalCode']);
                        }}
                      >
                        {t('form.useAddress')}
                      </Button>
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </div>
        ) : null}
        <SelectField label={t('form.prefecture')} required error={err('prefectureCode')} registration={register('prefectureCode')}>
          <option value="">—</option>
          {PREFECTURES.map((p) => (
            <option key={p.code} value={p.code}>
              {lang === 'en' ? p.nameEn : p.name}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('form.address')}
          required
          autoComplete="address-line1"
          error={err('address')}
          registration={register('address')}
        />
        <SelectField label={t('form.industry')} required error={err('industryCode')} registration={register('industryCode')}>
          <option value="">{t('form.industryPlaceholder')}</option>
          {choices.industries.map((m) => (
            <optgroup key={m.code} label={`${m.code} ${lang === 'en' ? m.nameEn : m.nameJa}`}>
              {m.divisions.map((d) => (
                <option key={d.code} value={d.code}>
                  {d.code} {lang === 'en' ? d.nameEn : d.nameJa}
                </option>
              ))}
            </optgroup>
          ))}
        </SelectField>
        <div className="grid grid-cols-1 gap-5 sm:grid-cols-2">
          <TextField
            label={t('form.employees')}
            required
            inputMode="numeric"
            error={err('employees')}
            registration={register('employees')}
          />
          <TextField
            label={t('form.capital')}
            hint={t('form.capitalHint')}
            inputMode="numeric"
            error={err('capitalYen')}
            registration={register('capitalYen')}
          />
          <SelectField
            label={t('form.fiscalMonth')}
            required
            error={err('fiscalYearEndMonth')}
            registration={register('fiscalYearEndMonth')}
          >
            <option value="">{t('form.fiscalMonthPlaceholder')}</option>
            {Array.from({ length: 12 }, (_, i) => (
              <option key={i + 1} value={String(i + 1)}>
                {t('form.monthOption', { month: i + 1 })}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('form.sales')}
            required
            inputMode="numeric"
            error={err('annualSalesYen')}
            registration={register('annualSalesYen')}
          />
        </div>
      </fieldset>

      <fieldset className={section}>
        <legend className="float-left mb-2 w-full text-xl font-bold">{t('form.contact')}</legend>
        <TextField
          label={t('form.contactName')}
          required
          autoComplete="name"
          error={err('contactName')}
          registration={register('contactName')}
        />
        <TextField
          label={t('form.contactTitle')}
          autoComplete="organization-title"
          error={err('contactTitle')}
          registration={register('contactTitle')}
        />
        <TextField
          label={t('form.email')}
          required
          type="email"
          autoComplete="email"
          error={err('email')}
          registration={register('email')}
        />
        <TextField label={t('form.phone')} required type="tel" autoComplete="tel" error={err('phone')} registration={register('phone')} />
        <SelectField
          label={t('form.preferredContact')}
          required
          error={err('preferredContact')}
          registration={register('preferredContact')}
        >
          {(['email', 'phone', 'either'] as const).map((m) => (
            <option key={m} value={m}>
              {t(`form.contactMethod.${m}`)}
            </option>
          ))}
        </SelectField>
      </fieldset>

      <fieldset className={section}>
        <legend className="float-left mb-2 w-full text-xl font-bold">{t('form.needs')}</legend>
        {choices.checklists.map((list) => (
          <CheckboxGroup
            key={list.id}
            legend={lang === 'en' ? list.titleEn : list.titleJa}
            error={list.id === choices.checklists[0]?.id ? err('needs') : undefined}
            options={list.items.map((i) => ({ value: i.id, label: lang === 'en' ? i.en : i.ja }))}
            registration={register('needs')}
          />
        ))}
        <TextAreaField
          label={t('form.message')}
          hint={t('form.messageHint')}
          rows={5}
          error={err('message')}
          registration={register('message')}
        />
      </fieldset>

      <fieldset className={section}>
        <legend className="float-left mb-2 w-full text-xl font-bold">{t('form.council')}</legend>
        <p>{prefectureCode ? t('form.councilAuto', { council: prefName(prefectureCode) }) : t('form.councilAutoNone')}</p>
        <label className="inline-flex min-h-11 items-center gap-2">
          <input type="checkbox" {...register('override')} className="size-5 accent-key" />
          {t('form.override')}
        </label>
        {override ? (
          <>
            <SelectField
              label={t('form.overridePrefecture')}
              required
              error={err('overridePrefectureCode')}
              registration={register('overridePrefectureCode')}
            >
              <option value="">—</option>
              {PREFECTURES.map((p) => (
                <option key={p.code} value={p.code}>
                  {lang === 'en' ? p.nameEn : p.name}
                </option>
              ))}
            </SelectField>
            <TextAreaField
              label={t('form.overrideReason')}
              required
              error={err('overrideReason')}
              registration={register('overrideReason')}
            />
          </>
        ) : null}
      </fieldset>

      <fieldset className={section}>
        <legend className="float-left mb-2 w-full text-xl font-bold">{t('form.privacy')}</legend>
        <p>{t('form.privacyBody')}</p>
        <div>
          <label className="inline-flex min-h-11 items-center gap-2 font-bold">
            <input
              type="checkbox"
              {...register('privacyConsent')}
              aria-invalid={err('privacyConsent') ? true : undefined}
              aria-describedby={err('privacyConsent') ? 'privacy-error' : undefined}
              className="size-5 accent-key"
            />
            {t('form.privacyConsent')}
          </label>
          {err('privacyConsent') ? (
            <p id="privacy-error" className="mt-1 text-sm font-bold text-error">
              ⚠ {err('privacyConsent')}
            </p>
          ) : null}
        </div>
      </fieldset>

      {/* Honeypot: off-screen, out of the tab order and hidden from assistive technology. */}
      <div aria-hidden="true" className="absolute -left-[10000px] size-px overflow-hidden">
        <label>
          {t('form.website')}
          <input type="text" tabIndex={-1} autoComplete="off" {...register('website')} />
        </label>
      </div>

      <div>
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t('form.submitting') : t('form.submit')}
        </Button>
      </div>
    </form>
  );
}
