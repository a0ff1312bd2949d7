import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { describe, expect, it } from 'vitest';

// Every loader and action under app/routes, called without a cookie, must send the person to sign in (STYLE.md §4).
// A new route that forgets requireViewer fails here unless it is added, on purpose, to the public list below.

type RouteModule = {
  loader?: (args: LoaderFunctionArgs) => unknown;
  action?: (args: ActionFunctionArgs) => unknown;
};

const routeModules = import.meta.glob<RouteModule>('../../../app/routes/*.{ts,tsx}');

/** Route files (without extension) that anyone may reach signed out; a trailing * matches a prefix. */
const PUBLIC_ROUTES = [
  '_public*', // the public website and enquiry form
  'login', // staff sign-in
  'login_.verify', // the applicant's emailed sign-in link lands here
  'logout',
  'forgot-password',
  'reset-password.$token',
  'apply_.sign-in', // applicants ask for a sign-in link
  'healthz',
  '$', // the 404 page
  'dev.mailbox*', // development only: answers 404 in production
] as const;

function matches(entry: string, routeName: string) {
  return entry.endsWith('*') ? routeName.startsWith(entry.slice(0, -1)) : routeName === entry;
}

function isPublic(routeName: string) {
  return PUBLIC_ROUTES.some((entry) => matches(entry, routeName));
}

const routes = Object.entries(routeModules).map(([file, load]) => ({
  name: file.replace(/^.*\/routes\//, '').replace(/\.tsx?$/, ''),
  load,
}));

/** The URL and params a flat-route file name stands for: `hub.households.$householdId` → /hub/households/sweep-id. */
function addressOf(routeName: string) {
  const params: Record<string, string> = {};
  const segments = routeName
    .split(/\.(?![^[]*\])/)
    .map((segment) => segment.replace(/_$/, ''))
    .filter((segment) => segment !== '_index' && !segment.startsWith('_'))
    .map((segment) => {
      if (segment === '$') return (params['*'] = 'anything');
      if (segment.startsWith('$')) return (params[segment.slice(1)] = 'sweep-id');
      return segment.replace(/\[(.*?)\]/g, '$1');
    });
  return { url: `http://localhost:3000/${segments.join('/')}`, params };
}

function isDataWithStatus(value: unknown): value is { type: 'DataWithResponseInit'; init: ResponseInit | null } {
  return typeof value === 'object' && value !== null && 'type' in value && value.type === 'DataWithResponseInit';
}

async function answerOf(run: () => unknown) {
  let value: unknown;
  try {
    value = await run();
  } catch (thrown) {
    value = thrown;
  }
  if (value instanceof Response) return { status: value.status, location: value.headers.get('Location') };
  if (isDataWithStatus(value)) return { status: value.init?.status ?? 200, location: null };
  if (value instanceof Error) throw value;
  return { status: 200, location: null };
}

const SIGN_IN = /^\/(login|apply\/sign-in)\?redirectTo=/;

describe('route auth sweep', () => {
  it('finds the route modules', () => {
    expect(routes.map((route) => route.name)).toEqual(expect.arrayContaining(['hub._index', 'council._index', 'reports._index']));
  });

  it('has no stale entries on the public list', () => {
    const stale = PUBLIC_ROUTES.filter((entry) => !routes.some((route) => matches(entry, route.name)));
    expect(stale).toEqual([]);
  });

  for (const route of routes.filter((candidate) => !isPublic(candidate.name))) {
    it(`${route.name} sends a signed-out visitor to sign in`, async () => {
      const routeModule = await route.load();
      const { url, params } = addressOf(route.name);
      const handlers = [
        routeModule.loader && (() => routeModule.loader?.({ request: new Request(url), params, context: {} })),
        routeModule.action &&
          (() =>
            routeModule.action?.({
              request: new Request(url, {
                method: 'POST',
                headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
                body: 'intent=sweep',
              }),
              params,
              context: {},
            })),
      ].filter((handler) => handler !== undefined);

      for (const handler of handlers) {
        const answer = await answerOf(handler);
        expect(answer.status).toBe(302);
        expect(answer.location).toMatch(SIGN_IN);
      }
    });
  }
});
