// Reporting at national scale (issue 6). On a generated dataset of 1,000,000 households over ten years
// (reporting-dataset.ts, cached under tests/.db/), it times:
//   1. each report definition as the dashboard and the CLI call it, in-process through Prisma, side by side in the
//      same run with the same statement (definitions.server.ts `reportQueries`) run directly in SQLite through
//      better-sqlite3 with the same arithmetic on top (the floor), interleaved so the shared machine's load falls on
//      both alike; the target is within 2× of the floor;
//   2. the dashboard page /reports/conversion on the production build under a bounded autocannon load, signed in as
//      the regional viewer and as Derbyshire's fostering manager; the target is p95 under 300 ms.
// Prints a table; exits non-zero only when a figure differs between the two paths or a page answers wrongly,
// never on timing (STYLE.md §9). Options: --households N (default 1,000,000), --iterations N (default 30),
// --requests N (default 200), --no-http. Run `npx remix vite:build` first for the HTTP part.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import type { ReportFilter } from '../../app/modules/reporting/report-filter.ts';
import { reportingDataset } from './reporting-dataset.ts';
import { startProductionServer, stopServer } from './support.ts';

const { values: options } = parseArgs({
  options: {
    households: { type: 'string', default: '1000000' },
    iterations: { type: 'string', default: '30' },
    requests: { type: 'string', default: '200' },
    'no-http': { type: 'boolean', default: false },
  },
});
const HOUSEHOLDS = Number(options.households);
const ITERATIONS = Number(options.iterations);
const REQUESTS = Number(options.requests);
const WARM_UP = 3;
// One manager at a time (the page's own time), then four at once queueing on the one server process.
const CONNECTION_COUNTS = [1, 4];
const PORT = 3214; // 3100 Playwright, 3211 sign-in, 3212 workspace, 3213 enquiries
const ORIGIN = `http://127.0.0.1:${PORT}`;
const SESSION_SECRET = 'benchmark-session-secret-long-enough-0123456789';
const PAGE_TARGET_MS = 300;
const FLOOR_FACTOR_TARGET = 2;
const PHASE_TIME_LIMIT_MS = 180_000;
const SERVER_IDLE_TIME_LIMIT_MS = 300_000;

const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const formatMs = (value: number) => (Number.isNaN(value) ? '–' : `${value.toFixed(1)} ms`);
let failures = 0;
function fail(message: string) {
  failures += 1;
  console.error(`  WRONG: ${message}`);
}

console.log(`Load average at the start: ${loadAverage()}`);
const dataset = await reportingDataset(path.resolve(import.meta.dirname, '..', '.db'), HOUSEHOLDS);
console.log(`Dataset ${path.basename(dataset.file)}: ${dataset.generated ? 'generated' : 'cached'}, ready in ${dataset.seconds.toFixed(1)} s`);

process.env.DATABASE_URL = dataset.url;
process.env.APP_ENV = 'test';
process.env.SESSION_SECRET = SESSION_SECRET;
const { applyConnectionPragmas, prisma } = await import('../../app/lib/db.server.ts');
const {
  activityInPeriod,
  cohortConversion,
  cohortFigures,
  reportQueries,
  resignationFigures,
  resignations,
  timeToApproval,
  timeToApprovalFigures,
} = await import('../../app/modules/reporting/definitions.server.ts');
const { runReportCli } = await import('../../app/modules/reporting/report-cli.server.ts');
const { lastFullFinancialYear } = await import('../../app/modules/reporting/dashboard-filter.ts');
const { formatCsv } = await import('../../app/modules/reporting/report-cli.ts');
const { todayInLondon } = await import('../../app/lib/uk.ts');
const { createSession } = await import('../../app/modules/auth/sessions.server.ts');
const { buildTargets } = await import('../../prisma/seed/configuration.ts');

await applyConnectionPragmas();
const sqlite = new Database(dataset.file, { readonly: true });

const counts = sqlite
  .prepare('SELECT (SELECT COUNT(*) FROM Household) AS households, (SELECT COUNT(*) FROM Approval) AS approvals, (SELECT COUNT(*) FROM Deregistration) AS deregistrations')
  .get() as { households: number; approvals: number; deregistrations: number };
console.log(
  `${counts.households.toLocaleString('en-GB')} households, ${counts.approvals.toLocaleString('en-GB')} approvals, ` +
    `${counts.deregistrations.toLocaleString('en-GB')} deregistrations`,
);

// ---------------------------------------------------------------- the floor: the same statements in SQLite

