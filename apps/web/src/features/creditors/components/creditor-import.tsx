import { useId, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Notice } from '../../../components/ui/notice';
import { ApiError } from '../../../lib/api';
import { langOf, problemMessage } from '../../../lib/form-errors';
import { creditorKeys, importCreditors } from '../api/creditors';

/**
 * The 借入金一覧 template: download it, fill it in, upload it (.xlsx, or CSV in UTF-8 or Shift_JIS). The import is all
 * or nothing: what was added is shown, or every refused cell with its reason (nothing is stored then).
 */
export function CreditorImport({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation('creditors');
  const lang = langOf(i18n.language);
  const qc = useQueryClient();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ creditors: number; loans: number } | null>(null);
  const [refused, setRefused] = useState<{ title: string; cells: string[] } | null>(null);

  return (
    <form
      noValidate
      aria-labelledby={`${id}-heading`}
      className="grid grid-cols-1 gap-3 rounded-8 border border-line p-3"
      onSubmit={(e) => {
        e.preventDefault();
        const file = input.current?.files?.[0];
        setResult(null);
        setRefused(null);
        if (!file) {
          setRefused({ title: t('import.noFile'), cells: [] });
          input.current?.focus();
          return;
        }
        setBusy(true);
        importCreditors(caseId, file)
          .then((r) => {
            qc.setQueryData(creditorKeys.table(caseId), r.table);
            setResult({ creditors: r.creditorsAdded, loans: r.loansAdded });
            if (input.current) input.current.value = '';
          })
          .catch((error: unknown) =>
            setRefused({
              title: problemMessage(error, lang),
              cells: error instanceof ApiError ? (error.problem?.errors ?? []).map((x) => x.message[lang]) : [],
            }),
          )
          .finally(() => setBusy(false));
      }}
    >
      <h3 id={`${id}-heading`} className="text-lg">
        {t('import.heading')}
      </h3>
      <p className="text-sm text-ink-sub">{t('import.lead')}</p>
      <p>
        <a className="font-bold text-key underline underline-offset-4" href="/api/v1/creditors/template.xlsx" download>
          {t('import.template')}
        </a>
      </p>
      <div>
        <label htmlFor={`${id}-file`} className="font-bold">
          {t('import.file')}
        </label>
        <p id={`${id}-hint`} className="text-sm text-ink-sub">
          {t('import.fileHint')}
        </p>
        <input
          ref={input}
          id={`${id}-file`}
          type="file"
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={`${id}-hint`}
          className="mt-1 block w-full text-base"
        />
      </div>
      <div>
        <Button type="submit" variant="secondary" busy={busy}>
          {t('import.submit')}
        </Button>
      </div>
      <div aria-live="polite">
        {result ? <Notice tone="success" title={t('import.done', { creditors: result.creditors, loans: result.loans })} /> : null}
        {refused ? (
          <Notice tone="error" title={refused.title}>
            {refused.cells.length > 0 ? (
              <ul className="list-disc pl-5" data-testid="import-refused">
                {refused.cells.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            ) : null}
          </Notice>
        ) : null}
      </div>
    </form>
  );
}
