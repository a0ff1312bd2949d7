import { beforeAll, describe, expect, it, vi } from 'vitest';

// STYLE.md §7: the hottest household queries are served by an index, checked with EXPLAIN QUERY PLAN on the SQL
// Prisma really sends. Before any app module loads, the shared client is replaced by one that logs its queries
// (lib/db.server.ts reuses a client already on globalThis, as it does across dev reloads).
const sent = await vi.hoisted(async () => {
  const { PrismaBetterSqlite3 } = await import('@prisma/adapter-better-sqlite3');
  const { PrismaClient } = await import('~/generated/prisma/client');
  const client = new PrismaClient({
    adapter: new PrismaBetterSqlite3({ url: process.env.DATABASE_URL ?? '' }),
    log: [{ emit: 'event', level: 'query' }],
  });
  const queries: { sql: string; params: string }[] = [];
  client.$on('query', (event) => queries.push({ sql: event.query, params: event.params }));
  (globalThis as { prisma?: unknown }).prisma = client;
  return queries;
});

const { prisma } = await import('~/lib/db.server');
const { DEFAULT_FILTER } = await import('~/modules/households/filters');
const { countHouseholds, getHouseholdBoard, getHubOverview, listHouseholdsPage } = await import('~/modules/households/households.server');
const { createHousehold, createViewer } = await import('../../support/factories');

const TODAY = '2026-04-27';

