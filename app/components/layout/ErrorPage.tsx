import { isRouteErrorResponse, Link, useRouteError, useRouteLoaderData } from '@remix-run/react';
import type { ReactNode } from 'react';

import { PageHeading } from '~/components/govuk/PageHeading';
import type { loader as rootLoader } from '~/root';

type ErrorExplanation = { title: string; body: ReactNode };

/** A plain-English page for each status (STYLE.md §8). Unexpected errors show no detail at all. */
function explain(error: unknown): ErrorExplanation {
  if (!isRouteErrorResponse(error)) {
    return { title: 'Sorry, there is a problem with the service', body: <p className="mb-4">Try again later.</p> };
  }
  const message = messageOf(error.data);
  switch (error.status) {
    case 400:
      return {
        title: 'There is a problem with your request',
        body: <p className="mb-4">{message ?? 'Go back, check what you entered and try again.'}</p>,
      };
    case 403:
      return {
        title: 'You cannot see this page',
        body: (
          <p className="mb-4">{message ?? 'Your account does not give you access to this page. If you think it should, ask your manager.'}</p>
        ),
      };
    case 404:
      return {
        title: 'Page not found',
        body: (
          <>
            <p className="mb-4">If you typed the web address, check it is correct.</p>
            <p className="mb-4">If you pasted the web address, check you copied the entire address.</p>
          </>
        ),
      };
    case 409:
      return {
        title: 'This record has changed',
        body: <p className="mb-4">{message ?? 'Someone else changed this record. Reload the page to see the latest.'}</p>,
      };
    case 429:
      return {
        title: 'Too many attempts',
        body: <p className="mb-4">{message ?? 'Wait a few minutes, then try again.'}</p>,
      };
    default:
      return { title: 'Sorry, there is a problem with the service', body: <p className="mb-4">Try again later.</p> };
  }
}

function messageOf(data: unknown): string | undefined {
  if (typeof data === 'object' && data !== null && 'message' in data && typeof data.message === 'string') {
    return data.message;
  }
  return undefined;
}

export function errorPageTitle(error: unknown): string {
  return explain(error).title;
}

type WayBack = { to: string; label: string };

const SERVICE_HOME: WayBack = { to: '/', label: 'Go to the Foster for East Midlands home page' };

/**
 * The body of the error page for the route error being rendered: what went wrong, the request id to quote (the one
 * in the server's logs) and a way back. Put it inside an area's layout, or use StandaloneErrorPage where there is none.
 */
export function ErrorPage({ wayBack = SERVICE_HOME }: { wayBack?: WayBack }) {
  const error = useRouteError();
  const requestId = useRouteLoaderData<typeof rootLoader>('root')?.requestId;
  const { title, body } = explain(error);
  return (
    <>
      <PageHeading>{title}</PageHeading>
      {body}
      {requestId ? (
        <p className="mb-4 text-base text-muted">
          If you contact us about this, quote reference <span className="font-mono">{requestId}</span>.
        </p>
      ) : null}
      <p className="mb-4">
        <Link to={wayBack.to}>{wayBack.label}</Link>
      </p>
    </>
  );
}

/** The error page with its own main landmark, for the root and for an area whose layout could not load. */
export function StandaloneErrorPage() {
  return (
    <main id="main-content" tabIndex={-1} className="govuk-width-container block py-8 md:py-10">
      <ErrorPage />
    </main>
  );
}
