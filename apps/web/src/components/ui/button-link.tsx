import { Link, type LinkProps } from '@tanstack/react-router';
import type { ReactNode } from 'react';

const STYLES = {
  primary: 'bg-key text-white hover:bg-key-dark hover:text-white',
  secondary: 'border-2 border-key bg-surface text-key hover:bg-key-light',
} as const;

/** A router link styled as a button (DA "ボタン" look), min 44 px tall for touch. */
export function ButtonLink({
  variant = 'primary',
  children,
  ...props
}: LinkProps & { variant?: keyof typeof STYLES; children: ReactNode }) {
  return (
    <Link
      {...props}
      className={`inline-flex min-h-11 items-center justify-center rounded-8 px-5 py-2 font-bold no-underline ${STYLES[variant]}`}
    >
      {children}
    </Link>
  );
}
