import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { caseListQuerySchema } from '@kasseika/contracts';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/form-field';
import { contractResolver, fieldMessage, langOf } from '../../../lib/form-errors';

const searchSchema = caseListQuerySchema.pick({ q: true });

/** Search by company name or reference number (validated with the list query's own schema). */
export function CaseSearch({ initial, onSearch }: { initial: string; onSearch: (q: string | undefined) => void }) {
  const { t, i18n } = useTranslation('cases');
  const lang = langOf(i18n.language);
  const form = useForm<{ q: string }, unknown, z.output<typeof searchSchema>>({
    defaultValues: { q: initial },
    resolver: contractResolver(searchSchema),
  });
  const { register, handleSubmit, formState, reset } = form;
  return (
    <form
      role="search"
      noValidate
      onSubmit={(e) => void handleSubmit(({ q }) => onSearch(q || undefined))(e)}
      className="flex flex-col gap-3 sm:flex-row sm:items-end"
    >
      <div className="grow">
        <TextField
          label={t('list.searchLabel')}
          hint={t('list.searchHint')}
          type="search"
          autoComplete="off"
          registration={register('q')}
          error={fieldMessage(formState.errors.q?.message, lang)}
        />
      </div>
      <div className="flex gap-2">
        <Button type="submit">{t('list.search')}</Button>
        {initial ? (
          <Button
            variant="secondary"
            onClick={() => {
              reset({ q: '' });
              onSearch(undefined);
            }}
          >
            {t('list.clear')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
