import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentList as Documents } from '@kasseika/contracts';
import { Notice } from '../../../components/ui/notice';
import { formatDateTimeJst } from '../../../lib/format';
import { langOf, problemMessage } from '../../../lib/form-errors';
import { addDocumentVersion, versionHref } from '../api/documents';
import { ACCEPTED_FILES } from './upload-document-form';

const sizeText = (bytes: number, lang: 'ja' | 'en') =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : bytes >= 1024
      ? `${Math.ceil(bytes / 1024)} KB`
      : `${bytes} ${lang === 'ja' ? 'バイト' : 'bytes'}`;

/** One document: its type, who may see it, every version (downloads are attachments and are audited). */
function DocumentItem({ caseId, doc, onChanged }: { caseId: string; doc: Documents['items'][number]; onChanged: (msg: string) => void }) {
  const { t, i18n } = useTranslation('documents');
  const lang = langOf(i18n.language);
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const versions = [...doc.versions].sort((a, b) => b.version - a.version);
  async function addVersion(file: File | undefined) {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      await addDocumentVersion(caseId, doc.id, file);
      onChanged(t('list.versionAdded', { title: doc.title }));
    } catch (e) {
      setError(problemMessage(e, lang));
    } finally {
      setBusy(false);
    }
  }
  return (
    <li className="rounded-12 border border-line bg-surface p-4">
      <div className="flex flex-col gap-1 md:flex-row md:items-baseline md:justify-between">
        <h3 className="text-lg">{doc.title}</h3>
        <p className="text-sm text-ink-sub">
          {t(`type.${doc.docType}`)} · {t(`visibility.${doc.visibility}`)}
        </p>
      </div>
      <ul className="mt-2 grid gap-1 text-sm" aria-label={t('list.versionsOf', { title: doc.title })}>
        {versions.map((v) => (
          <li key={v.version} className="flex flex-wrap items-center justify-between gap-x-4 border-b border-line-light py-1">
            <a href={versionHref(caseId, doc.id, v.version)} download className="inline-flex min-h-11 items-center font-bold break-all">
              {t('list.download', { version: v.version, filename: v.filename })}
            </a>
            <span className="text-ink-sub">
              {sizeText(v.sizeBytes, lang)} · {formatDateTimeJst(v.uploadedAt, lang)} · {v.uploadedBy ?? '—'} ·{' '}
              <abbr title={v.sha256}>SHA-256 {v.sha256.slice(0, 12)}…</abbr>
            </span>
          </li>
        ))}
      </ul>
      {doc.abilities.addVersion ? (
        <div className="mt-3">
          <label htmlFor={`${id}-version`} className="font-bold">
            {t('list.addVersion')}
          </label>
          <input
            id={`${id}-version`}
            type="file"
            accept={ACCEPTED_FILES}
            disabled={busy}
            className="mt-1 block min-h-11 w-full text-sm file:mr-3 file:min-h-11 file:rounded-4 file:border-0 file:bg-key-light file:px-3 file:font-bold"
            onChange={(e) => void addVersion(e.target.files?.[0])}
          />
        </div>
      ) : null}
      {error ? <Notice tone="error" className="mt-2" title={error} /> : null}
    </li>
  );
}

export function DocumentList({ caseId, list, onChanged }: { caseId: string; list: Documents; onChanged: (msg: string) => void }) {
  const { t } = useTranslation('documents');
  if (list.items.length === 0) return <p className="rounded-12 bg-surface p-6 text-ink-sub">{t('list.empty')}</p>;
  return (
    <ul className="grid gap-3" data-testid="document-list">
      {list.items.map((doc) => (
        <DocumentItem key={doc.id} caseId={caseId} doc={doc} onChanged={onChanged} />
      ))}
    </ul>
  );
}
