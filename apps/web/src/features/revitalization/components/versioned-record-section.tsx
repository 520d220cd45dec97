import { Fragment, useState, type ReactNode } from 'react';
import { Button } from '../../../components/ui/button';

/**
 * An append-only 再生支援 record (実態BS, business plan, financial-support design): the saved message, the latest
 * version (or the empty text), then for writers the form — shown when there is no version yet or after "新しい版を作成"
 * — and, when more than one version exists, the earlier versions in a <details>.
 */
export function VersionedRecordSection({
  latest,
  empty,
  canWrite,
  version,
  newVersionLabel,
  form,
  history,
}: {
  /** The latest version's view, or null when nothing is saved yet. */
  latest: ReactNode | null;
  empty: string;
  canWrite: boolean;
  /** The latest version number (0 when none): a new version starts a fresh form. */
  version: number;
  newVersionLabel: string;
  form: (onSaved: (message: string) => void) => ReactNode;
  /** The version list; shown only when there are at least two versions. */
  history?: { summary: string; items: readonly { key: number; text: string }[] };
}) {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <div className="grid gap-4">
      <div role="status" aria-live="polite" className={saved ? 'rounded-8 border border-success bg-surface p-3 font-bold' : 'sr-only'}>
        {saved}
      </div>
      {latest ?? <p className="text-ink-sub">{empty}</p>}
      {canWrite ? (
        editing || latest === null ? (
          <Fragment key={version}>
            {form((message) => {
              setSaved(message);
              setEditing(false);
            })}
          </Fragment>
        ) : (
          <div>
            <Button
              variant="secondary"
              onClick={() => {
                setSaved(null);
                setEditing(true);
              }}
            >
              {newVersionLabel}
            </Button>
          </div>
        )
      ) : null}
      {history && history.items.length > 1 ? (
        <details>
          <summary className="cursor-pointer">{history.summary}</summary>
          <ul className="mt-2 grid gap-1 text-sm">
            {history.items.map((v) => (
              <li key={v.key}>{v.text}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
