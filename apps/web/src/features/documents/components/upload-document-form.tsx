import { useId, useRef, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { documentTypeSchema, type DocumentList } from '@kasseika/contracts';
import { Button } from '../../../components/ui/button';
import { INPUT_CLASS } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import { ApiError } from '../../../lib/api';
import { fieldMessage, langOf, problemMessage } from '../../../lib/form-errors';
import { uploadDocument } from '../api/documents';

export const ACCEPTED_FILES = '.pdf,.xlsx,.csv,.png,.jpg,.jpeg,.gif,.webp,application/pdf,text/csv,image/*';

/** The document types an SME is asked to bring first (REFERENCE §1.2), then the rest. */
const COMPANY_FIRST = ['financial_statements', 'trial_balance', 'cash_flow_table', 'borrowings_list', 'other'] as const;

/**
 * Uploading a typed document: what it is (決算書, 試算表 …), a title, who may see it (only the classes the server
 * allows this user), and the file. The server checks the content, not the name; its answer is shown next to the field.
 */
export function UploadDocumentForm({
  caseId,
  allowedVisibilities,
  companyView,
  onUploaded,
}: {
  caseId: string;
  allowedVisibilities: DocumentList['abilities']['allowedVisibilities'];
  companyView: boolean;
  onUploaded: (title: string) => void;
}) {
  const { t, i18n } = useTranslation('documents');
  const lang = langOf(i18n.language);
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const types = companyView ? COMPANY_FIRST : documentTypeSchema.options;
  const [docType, setDocType] = useState<string>(types[0] ?? 'other');
  const [title, setTitle] = useState('');
  const [visibility, setVisibility] = useState<string>(allowedVisibilities[0] ?? 'company');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: SyntheticEvent) {
    e.preventDefault();
    setFormError(null);
    const file = fileRef.current?.files?.[0];
    const next: Record<string, string> = {};
    if (title.trim() === '') next.title = fieldMessage('documentTitle.length', lang) ?? '';
    if (!file) next.file = t('upload.fileRequired');
    setErrors(next);
    if (!file || Object.keys(next).length > 0) {
      document.getElementById(next.title ? `${id}-title` : `${id}-file`)?.focus();
      return;
    }
    setBusy(true);
    try {
      await uploadDocument(caseId, { docType, title: title.trim(), visibility }, file);
      onUploaded(title.trim());
      setTitle('');
      if (fileRef.current) fileRef.current.value = '';
    } catch (error) {
      const issues = error instanceof ApiError ? (error.problem?.errors ?? []) : [];
      const fieldErrors: Record<string, string> = {};
      for (const issue of issues) fieldErrors[issue.pointer.replace(/^\/body\//, '')] = issue.message[lang];
      setErrors(fieldErrors);
      setFormError(
        issues.length > 0 && issues.every((i) => ['title', 'docType', 'visibility'].includes(i.pointer.replace(/^\/body\//, '')))
          ? t('upload.fixErrors')
          : problemMessage(error, lang),
      );
    } finally {
      setBusy(false);
    }
  }

  const described = (field: string, hint?: boolean) =>
    [hint ? `${id}-${field}-hint` : '', errors[field] ? `${id}-${field}-error` : ''].filter(Boolean).join(' ') || undefined;
  const errorLine = (field: string) =>
    errors[field] ? (
      <p id={`${id}-${field}-error`} className="mt-1 flex gap-1 text-sm font-bold text-error">
        <span aria-hidden="true">⚠</span>
        <span>{errors[field]}</span>
      </p>
    ) : null;

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="grid grid-cols-1 gap-4 md:grid-cols-2" aria-label={t('upload.title')}>
      {formError ? <Notice tone="error" title={formError} className="md:col-span-2" /> : null}
      <div>
        <label htmlFor={`${id}-type`} className="font-bold">
          {t('upload.type')}
        </label>
        <select id={`${id}-type`} className={INPUT_CLASS} value={docType} onChange={(e) => setDocType(e.target.value)}>
          {types.map((type) => (
            <option key={type} value={type}>
              {t(`type.${type}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-title`} className="font-bold">
          {t('upload.docTitle')}
        </label>
        <p id={`${id}-title-hint`} className="text-sm text-ink-sub">
          {t('upload.docTitleHint')}
        </p>
        <input
          id={`${id}-title`}
          type="text"
          className={INPUT_CLASS}
          value={title}
          maxLength={200}
          aria-required
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={described('title', true)}
          onChange={(e) => setTitle(e.target.value)}
        />
        {errorLine('title')}
      </div>
      {allowedVisibilities.length > 1 ? (
        <div>
          <label htmlFor={`${id}-visibility`} className="font-bold">
            {t('upload.visibility')}
          </label>
          <select id={`${id}-visibility`} className={INPUT_CLASS} value={visibility} onChange={(e) => setVisibility(e.target.value)}>
            {allowedVisibilities.map((v) => (
              <option key={v} value={v}>
                {t(`visibility.${v}`)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div>
        <label htmlFor={`${id}-file`} className="font-bold">
          {t('upload.file')}
        </label>
        <p id={`${id}-file-hint`} className="text-sm text-ink-sub">
          {t('upload.fileHint')}
        </p>
        <input
          id={`${id}-file`}
          ref={fileRef}
          type="file"
          accept={ACCEPTED_FILES}
          className={`${INPUT_CLASS} file:mr-3 file:rounded-4 file:border-0 file:bg-key-light file:px-3 file:py-1 file:font-bold`}
          aria-required
          aria-invalid={errors.file ? true : undefined}
          aria-describedby={described('file', true)}
        />
        {errorLine('file')}
      </div>
      <div className="md:col-span-2">
        <Button type="submit" busy={busy}>
          {t('upload.submit')}
        </Button>
      </div>
    </form>
  );
}
