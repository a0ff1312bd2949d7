import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, Links, Meta, Outlet, Scripts, ScrollRestoration, UNSAFE_RemixContext } from '@remix-run/react';
import { useContext, type ContextType, type ReactNode } from 'react';
import { UNSAFE_DataRouterStateContext } from 'react-router-dom';

import { errorPageTitle, StandaloneErrorPage } from '~/components/layout/ErrorPage';
import { requestId } from '~/lib/http.server';
import { useNonce } from '~/lib/nonce';
import stylesheet from '~/tailwind.css?url';

const SERVICE_NAME = 'Foster for East Midlands';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: stylesheet }];

export const meta: MetaFunction = ({ error }) => [
  { title: error ? `${errorPageTitle(error)} – ${SERVICE_NAME}` : SERVICE_NAME },
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
        <MetaWithErrorTitle />
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

const ERROR_TITLE_PREFIX = 'Error: ';

/**
 * <Meta />, with "Error: " at the start of the title while a form on the page has field errors (STYLE.md §5).
 * Remix 2 meta functions never see action data, so a failed POST cannot set its own title. The router state holds
 * every matched route's action and loader data, in the server render of a no-JavaScript POST as well as in the
 * browser, so this checks it for `fieldErrors` (from parseForm) and hands <Meta /> route modules whose meta
 * functions prefix their title. <Meta /> still renders the one <title>, from the deepest route as usual.
 */
function MetaWithErrorTitle() {
  const remix = useContext(UNSAFE_RemixContext);
  const router = useContext(UNSAFE_DataRouterStateContext);
  const formHasErrors =
    router?.matches.some(({ route }) => hasFieldErrors(router.actionData?.[route.id]) || hasFieldErrors(router.loaderData[route.id])) ??
    false;
  if (!remix || !formHasErrors) return <Meta />;
  const routeModules: RouteModules = {};
  for (const [routeId, routeModule] of Object.entries(remix.routeModules)) {
    routeModules[routeId] = routeModule && withErrorTitle(routeModule);
  }
  return (
    <UNSAFE_RemixContext.Provider value={{ ...remix, routeModules }}>
      <Meta />
    </UNSAFE_RemixContext.Provider>
  );
}

type RouteModules = NonNullable<ContextType<typeof UNSAFE_RemixContext>>['routeModules'];
type RouteModule = NonNullable<RouteModules[string]>;

function hasFieldErrors(routeData: unknown): boolean {
  if (typeof routeData !== 'object' || routeData === null || !('fieldErrors' in routeData)) return false;
  const { fieldErrors } = routeData;
  return typeof fieldErrors === 'object' && fieldErrors !== null && Object.keys(fieldErrors).length > 0;
}

function withErrorTitle(routeModule: RouteModule): RouteModule {
  const { meta } = routeModule;
  if (!meta) return routeModule;
  return {
    ...routeModule,
    // A child's meta may copy its parent's descriptors, which are prefixed already.
    meta: (args) =>
      meta(args)?.map((descriptor) =>
        'title' in descriptor && !String(descriptor.title).startsWith(ERROR_TITLE_PREFIX)
          ? { title: `${ERROR_TITLE_PREFIX}${String(descriptor.title)}` }
          : descriptor,
      ),
  };
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <StandaloneErrorPage />;
}
