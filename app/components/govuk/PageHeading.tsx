import type { ReactNode } from 'react';

type PageHeadingProps = {
  children: ReactNode;
  /** A caption above the heading, such as the section or household reference. */
  caption?: ReactNode;
  size?: 'xl' | 'l' | 'm';
};

const SIZES = { xl: 'text-4xl md:text-5xl', l: 'text-3xl md:text-4xl', m: 'text-2xl md:text-3xl' } as const;

export function PageHeading({ children, caption, size = 'l' }: PageHeadingProps) {
  return (
    <h1 className={`mb-8 font-bold leading-tight ${SIZES[size]}`}>
      {caption ? <span className="mb-1 block text-lg font-normal text-muted md:text-xl">{caption}</span> : null}
      {children}
    </h1>
  );
}
