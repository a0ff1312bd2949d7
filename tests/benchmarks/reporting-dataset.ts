// A national-scale dataset for the reporting benchmark (issue 6): 1,000,000 households by default, written straight into SQLite
// with better-sqlite3 prepared statements in one transaction, the three tables' indexes dropped while it writes and
// rebuilt afterwards. Deterministic (a fixed seed), so the cached file and a regenerated one hold the same rows.
//
// Shape, roughly England's for one region scaled up (DOMAIN.md §6.7): 40,000 households approved before April 2016
// (the starting stock), then 960,000 enquiries spread evenly over the ten financial years 2016/17 to 2025/26; 10% are
// kinship. About 12% of mainstream enquiries apply and half of those are approved; kinship referrals mostly reach a
// full assessment and approval. Approvals last an exponential time with a mean of eight years (about 12% leave a
// year), and each ending has a reason from the deregistration code list. Nothing is dated after 31 October 2026.
// The reports read the date columns and the Approval and Deregistration rows; no PipelineTransition rows are made.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { applyPendingMigrations } from '../../prisma/migrate.ts';
import { COUNCIL_DEMO_SHARES, COUNCILS } from '../../prisma/seed/councils.ts';
import { DEREGISTRATION_REASONS } from '../../app/modules/codes/deregistration-reasons.ts';
import { PIPELINE_MACHINE_VERSION } from '../../app/modules/pipeline/machine.ts';
import { serialiseSnapshot, snapshotAtStage } from '../../app/modules/pipeline/snapshots.ts';

/** Bump when the generator changes, so a cached file from an older generator is rebuilt. */
const DATASET_VERSION = 1;
/** The starting stock: 4% of the households, 40,000 of a million. */
const STOCK_SHARE = 0.04;
const DECADE_START = '2016-04-01';
const DECADE_END = '2026-03-31';
const NOTHING_AFTER = '2026-10-31';
const MEAN_TENURE_YEARS = 8;
const SEED = 20_261_123;

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** mulberry32: small, fast and good enough to spread dates and choices. */
function seededRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export type ReportingDataset = { file: string; url: string; generated: boolean; seconds: number };

/**
 * The cached dataset under tests/.db/, generated when missing or from an older generator, with every migration
 * applied (a migration that adds an index reaches the cached file too).
 */
export async function reportingDataset(directory: string, households: number): Promise<ReportingDataset> {
  mkdirSync(directory, { recursive: true });
  const file = path.join(directory, `reporting-scale-v${DATASET_VERSION}-${households}.db`);
  const url = `file:${file}`;
  const started = performance.now();
  let generated = false;
  if (!existsSync(file)) {
    const partial = `${file}.partial`;
    rmSync(partial, { force: true });
    await applyPendingMigrations(`file:${partial}`);
    generate(partial, households);
    renameSync(partial, file);
    generated = true;
  }
  await applyPendingMigrations(url);
  return { file, url, generated, seconds: (performance.now() - started) / 1000 };
}

const TABLES = ['Household', 'Approval', 'Deregistration'] as const;

