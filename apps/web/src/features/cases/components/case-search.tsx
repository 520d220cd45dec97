import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { caseListQuerySchema, type CaseList } from '@kasseika/contracts';
import { CASE_STAGES, CASE_TRACKS, stageLabel } from '@kasseika/domain';
import { Button } from '../../../components/ui/button';
import { SelectField, TextField } from '../../../components/ui/form-field';
import { contractResolver, fieldMessage, langOf } from '../../../lib/form-errors';
import { PAGE_SIZE, PAGE_SIZES, parseCaseListSearch, type CaseListParams } from '../api/cases';

const filterSchema = caseListQuerySchema.pick({ q: true });

interface FilterValues {
  q: string;
  track: string;
  stage: string;
  assignee: string;
  overdue: boolean;
  pageSize: string;
}

/**
 * The list's search and filters in one form (search box, track, stage, assignee, overdue). Submitting puts them in
 * the URL, so the list can be bookmarked and the browser's back button undoes a filter. Staff only see track, stage,
 * assignee and overdue; outsiders search among the cases granted to them.
 */
export function CaseFilters({
  initial,
  staff,
  assignees,
  onApply,
}: {
  initial: CaseListParams;
  staff: boolean;
  assignees: CaseList['assignees'];
  onApply: (next: CaseListParams) => void;
}) {
  const { t, i18n } = useTranslation('cases');
  const lang = langOf(i18n.language);
  const defaults: FilterValues = {
    q: initial.q ?? '',
    track: initial.track ?? '',
    stage: initial.stage ?? '',
    assignee: initial.assignee ?? '',
    overdue: initial.overdue ?? false,
    pageSize: String(initial.pageSize ?? PAGE_SIZE),
  };
  const sizes = [...new Set([...PAGE_SIZES, initial.pageSize ?? PAGE_SIZE])].sort((a, b) => a - b);
  const form = useForm<FilterValues, unknown, z.output<typeof filterSchema>>({
    defaultValues: defaults,
    resolver: contractResolver(filterSchema, (v: FilterValues) => ({ q: v.q })),
  });
  const { register, handleSubmit, formState, reset } = form;
  const active = Boolean(initial.q || initial.track || initial.stage || initial.assignee || initial.overdue);
  const apply = (q: string | undefined) => {
    const v = form.getValues();
    onApply(parseCaseListSearch({ q, track: v.track, stage: v.stage, assignee: v.assignee, overdue: v.overdue, pageSize: v.pageSize }));
  };
  return (
    <form role="search" noValidate onSubmit={(e) => void handleSubmit(({ q }) => apply(q))(e)} className="grid grid-cols-1 gap-4">
      <TextField
        label={staff ? t('filters.searchLabel') : t('list.searchLabel')}
        hint={staff ? t('filters.searchHint') : t('list.searchHint')}
        type="search"
        autoComplete="off"
        registration={register('q')}
        error={fieldMessage(formState.errors.q?.message, lang)}
      />
      {staff ? (
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <SelectField label={t('filters.track')} registration={register('track')}>
            <option value="">{t('filters.any')}</option>
            {CASE_TRACKS.map((tr) => (
              <option key={tr} value={tr}>
                {t(`tracks.${tr}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('filters.stage')} registration={register('stage')}>
            <option value="">{t('filters.any')}</option>
            {CASE_STAGES.map((s) => (
              <option key={s} value={s}>
                {stageLabel(s)[lang]}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('filters.assignee')} hint={t('filters.assigneeHint')} registration={register('assignee')}>
            <option value="">{t('filters.any')}</option>
            <option value="me">{t('filters.me')}</option>
            {assignees.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </SelectField>
          <div className="flex items-end">
            <label className="flex min-h-12 items-center gap-3 font-bold">
              <input type="checkbox" className="size-6 accent-key" {...register('overdue')} />
              {t('filters.overdue')}
            </label>
          </div>
        </div>
      ) : null}
      <div className="flex flex-wrap items-end gap-2">
        <div className="w-40">
          <SelectField label={t('filters.pageSize')} registration={register('pageSize')}>
            {sizes.map((n) => (
              <option key={n} value={String(n)}>
                {t('filters.pageSizeOption', { count: n })}
              </option>
            ))}
          </SelectField>
        </div>
        <Button type="submit">{t('list.search')}</Button>
        {active ? (
          <Button
            variant="secondary"
            onClick={() => {
              reset({ q: '', track: '', stage: '', assignee: '', overdue: false, pageSize: String(initial.pageSize ?? PAGE_SIZE) });
              onApply(initial.pageSize ? { pageSize: initial.pageSize } : {});
            }}
          >
            {t('list.clear')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