const statements = new Map<string, Database.Statement>();
/** Runs one of the definitions' own statements through better-sqlite3 (prepared once per SQL text). */
function direct(sql: { sql: string; values: unknown[] }) {
  let statement = statements.get(sql.sql);
  if (!statement) {
    statement = sqlite.prepare(sql.sql);
    statements.set(sql.sql, statement);
  }
  return statement;
}
type Counts = Record<string, number>;

const floors = {
  cohortConversion(filter: ReportFilter) {
    const query = reportQueries.cohortConversion(filter);
    const row = direct(query).get(...query.values) as Counts;
    return cohortFigures({ enquiries: row.enquiries, applications: row.applications, approvals: row.approvals });
  },
  activityInPeriod(filter: ReportFilter) {
    const query = reportQueries.activityInPeriod(filter);
    const row = direct(query).get(...query.values) as Counts;
    return { enquiries: row.enquiries, applications: row.applications, approvals: row.approvals };
  },
  timeToApproval(filter: ReportFilter) {
    const query = reportQueries.timeToApproval(filter);
    return timeToApprovalFigures(direct(query).all(...query.values) as { applicationDays: number | null; enquiryDays: number }[]);
  },
  resignations(filter: ReportFilter) {
    const query = reportQueries.resignations(filter);
    const row = direct(query).get(...query.values) as Counts;
    return resignationFigures({
      householdsAtStart: row.householdsAtStart,
      approvals: row.approvals,
      deregistrations: row.deregistrations,
      resignations: row.resignations,
    });
  },
};

// ---------------------------------------------------------------- in-process timings

const today = todayInLondon();
const financialYear = lastFullFinancialYear(today);
const DASHBOARD_DEFAULT: ReportFilter = { ...financialYear, asAt: today, councilId: null, route: null };
const ONE_COUNCIL: ReportFilter = { ...financialYear, asAt: today, councilId: 'derbyshire', route: 'mainstream' };
const councilIds = (sqlite.prepare('SELECT id FROM Council ORDER BY id').all() as { id: string }[]).map((row) => row.id);

// The CLI's columns, in its order (report-cli.server.ts).
const CONVERSION_COLUMNS = ['enquiries', 'applications', 'approvals', 'enquiry_to_application_pct', 'application_to_approval_pct', 'enquiry_to_approval_pct'] as const;
const RESIGNATIONS_COLUMNS = ['households_at_start', 'approvals', 'resignations', 'other_endings', 'deregistrations', 'resignation_rate_pct', 'deregistration_rate_pct', 'net_change'] as const;

type Timed = { name: string; ms: number[]; floorMs: number[] };

