import type { ReactNode } from 'react';

/** The heading block of a signed-in work page: optional eyebrow, the one h1, a lead. */
export function PageHeading({
  eyebrow,
  title,
  lead,
  actions,
}: {
  eyebrow?: ReactNode;
  title: string;
  lead?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-4 border-b border-line-light pb-5 md:flex-row md:items-end md:justify-between">
      <div>
        {eyebrow ? <p className="text-sm font-bold text-key">{eyebrow}</p> : null}
        <h1 className="mt-1 text-2xl md:text-3xl">{title}</h1>
        {lead ? <div className="mt-2 max-w-3xl text-ink-sub">{lead}</div> : null}
      </div>
      {actions ? <div className="shrink-0">{actions}</div> : null}
    </div>
  );
}

export const SECTION_CARD = 'rounded-12 bg-surface p-4 shadow-1 md:p-6';
