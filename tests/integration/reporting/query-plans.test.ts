import { describe, expect, it } from 'vitest';
import { Prisma } from '~/generated/prisma/client';
import { prisma } from '~/lib/db.server';
import { reportQueries } from '~/modules/reporting/definitions.server';
import type { ReportFilter } from '~/modules/reporting/report-filter';

// STYLE.md §7: the report statements never scan a whole table, and the ones that range over a year of households
// (the cohort and the activity counts) read only the reporting_covering_indexes migration's indexes, never the
// household rows: at 1,000,000 households that is about 900 ms against 25 ms for the cohort
// (tests/benchmarks/reporting-scale.ts). Which index serves a join depends on the statistics of a full database,
// so the joins are timed by the benchmark rather than pinned here.
const BASE: ReportFilter = { from: '2025-04-01', to: '2026-03-31', asAt: '2026-03-31', councilId: null, route: null };
const FILTERS: [string, ReportFilter][] = [
  ['all councils, both routes', BASE],
  ['one council, both routes', { ...BASE, councilId: 'derbyshire' }],
  ['one council, one route', { ...BASE, councilId: 'derbyshire', route: 'kinship' }],
];
const HOUSEHOLD_RANGES = new Set(['cohortConversion', 'activityInPeriod']);

async function planOf(query: Prisma.Sql) {
  const rows = await prisma.$queryRaw<{ detail: string }[]>(Prisma.sql`EXPLAIN QUERY PLAN ${query}`);
  return rows.map((row) => row.detail);
}

describe('report query plans', () => {
  for (const [name, build] of Object.entries(reportQueries)) {
    for (const [label, filter] of FILTERS) {
      it(`${name} (${label}) never scans a whole table`, async () => {
        const plan = await planOf(build(filter));
        const accesses = plan.filter((line) => /^(SCAN|SEARCH) [adh]\b/.test(line));
        expect(accesses.length, plan.join('\n')).toBeGreaterThan(0);
        for (const line of accesses) expect(line, plan.join('\n')).toMatch(/^SEARCH /);
        if (HOUSEHOLD_RANGES.has(name)) {
          for (const line of accesses.filter((access) => access.startsWith('SEARCH h '))) {
            expect(line, plan.join('\n')).toMatch(/USING COVERING INDEX Household_\w+_idx/);
          }
        }
      });
    }
  }
});
