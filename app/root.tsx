import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react';
import type { ReactNode } from 'react';

import { PageHeading } from '~/components/govuk/PageHeading';
import { requestId } from '~/lib/http.server';
import { useNonce } from '~/lib/nonce';
import stylesheet from '~/tailwind.css?url';

const SERVICE_NAME = 'Foster for East Midlands';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: stylesheet }];

export const meta: MetaFunction = ({ error }) => [
  { title: error ? `${errorPageFor(error).title} – ${SERVICE_NAME}` : SERVICE_NAME },
];

export function loader({ request }: LoaderFunctionArgs) {
  return { requestId: requestId(request) };
}

// With single fetch every loader of a navigation runs in one request, so revalidating the root each time gives
// the error page the id of the request that actually failed, which is the one in the server's logs.
export const shouldRevalidate = () => true;

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="en-GB" className="h-full">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0b0c0c" />
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-full flex-col">
        <a
          href="#main-content"
          className="sr-only bg-focus p-3 text-ink underline focus:not-sr-only focus:block focus:text-ink"
        >
          Skip to main content
        </a>
        <header className="border-b-[10px] border-brand bg-ink text-white">
          <div className="govuk-width-container py-3">
            <Link to="/" className="link-inverse text-xl font-bold md:text-2xl">
              {SERVICE_NAME}
            </Link>
          </div>
        </header>
        <div className="flex-1">{children}</div>
        <footer className="mt-8 border-t border-line bg-surface py-8 text-base text-muted">
          <div className="govuk-width-container">
            <p>{SERVICE_NAME} is a partnership of Derby City, Derbyshire, Nottingham City and Nottinghamshire councils.</p>
          </div>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

type ErrorPage = { title: string; body: ReactNode };

/** A plain-English page for each status (STYLE.md §8). Unexpected errors show no detail at all. */
function errorPageFor(error: unknown): ErrorPage {
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

export function ErrorBoundary() {
  const error = useRouteError();
  const rootData = useRouteLoaderData<typeof loader>('root');
  const page = errorPageFor(error);
  return (
    <main id="main-content" tabIndex={-1} className="govuk-width-container block py-8 md:py-10">
      <PageHeading>{page.title}</PageHeading>
      {page.body}
      {rootData?.requestId ? (
        <p className="mb-4 text-base text-muted">
          If you contact us about this, quote reference <span className="font-mono">{rootData.requestId}</span>.
        </p>
      ) : null}
      <p className="mb-4">
        <Link to="/">Go to the {SERVICE_NAME} home page</Link>
      </p>
    </main>
  );
}