function percentile(values: readonly number[], fraction: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

async function timeSideBySide(name: string, viaApp: () => Promise<unknown>, floor: () => unknown): Promise<Timed> {
  const appResult = await viaApp();
  const floorResult = floor();
  if (JSON.stringify(appResult) !== JSON.stringify(floorResult)) {
    fail(`${name}: the report gave ${JSON.stringify(appResult)} but SQLite directly gave ${JSON.stringify(floorResult)}`);
  }
  for (let index = 0; index < WARM_UP; index += 1) {
    await viaApp();
    floor();
  }
  const timed: Timed = { name, ms: [], floorMs: [] };
  for (let index = 0; index < ITERATIONS; index += 1) {
    let started = performance.now();
    await viaApp();
    timed.ms.push(performance.now() - started);
    started = performance.now();
    floor();
    timed.floorMs.push(performance.now() - started);
  }
  return timed;
}

const definitions = { cohortConversion, activityInPeriod, timeToApproval, resignations } as const;
const timings: Timed[] = [];
console.log(`\nIn-process timings (${ITERATIONS} runs each after ${WARM_UP} warm-up runs), load average ${loadAverage()}`);
for (const [label, filter] of [
  ['all councils', DASHBOARD_DEFAULT],
  ['Derbyshire, mainstream', ONE_COUNCIL],
] as const) {
  for (const name of Object.keys(definitions) as (keyof typeof definitions)[]) {
    timings.push(await timeSideBySide(`${name} (${label})`, () => definitions[name](filter), () => floors[name](filter)));
  }
}
// The CLI: a row per council plus `all`, as `npm run report` prints it, without the process start-up.
for (const report of ['conversion', 'resignations'] as const) {
  const args = [report, '--from', financialYear.from, '--to', financialYear.to];
  const floor = report === 'conversion' ? floors.cohortConversion : floors.resignations;
  timings.push(
    await timeSideBySide(
      `CLI ${report} (4 councils + all)`,
      async () => (await runReportCli(args, today)).stdout,
      () => {
        const rows = [...councilIds, null].map((councilId) => ({ council: councilId ?? 'all', figures: floor({ ...DASHBOARD_DEFAULT, councilId }) }));
        return report === 'conversion'
          ? formatCsv(CONVERSION_COLUMNS, rows as { council: string; figures: Record<(typeof CONVERSION_COLUMNS)[number], number | null> }[], CONVERSION_COLUMNS.slice(3))
          : formatCsv(RESIGNATIONS_COLUMNS, rows as { council: string; figures: Record<(typeof RESIGNATIONS_COLUMNS)[number], number | null> }[], ['resignation_rate_pct', 'deregistration_rate_pct']);
      },
    ),
  );
}

// The recruitment dashboard's figures counted afresh, as after any change to the data: the pages remember figures
// until the data changes (decision 014), so the HTTP phase below mostly measures remembered figures.
const { buildDashboardTables } = await import('../../app/modules/reporting/dashboard.server.ts');
const { cellMaker } = await import('../../app/modules/reporting/report-table.ts');
const freshDashboardMs: number[] = [];
for (let index = 0; index < WARM_UP + ITERATIONS; index += 1) {
  await prisma.$executeRaw`UPDATE ReportingDataVersion SET version = version + 1 WHERE id = 1`;
  const started = performance.now();
  await buildDashboardTables(DASHBOARD_DEFAULT, cellMaker(false));
  if (index >= WARM_UP) freshDashboardMs.push(performance.now() - started);
}

// ---------------------------------------------------------------- HTTP: the dashboard page

type PageResult = { name: string; path: string; connections: number; latencies: number[]; requestsPerSecond: number; stoppedEarly: boolean };

// The recruitment dashboard (funnel, reasons, sources, Mockingbird…) and the conversion page, each with its default filter.
const DASHBOARD_PAGES = [
  { path: '/reports/dashboard', heading: 'Recruitment dashboard' },
  { path: '/reports/conversion', heading: 'Conversion' },
] as const;

async function httpPhase(): Promise<PageResult[]> {
  if (!existsSync(new URL('../../build/server/index.js', import.meta.url))) {
    console.error('build/server/index.js is missing: run `npx remix vite:build` first (or pass --no-http).');
    failures += 1;
    return [];
  }
  if ((await prisma.target.count()) === 0) await prisma.target.createMany({ data: buildTargets() });
  const cookieFor = async (email: string, role: string, councilId: string | null) => {
    const user = await prisma.user.upsert({
      where: { email },
      create: { email, name: `Benchmark ${role}`, role, councilId, passwordHash: 'not used: the session is made directly' },
      update: {},
      select: { id: true },
    });
    return (await createSession(prisma, user.id, 'reporting-scale benchmark')).split(';')[0];
  };
  const scenarios = [
    { name: 'regional viewer (all councils)', cookie: await cookieFor('bench.regional.viewer@ffem.example', 'regionalViewer', null) },
    { name: 'Derbyshire fostering manager', cookie: await cookieFor('bench.fostering.manager@ffem.example', 'fosteringManager', 'derbyshire') },
  ];
  // The daily job at the server's start-up would otherwise write while we measure.
  await prisma.$disconnect();

  const server = await startProductionServer({ DATABASE_URL: dataset.url, APP_ENV: 'test', SESSION_SECRET }, PORT);
  try {
    if (server.pid === undefined) throw new Error('The server process has no pid');
    await waitForIdleServer(server.pid);
    for (const page of DASHBOARD_PAGES) {
      for (const scenario of scenarios) {
        const response = await fetch(`${ORIGIN}${page.path}`, { headers: { cookie: scenario.cookie }, redirect: 'manual' });
        const body = await response.text();
        if (response.status !== 200 || !body.includes(page.heading)) fail(`${scenario.name}: GET ${page.path} answered ${response.status}`);
      }
    }
    if (failures > 0) return [];
    const results: PageResult[] = [];
    for (const page of DASHBOARD_PAGES) {
      for (const scenario of scenarios) {
        for (const connections of CONNECTION_COUNTS) {
          await load(page.path, scenario.cookie, 10, connections);
          const measured = await load(page.path, scenario.cookie, REQUESTS, connections);
          results.push({ name: scenario.name, path: page.path, connections, ...measured });
          console.log(`${page.path}, ${scenario.name}, ${connections} connection(s): ${measured.latencies.length} requests, load average ${loadAverage()}`);
        }
      }
    }
    return results;
  } finally {
    await stopServer(server);
  }
}

function load(path: string, cookie: string, amount: number, connections: number): Promise<Omit<PageResult, 'name' | 'path' | 'connections'>> {
  const latencies: number[] = [];
  let other = 0;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let stoppedEarly = false;
    const instance = autocannon({ url: `${ORIGIN}${path}`, amount, connections, timeout: 30, headers: { cookie } }, (error) => {
      clearTimeout(timer);
      if (error) return reject(error);
      if (other > 0) fail(`${other} dashboard requests did not answer 200`);
      resolve({ latencies, requestsPerSecond: latencies.length / ((performance.now() - started) / 1000), stoppedEarly });
    });
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode === 200) latencies.push(responseTime);
      else other += 1;
    });
    const timer = setTimeout(() => {
      stoppedEarly = true;
      instance.stop();
    }, PHASE_TIME_LIMIT_MS);
  });
}

