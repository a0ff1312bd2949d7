import type { ReactNode } from 'react';

export function InsetText({ children }: { children: ReactNode }) {
  return <div className="my-8 border-l-[10px] border-line py-4 pl-4">{children}</div>;
}
