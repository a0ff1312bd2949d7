import type { ReactNode } from 'react';

/** GOV.UK details around a small form on a record page: `open` when that form came back refused. */
export function Details({ id, summary, open, children }: { id: string; summary: string; open: boolean; children: ReactNode }) {
  return (
    <details id={id} open={open} className="mb-4">
      <summary className="cursor-pointer py-2 text-lg text-brand underline">{summary}</summary>
      <div className="mt-4 border-l-[5px] border-line pl-4">{children}</div>
    </details>
  );
}