/** Waits until the server has used under 5% of a core for two seconds: its start-up daily job has finished. */
async function waitForIdleServer(pid: number) {
  const cpuTicks = () => {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(fields[11]) + Number(fields[12]);
  };
  const started = performance.now();
  let quietSamples = 0;
  let previous = cpuTicks();
  while (quietSamples < 4) {
    if (performance.now() - started > SERVER_IDLE_TIME_LIMIT_MS) {
      console.log('  The server was still busy after the time limit; measuring anyway.');
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    const current = cpuTicks();
    quietSamples = (current - previous) / 100 / 0.5 < 0.05 ? quietSamples + 1 : 0;
    previous = current;
  }
  console.log(`Server idle after ${((performance.now() - started) / 1000).toFixed(1)} s (its start-up daily job has run)`);
}

const pages = options['no-http'] ? [] : await httpPhase();
sqlite.close();
await prisma.$disconnect();

// ---------------------------------------------------------------- the table

function printTable(rows: string[][]) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  for (const [index, row] of rows.entries()) {
    console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  '));
    if (index === 0) console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  }
}

console.log(`\nReport functions vs the same aggregates run directly in SQLite (${counts.households.toLocaleString('en-GB')} households, period ${financialYear.from} to ${financialYear.to})`);
printTable([
  ['Report', 'p50', 'p95', 'Floor p50', 'Floor p95', '× floor (p50)', '× floor (p95)', `Within ${FLOOR_FACTOR_TARGET}×`],
  ...timings.map((timed) => {
    const [p50, p95, floor50, floor95] = [percentile(timed.ms, 0.5), percentile(timed.ms, 0.95), percentile(timed.floorMs, 0.5), percentile(timed.floorMs, 0.95)];
    return [
      timed.name,
      formatMs(p50),
      formatMs(p95),
      formatMs(floor50),
      formatMs(floor95),
      (p50 / floor50).toFixed(2),
      (p95 / floor95).toFixed(2),
      p95 <= FLOOR_FACTOR_TARGET * floor95 ? 'yes' : 'no',
    ];
  }),
]);
console.log(
  `\nRecruitment dashboard figures counted afresh after a change (all councils, ${ITERATIONS} runs): ` +
    `p50 ${formatMs(percentile(freshDashboardMs, 0.5))}, p95 ${formatMs(percentile(freshDashboardMs, 0.95))}`,
);
if (pages.length > 0) {
  console.log(`\nDashboard pages (default filter: ${financialYear.from} to ${financialYear.to}; figures remembered until the data changes)`);
  printTable([
    ['Page', 'Viewer', 'Connections', 'Requests', 'Req/s', 'p50', 'p95', 'p99', `p95 < ${PAGE_TARGET_MS} ms`],
    ...pages.map((page) => [
      page.path,
      page.name,
      String(page.connections),
      `${page.latencies.length}${page.stoppedEarly ? ' (time limit)' : ''}`,
      page.requestsPerSecond.toFixed(1),
      formatMs(percentile(page.latencies, 0.5)),
      formatMs(percentile(page.latencies, 0.95)),
      formatMs(percentile(page.latencies, 0.99)),
      percentile(page.latencies, 0.95) < PAGE_TARGET_MS ? 'yes' : 'no',
    ]),
  ]);
}
console.log(`\nLoad average at the end: ${loadAverage()} (a shared machine: figures are taken under other work's load)`);
if (failures > 0) {
  console.error(`${failures} correctness check(s) failed.`);
  process.exitCode = 1;
} else {
  console.log('Every report matched SQLite run directly (timings are reported, never asserted).');
}
