// Historical import throughput: 100,000 generated rows into a fresh database, then the same file again (all
// unchanged), then with 1% of rows corrected. Prints figures beside the 60-second target; exits non-zero only when
// the counts are wrong, never on timing (STYLE.md §9).
import { rmSync } from 'node:fs';
import path from 'node:path';
import {
  CLOSURE_REASONS_AFTER_APPLICATION,
  CLOSURE_REASONS_BEFORE_APPLICATION,
  COUNCIL_IDS,
  DEREGISTRATION_REASONS,
  HEADER,
  INTERESTS,
  SOURCES,
  seededRandom,
} from './household-csv.ts';
import { createBenchmarkDatabase } from './support.ts';

const ROWS = 100_000;
const TARGET_SECONDS = 60;
// Some lower case, so the import's postcode normalising is part of what is timed.
const POSTCODES = ['DE1 2FS', 'de22 3ab', 'NG1 5AB', 'NG18 1AA', 'S40 1LP', 'SK17 6AA', ''];

type Expected = {
  households: number;
  transitions: number;
  interests: number;
  approvals: number;
  deregistrations: number;
  memberships: number;
};

const START = Date.UTC(2014, 0, 1);
const DAY = 86_400_000;
const isoDay = (dayNumber: number) => new Date(START + dayNumber * DAY).toISOString().slice(0, 10);
const ukDay = (dayNumber: number) => {
  const [year, month, day] = isoDay(dayNumber).split('-');
  return `${day}/${month}/${year}`;
};

/** `correctEveryHundredth` moves the enquiry date of 1% of rows a day earlier: a realistic correction. */
function generateCsv(correctEveryHundredth: boolean): { text: string; expected: Expected } {
  const random = seededRandom(20260407);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const expected: Expected = { households: 0, transitions: 0, interests: 0, approvals: 0, deregistrations: 0, memberships: 0 };
  const lines = [HEADER];

  for (let index = 0; index < ROWS; index += 1) {
    const formatDate = random() < 0.5 ? isoDay : ukDay;
    let enquiry = Math.floor(random() * 3000) + 10;
    if (correctEveryHundredth && index % 100 === 0) enquiry -= 1;
    const shape = random();
    const route = shape > 0.95 ? 'kinship' : random() < 0.5 ? '' : 'mainstream';
    const interestCount = Math.floor(random() * 3);
    const interests = new Set<string>();
    for (let count = 0; count < interestCount; count += 1) interests.add(pick(INTERESTS));
    const cells = {
      application: '',
      approval: '',
      closed: '',
      closedReason: '',
      deregistration: '',
      deregistrationReason: '',
      mockingbird: '',
    };
    let transitions = 1;
    if (shape >= 0.4 && shape < 0.5) {
      cells.closed = formatDate(enquiry + 20);
      cells.closedReason = pick(CLOSURE_REASONS_BEFORE_APPLICATION);
      transitions += 1;
    } else if (shape >= 0.5) {
      const application = enquiry + 30 + Math.floor(random() * 60);
      cells.application = formatDate(application);
      transitions += 1;
      if (shape >= 0.6 && shape < 0.7) {
        cells.closed = formatDate(application + 40);
        cells.closedReason = pick(CLOSURE_REASONS_AFTER_APPLICATION);
        transitions += 1;
      } else if (shape >= 0.7) {
        const approval = application + 120 + Math.floor(random() * 120);
        cells.approval = formatDate(approval);
        transitions += 1;
        expected.approvals += 1;
        if (random() < 0.3) {
          cells.deregistration = formatDate(approval + 400);
          cells.deregistrationReason = pick(DEREGISTRATION_REASONS);
          expected.deregistrations += 1;
        }
        if (random() < 0.2) {
          cells.mockingbird = formatDate(approval + 100);
          expected.memberships += 1;
        }
      }
    }
    expected.households += 1;
    expected.transitions += transitions;
    expected.interests += interests.size;
    lines.push(
      [
        `BENCH-${String(index).padStart(6, '0')}`,
        COUNCIL_IDS[index % COUNCIL_IDS.length],
        route,
        [...interests].join(';'),
        pick(SOURCES),
        pick(POSTCODES),
        formatDate(enquiry),
        cells.application,
        cells.approval,
        cells.closed,
        cells.closedReason,
        cells.deregistration,
        cells.deregistrationReason,
        cells.mockingbird,
      ].join(','),
    );
  }
  return { text: `${lines.join('\n')}\n`, expected };
}

const database = await createBenchmarkDatabase();
process.env.DATABASE_URL = database.url;
process.env.APP_ENV = 'test';
const { applyConnectionPragmas, prisma } = await import('../../app/lib/db.server.ts');
const { importHistorical } = await import('../../app/modules/importing/historical.server.ts');
// WAL, as the server sets it at start-up.
await applyConnectionPragmas();

let failures = 0;
function check(label: string, actual: unknown, wanted: unknown) {
  if (JSON.stringify(actual) === JSON.stringify(wanted)) return;
  failures += 1;
  console.error(`  WRONG ${label}: expected ${JSON.stringify(wanted)}, got ${JSON.stringify(actual)}`);
}

async function storedCounts(): Promise<Expected> {
  return {
    households: await prisma.household.count(),
    transitions: await prisma.pipelineTransition.count(),
    interests: await prisma.householdInterest.count(),
    approvals: await prisma.approval.count(),
    deregistrations: await prisma.deregistration.count(),
    memberships: await prisma.constellationMembership.count(),
  };
}

async function timedImport(label: string, text: string) {
  const started = performance.now();
  const result = await importHistorical(null, text, { dryRun: false, fileName: 'benchmark.csv' });
  const seconds = (performance.now() - started) / 1000;
  const rate = Math.round(ROWS / seconds).toLocaleString('en-GB');
  console.log(`${label}: ${seconds.toFixed(1)} s, ${rate} rows/s (target: ${ROWS.toLocaleString('en-GB')} rows under ${TARGET_SECONDS} s)`);
  if (!result.ok) {
    failures += 1;
    console.error(`  WRONG: the generated file was refused: ${JSON.stringify(result.errors.slice(0, 5))}`);
    return null;
  }
  return result.counts;
}

try {
  const original = generateCsv(false);
  console.log(`Generated ${ROWS.toLocaleString('en-GB')} rows, ${(original.text.length / 1024 / 1024).toFixed(1)} MB`);

  const first = await timedImport('First import (all new)', original.text);
  check('first import counts', first, { rows: ROWS, created: ROWS, updated: 0, unchanged: 0 });
  check('rows stored after the first import', await storedCounts(), original.expected);

  const again = await timedImport('Same file again (all unchanged)', original.text);
  check('second import counts', again, { rows: ROWS, created: 0, updated: 0, unchanged: ROWS });
  check('rows stored after the second import', await storedCounts(), original.expected);

  const corrected = generateCsv(true);
  const third = await timedImport('1% of rows corrected', corrected.text);
  check('corrected import counts', third, { rows: ROWS, created: 0, updated: ROWS / 100, unchanged: ROWS - ROWS / 100 });
  check('rows stored after the correction', await storedCounts(), corrected.expected);
} finally {
  await prisma.$disconnect();
  // 100,000 households take about 350 MB.
  rmSync(path.dirname(database.file), { recursive: true, force: true });
}

if (failures > 0) {
  console.error(`${failures} correctness check(s) failed.`);
  process.exitCode = 1;
} else {
  console.log('All counts correct.');
}
