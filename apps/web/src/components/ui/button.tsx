import type { ComponentPropsWithRef, ReactNode } from 'react';

const BASE =
  'inline-flex min-h-11 items-center justify-center gap-2 rounded-8 px-5 py-2 text-base font-bold disabled:cursor-not-allowed disabled:opacity-60';

export const BUTTON_STYLES = {
  primary: `${BASE} bg-key text-white hover:bg-key-dark`,
  secondary: `${BASE} border-2 border-key bg-surface text-key hover:bg-key-light`,
  danger: `${BASE} border-2 border-error bg-surface text-error hover:bg-notice-bg`,
  dangerSolid: `${BASE} bg-error text-white hover:opacity-90`,
  text: 'inline-flex min-h-11 items-center px-1 font-bold text-key underline underline-offset-4 hover:decoration-2',
} as const;

/** DA-style button (44 px touch target). `busy` disables it and says so to assistive technology. */
export function Button({
  variant = 'primary',
  busy = false,
  children,
  className,
  type = 'button',
  ...rest
}: ComponentPropsWithRef<'button'> & { variant?: keyof typeof BUTTON_STYLES; busy?: boolean; children: ReactNode }) {
  return (
    <button
      type={type}
      {...rest}
      disabled={busy || rest.disabled}
      aria-busy={busy || undefined}
      className={`${BUTTON_STYLES[variant]} ${className ?? ''}`}
    >
      {busy ? <span aria-hidden="true" className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent" /> : null}
      {children}
    </button>
  );
}
