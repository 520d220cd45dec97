import type { ReactNode } from 'react';

/** The frame of the sign-in pages: a narrow card, one h1, an optional step indicator and lead. */
export function AuthPanel({
  title,
  lead,
  step,
  children,
  wide = false,
}: {
  title: string;
  lead?: ReactNode;
  step?: string;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <div className={`mx-auto ${wide ? 'max-w-3xl' : 'max-w-xl'}`}>
      <section className="rounded-16 border-t-8 border-key bg-surface p-5 shadow-1 md:p-8">
        {step ? <p className="text-sm font-bold text-key">{step}</p> : null}
        <h1 className="mt-1 text-2xl md:text-3xl">{title}</h1>
        {lead ? <div className="mt-3 text-ink-sub">{lead}</div> : null}
        <div className="mt-6">{children}</div>
      </section>
    </div>
  );
}