/** The plan's lines, for the one statement sent whose SQL matches. */
async function planOf(matches: (sql: string) => boolean): Promise<string[]> {
  const statement = sent.find((query) => matches(query.sql));
  if (!statement) throw new Error('No such statement was sent');
  const params: unknown[] = JSON.parse(statement.params);
  const rows = await prisma.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${statement.sql}`, ...params);
  return rows.map((row) => row.detail);
}

beforeAll(async () => {
  for (const stage of ['enquiry.received', 'enquiry.contacted', 'assessment.stage1', 'closed']) {
    const household = await createHousehold({ stage, councilId: 'derbyshire' });
    await prisma.household.update({ where: { id: household.id }, data: { nextDueOn: '2026-04-01' } });
  }
});

describe('query plans', () => {
  it('finds every column’s cards on the unfiltered board in two statements: ids from the [stage, updatedAt, id] index alone, then rows by id', async () => {
    const hub = await createViewer('hubManager');
    sent.length = 0;
    await getHouseholdBoard(hub, DEFAULT_FILTER, TODAY);

    const isIdsStatement = (sql: string) => sql.startsWith('SELECT * FROM (SELECT ') && sql.includes('FROM "Household" WHERE "stage" IN');
    const isRowsStatement = (sql: string) => /WHERE `main`\.`Household`\.`id` IN/.test(sql);
    expect(sent.filter((query) => isIdsStatement(query.sql))).toHaveLength(1);
    expect(sent.filter((query) => isRowsStatement(query.sql))).toHaveLength(1);
    // Two columns have households here (the enquiry stages and Stage 1), so the statement joins two reads.
    const plan = (await planOf(isIdsStatement)).join('\n');
    expect(plan.match(/USING COVERING INDEX Household_stage_updatedAt_id_idx \(stage=\?\)/g)).toHaveLength(2);
    const rows = await planOf(isRowsStatement);
    expect(rows.join('\n')).toMatch(/USING INDEX sqlite_autoindex_Household_1 \(id=\?\)/);
  });

  it('finds when each card arrived at its stage through the transitions’ household index, one row per card', async () => {
    const hub = await createViewer('hubManager');
    sent.length = 0;
    await getHouseholdBoard(hub, DEFAULT_FILTER, TODAY);

    const plan = (await planOf((sql) => sql.includes('FROM "PipelineTransition" t JOIN "Household" h'))).join('\n');
    expect(plan).toMatch(/SEARCH t USING INDEX PipelineTransition_householdId_\w+ \(householdId=\?\)/);
    expect(plan).toMatch(/SEARCH h USING INDEX sqlite_autoindex_Household_1 \(id=\?\)/);
  });

  it('reads a filtered board column one stage at a time along a [.., stage, updatedAt] index, without sorting', async () => {
    const hub = await createViewer('hubManager');
    sent.length = 0;
    await getHouseholdBoard(hub, { ...DEFAULT_FILTER, route: 'mainstream' }, TODAY);

    const plan = await planOf((sql) => /WHERE .*`main`\.`Household`\.`stage` = \?/.test(sql) && sql.includes('ORDER BY'));

    expect(plan.join('\n')).toMatch(/USING (COVERING )?INDEX Household_stage_updatedAt_id_idx \(stage=\?\)/);
    expect(plan.join('\n')).not.toContain('USE TEMP B-TREE FOR ORDER BY');
  });

  it('reads a filtered list that spans every open stage (overdue) one stage at a time, only where it has households', async () => {
    const hub = await createViewer('hubManager');
    sent.length = 0;
    const page = await listHouseholdsPage(hub, { ...DEFAULT_FILTER, overdue: true }, { take: 25, today: TODAY });

    expect(page.total).toBe(3);
    const pageReads = sent.filter((query) => /WHERE .*`main`\.`Household`\.`stage` = \?/.test(query.sql) && query.sql.includes('ORDER BY'));
    // Only the three stages that have overdue households are read.
    expect(pageReads.map((query) => (JSON.parse(query.params) as unknown[]).find((param) => typeof param === 'string' && param.includes('.')))).toEqual(
      expect.arrayContaining(['enquiry.received', 'enquiry.contacted', 'assessment.stage1']),
    );
    expect(pageReads).toHaveLength(3);
    // Which index serves each read depends on the table's statistics: at 100,000 households SQLite walks
    // [stage, updatedAt, id] (tests/benchmarks/workspace-latency.ts prints the figures); here it need only use one.
    const plan = await planOf((sql) => sql === pageReads[0].sql);
    expect(plan.join('\n')).toMatch(/USING (COVERING )?INDEX Household_stage_\w+_idx \(stage=\?/);
  });

  it('finds the hub home’s newest enquiries stage by stage along [stage, enquiryReceivedAt, id], and counts stalled cases along [stage, lastActivityAt, id]', async () => {
    const hub = await createViewer('hubManager');
    sent.length = 0;
    await getHubOverview(hub, TODAY);

    const newest = await planOf((sql) => sql.includes('ORDER BY `main`.`Household`.`enquiryReceivedAt` DESC'));
    expect(newest.join('\n')).toMatch(/USING (COVERING )?INDEX Household_stage_enquiryReceivedAt_id_idx \(stage=\?\)/);
    expect(newest.join('\n')).not.toContain('USE TEMP B-TREE');
    const stalled = await planOf((sql) => sql.includes('COUNT(') && sql.includes('lastActivityAt'));
    expect(stalled.join('\n')).toMatch(/USING COVERING INDEX Household_stage_lastActivityAt_id_idx \(stage=\? AND lastActivityAt<\?\)/);
  });

  it('counts a council’s overdue households along the [councilId, stage, nextDueOn] index', async () => {
    const hub = await createViewer('hubManager');
    sent.length = 0;
    const count = await countHouseholds(hub, { ...DEFAULT_FILTER, councilId: 'derbyshire', overdue: true }, TODAY);

    const plan = await planOf((sql) => sql.includes('COUNT(') && sql.includes('nextDueOn'));

    // The three open households are overdue; the closed one is not, whatever its stored date.
    expect(count).toBe(3);
    expect(plan.join('\n')).toMatch(
      /USING (COVERING )?INDEX Household_councilId_stage_nextDueOn_idx \(councilId=\? AND stage=\? AND nextDueOn<\?\)/,
    );
    expect(plan.join('\n')).not.toContain('USE TEMP B-TREE');
  });
});
