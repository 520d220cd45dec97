import { useTranslation } from 'react-i18next';

/** Polite loading message for screen readers and sighted users alike. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="py-8 text-ink-sub">
      {t('status.loading')}
    </p>
  );
}

export function ErrorNotice({ message, onRetry }: { message?: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="my-6 rounded-8 border-2 border-error bg-surface p-4">
      <p className="font-bold text-error">{message ?? t('status.error')}</p>
      {onRetry ? (
        <button
          type="button"
          onClick={onRetry}
          className="mt-3 rounded-8 border border-key px-4 py-2 font-bold text-key hover:bg-key-light"
        >
          {t('status.retry')}
        </button>
      ) : null}
    </div>
  );
}
