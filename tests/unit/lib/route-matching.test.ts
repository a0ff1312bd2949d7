import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AgnosticRouteObject } from '@remix-run/router';
import { describe, expect, it } from 'vitest';

// patches/@remix-run+router+1.23.3.patch (decision 015) makes the server's route matching remember each route tree's
// ranked branches and compiled paths. These tests load the copy the server loads (the CommonJS build) and check the
// patch is there and that matching still follows React Router's ranking rules, repeatedly and for different trees.

const require = createRequire(import.meta.url);
const routerFile = require.resolve('@remix-run/router');
const { matchRoutes } = require('@remix-run/router') as typeof import('@remix-run/router');

type Route = AgnosticRouteObject;

const tree = (): Route[] => [
  {
    id: 'root',
    path: '',
    children: [
      { id: 'home', index: true },
      { id: 'enquire', path: 'enquire' },
      { id: 'enquire-received', path: 'enquire/received' },
      {
        id: 'hub',
        path: 'hub',
        children: [
          { id: 'hub-home', index: true },
          { id: 'household', path: 'households/:householdId' },
          { id: 'household-new', path: 'households/new' },
          { id: 'csv', path: 'reports/csv/:table?' },
        ],
      },
      { id: 'not-found', path: '*' },
    ],
  },
];

const leafOf = (routes: Route[], pathname: string) => matchRoutes(routes, pathname)?.at(-1)?.route.id;

describe('route matching on the server', () => {
  it('runs the patched copy of the router', () => {
    expect(routerFile).toMatch(/router\.cjs\.js$/);
    expect(readFileSync(routerFile, 'utf8')).toContain('rankedBranchesByRoutes');
  });

  it('ranks static segments over dynamic ones, indexes, optional segments and the catch-all, every time', () => {
    const routes = tree();
    for (let round = 0; round < 3; round += 1) {
      expect(leafOf(routes, '/')).toBe('home');
      expect(leafOf(routes, '/enquire')).toBe('enquire');
      expect(leafOf(routes, '/enquire/received/')).toBe('enquire-received');
      expect(leafOf(routes, '/hub')).toBe('hub-home');
      expect(leafOf(routes, '/hub/households/new')).toBe('household-new');
      expect(leafOf(routes, '/hub/households/c123')).toBe('household');
      expect(matchRoutes(routes, '/hub/households/c123')?.at(-1)?.params).toEqual({ householdId: 'c123' });
      expect(leafOf(routes, '/HUB/Reports/CSV')).toBe('csv');
      expect(matchRoutes(routes, '/hub/reports/csv/funnel')?.at(-1)?.params).toEqual({ table: 'funnel' });
      expect(leafOf(routes, '/nowhere/at/all')).toBe('not-found');
    }
  });

  it('answers each route tree from its own routes', () => {
    const first = tree();
    const second: Route[] = [{ id: 'only', path: 'enquire/:step' }];

    expect(leafOf(first, '/enquire')).toBe('enquire');
    expect(leafOf(second, '/enquire')).toBeUndefined();
    expect(leafOf(second, '/enquire/about-you')).toBe('only');
    expect(leafOf(first, '/enquire/about-you')).toBe('not-found');
  });
});
