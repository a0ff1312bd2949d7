import { useEffect, useRef } from 'react';

type ErrorSummaryProps = {
  /** Field id → message, as `parseForm` returns them. Each links to `#<field id>`. */
  errors: Record<string, string>;
  title?: string;
};

/**
 * GOV.UK error summary, placed at the top of the main content. It takes focus when it appears, so a screen reader
 * announces it after a client-side submission; without JavaScript, the page title starting "Error: " does that job.
 */
export function ErrorSummary({ errors, title = 'There is a problem' }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  const signature = JSON.stringify(entries);

  useEffect(() => {
    if (signature !== '[]') ref.current?.focus();
  }, [signature]);

  if (entries.length === 0) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      aria-labelledby="error-summary-title"
      className="mb-8 border-[5px] border-danger p-4 focus:outline focus:outline-[3px] focus:outline-offset-0 focus:outline-focus md:p-6"
    >
      <div role="alert">
        <h2 id="error-summary-title" className="mb-4 text-2xl font-bold">
          {title}
        </h2>
        <ul className="space-y-2">
          {entries.map(([fieldId, message]) => (
            <li key={fieldId}>
              <a href={`#${fieldId}`} className="font-bold text-danger visited:text-danger hover:text-danger">
                {message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