function generate(file: string, households: number) {
  const stockHouseholds = Math.round(households * STOCK_SHARE);
  const db = new Database(file);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');

  const indexes = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${TABLES.map(() => '?').join(', ')})`)
    .all(...TABLES) as { name: string; sql: string }[];
  for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`);

  const insertCouncil = db.prepare('INSERT INTO Council (id, name, onsCode) VALUES (?, ?, ?)');
  const insertHousehold = db.prepare(`
    INSERT INTO Household (id, reference, displayName, route, origin, councilId, residenceCouncilId, allocatedCouncilId,
      stage, pipelineSnapshot, machineVersion, enquiryReceivedAt, enquiryDate, applicationDate, approvalDate,
      closedDate, closedReason, lastActivityAt, createdAt, updatedAt)
    VALUES (?, ?, 'Benchmark household', ?, 'import', ?, ?, ?, ?, ?, ${PIPELINE_MACHINE_VERSION}, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertApproval = db.prepare(`
    INSERT INTO Approval (id, householdId, councilId, approvalType, approvedOn, status, endedOn, createdAt, updatedAt)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertDeregistration = db.prepare(`
    INSERT INTO Deregistration (id, approvalId, councilId, effectiveOn, primaryReason, reasonGroup, createdAt)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);

  const snapshots = new Map<string, string>();
  const snapshotFor = (route: 'mainstream' | 'kinship', stage: string) => {
    const key = `${route}|${stage}`;
    let snapshot = snapshots.get(key);
    if (snapshot === undefined) {
      snapshot = serialiseSnapshot(snapshotAtStage(route, stage));
      snapshots.set(key, snapshot);
    }
    return snapshot;
  };

  const random = seededRandom(SEED);
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const shareTotal = COUNCIL_DEMO_SHARES.reduce((sum, [, share]) => sum + share, 0);
  const pickCouncil = () => {
    let point = random() * shareTotal;
    for (const [councilId, share] of COUNCIL_DEMO_SHARES) {
      point -= share;
      if (point < 0) return councilId;
    }
    return COUNCIL_DEMO_SHARES[COUNCIL_DEMO_SHARES.length - 1][0];
  };
  // Carers' own decisions are about two endings in three.
  const reasons = DEREGISTRATION_REASONS.flatMap((reason): { code: string; group: string }[] =>
    reason.group === 'resigned' ? [reason, reason] : [reason],
  );

  const decadeStart = dayNumber(DECADE_START);
  const decadeEnd = dayNumber(DECADE_END);
  const lastDay = dayNumber(NOTHING_AFTER);
  const stockEnquiryFirst = dayNumber('1996-01-01');
  const stockEnquiryLast = dayNumber('2015-01-01');
  const instant = (day: number) => `${dateOf(day)}T10:00:00.000+00:00`;
  const orNull = (day: number | null) => (day === null ? null : dateOf(day));

  db.transaction(() => {
    for (const council of COUNCILS) insertCouncil.run(council.id, council.name, council.onsCode);
    for (let index = 0; index < households; index += 1) {
      const id = `bench-h${String(index).padStart(7, '0')}`;
      const isStock = index < stockHouseholds;
      const route = !isStock && random() < 0.1 ? 'kinship' : 'mainstream';
      const councilId = pickCouncil();
      const enquiry = isStock ? between(stockEnquiryFirst, stockEnquiryLast) : between(decadeStart, decadeEnd);

      let application: number | null = null;
      let approval: number | null = null;
      if (isStock) {
        application = enquiry + between(30, 200);
        approval = application + between(120, 300);
      } else if (route === 'kinship') {
        if (random() < 0.6) application = enquiry + between(7, 60);
        if (application !== null && random() < 0.7) approval = application + between(60, 200);
      } else {
        if (random() < 0.12) application = enquiry + between(14, 180);
        if (application !== null && random() < 0.5) approval = application + between(120, 330);
      }
      if (application !== null && application > lastDay) application = null;
      if (application === null || (approval !== null && approval > lastDay)) approval = null;

      // Cases that went nowhere for long enough are closed, as the hub closes them; recent ones stay open.
      let closed: number | null = null;
      let closedReason: string | null = null;
      if (approval === null && application === null && enquiry + 120 < lastDay) {
        closed = Math.min(enquiry + between(20, 100), lastDay);
        closedReason = random() < 0.5 ? 'NO_CONTACT' : 'NOT_NOW';
      } else if (approval === null && application !== null && application + 400 < lastDay) {
        closed = application + between(60, 380);
        closedReason = 'NOT_NOW';
      }
      const stage =
        approval !== null ? 'approved'
        : closed !== null ? 'closed'
        : application !== null ? (route === 'kinship' ? 'kinship.fullAssessment' : 'application.submitted')
        : route === 'kinship' ? 'kinship.referral'
        : 'enquiry.received';
      const lastActivity = instant(closed ?? approval ?? application ?? enquiry);

      insertHousehold.run(
        id,
        `BENCH-${index}`,
        route,
        councilId,
        councilId,
        application !== null || route === 'kinship' ? councilId : null,
        stage,
        snapshotFor(route, stage),
        instant(enquiry),
        dateOf(enquiry),
        orNull(application),
        orNull(approval),
        orNull(closed),
        closedReason,
        lastActivity,
        instant(enquiry),
        lastActivity,
      );
      if (approval === null) continue;

      const ends = approval + Math.max(1, Math.round(-Math.log(1 - random()) * MEAN_TENURE_YEARS * 365.25));
      const ended = ends <= lastDay;
      const approvalId = `bench-a${String(index).padStart(7, '0')}`;
      insertApproval.run(approvalId, id, councilId, route, dateOf(approval), ended ? 'ended' : 'active', ended ? dateOf(ends) : null, instant(approval), instant(ended ? ends : approval));
      if (!ended) continue;
      const reason = reasons[Math.floor(random() * reasons.length)];
      insertDeregistration.run(`bench-d${String(index).padStart(7, '0')}`, approvalId, councilId, dateOf(ends), reason.code, reason.group, instant(ends));
    }
  })();

  for (const index of indexes) db.exec(index.sql);
  db.exec('ANALYZE');
  db.pragma('journal_mode = WAL');
  db.close();
}
