import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Notice } from '../../../components/ui/notice';

/**
 * Recovery codes, shown once: list, copy, save as a text file, and a "saved" confirmation before continuing.
 */
export function RecoveryCodes({
  codes,
  onContinue,
  continueLabel,
}: {
  codes: readonly string[];
  onContinue: () => void;
  continueLabel: string;
}) {
  const { t } = useTranslation('auth');
  const id = useId();
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);
  const text = `${t('recovery.fileHeader')}\n\n${codes.join('\n')}\n`;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      setCopied(t('recovery.copied'));
    } catch {
      setCopied(t('recovery.copyFailed'));
    }
  };

  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'kasseika-recovery-codes.txt';
    document.body.append(a);
    a.click();
    a.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const proceed = () => {
    if (!saved) {
      setError(true);
      document.getElementById(`${id}-saved`)?.focus();
      return;
    }
    onContinue();
  };

  return (
    <section aria-labelledby={`${id}-title`} className="grid grid-cols-1 gap-4">
      <h2 id={`${id}-title`} className="text-xl">
        {t('recovery.heading')}
      </h2>
      <Notice tone="warning" title={t('recovery.onceTitle')}>
        <p>{t('recovery.onceBody')}</p>
      </Notice>
      <ol className="grid grid-cols-1 gap-2 rounded-8 bg-surface-sub p-4 font-mono text-lg sm:grid-cols-2" data-testid="recovery-codes">
        {codes.map((code, i) => (
          <li key={code} className="flex gap-3">
            <span className="w-6 text-right text-sm text-ink-sub">{i + 1}.</span>
            <span>{code}</span>
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-3">
        <Button variant="secondary" onClick={() => void copy()}>
          {t('recovery.copy')}
        </Button>
        <Button variant="secondary" onClick={download}>
          {t('recovery.download')}
        </Button>
      </div>
      <p role="status" className="text-sm text-ink-sub">
        {copied ?? ''}
      </p>
      <div>
        <label className="inline-flex min-h-11 items-start gap-3 font-bold">
          <input
            id={`${id}-saved`}
            type="checkbox"
            checked={saved}
            onChange={(e) => {
              setSaved(e.target.checked);
              if (e.target.checked) setError(false);
            }}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-saved-error` : undefined}
            className="mt-1 size-5 accent-key"
          />
          {t('recovery.savedCheck')}
        </label>
        {error ? (
          <p id={`${id}-saved-error`} className="mt-1 text-sm font-bold text-error">
            ⚠ {t('recovery.savedRequired')}
          </p>
        ) : null}
      </div>
      <div>
        <Button onClick={proceed}>{continueLabel}</Button>
      </div>
    </section>
  );
}
