import { Link } from '@remix-run/react';

type PaginationProps = {
  /** Cursor-based: the loader works out both hrefs (STYLE.md §7); null or absent hides the link. */
  previousHref?: string | null;
  nextHref?: string | null;
  label?: string;
};

export function Pagination({ previousHref, nextHref, label = 'Pagination' }: PaginationProps) {
  if (!previousHref && !nextHref) return null;
  return (
    <nav aria-label={label} className="mb-8 flex flex-wrap justify-between gap-4">
      {previousHref ? (
        <Link to={previousHref} rel="prev" className="font-bold">
          <span aria-hidden="true">← </span>Previous<span className="sr-only"> page</span>
        </Link>
      ) : (
        <span />
      )}
      {nextHref ? (
        <Link to={nextHref} rel="next" className="font-bold">
          Next<span className="sr-only"> page</span>
          <span aria-hidden="true"> →</span>
        </Link>
      ) : null}
    </nav>
  );
}
