import { Link } from '@remix-run/react';
import type { ReactNode } from 'react';

export function BackLink({ to, children = 'Back' }: { to: string; children?: ReactNode }) {
  return (
    <Link to={to} className="mb-4 mt-4 inline-block text-base text-ink visited:text-ink">
      <span aria-hidden="true">‹ </span>
      {children}
    </Link>
  );
}
