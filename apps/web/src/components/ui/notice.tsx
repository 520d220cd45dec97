import type { ReactNode } from 'react';

const TONES = {
  info: { box: 'border-key bg-key-light', icon: 'ℹ', role: 'status' },
  success: { box: 'border-success bg-surface', icon: '✓', role: 'status' },
  warning: { box: 'border-warning bg-notice-bg', icon: '!', role: 'status' },
  error: { box: 'border-error bg-surface', icon: '⚠', role: 'alert' },
} as const;

/**
 * A message box (DA "お知らせ" pattern): colour plus an icon and a title, never colour alone. Errors are alerts
 * (announced at once); the rest are polite status messages.
 */
export function Notice({
  tone,
  title,
  children,
  className,
  id,
}: {
  tone: keyof typeof TONES;
  title?: ReactNode;
  children?: ReactNode;
  className?: string;
  id?: string;
}) {
  const t = TONES[tone];
  return (
    <div id={id} role={t.role} className={`flex gap-3 rounded-8 border-l-8 border-y border-r p-4 ${t.box} ${className ?? ''}`}>
      <span
        aria-hidden="true"
        className="mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full bg-ink text-sm font-bold text-white"
      >
        {t.icon}
      </span>
      <div className="min-w-0">
        {title ? <p className="font-bold">{title}</p> : null}
        {children ? <div className={title ? 'mt-1' : ''}>{children}</div> : null}
      </div>
    </div>
  );
}
