import { execFile } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import { runReportCli } from '~/modules/reporting/report-cli.server';
import { createHousehold } from '../../support/factories';

// `npm run report` (issue 6) against hand-made households. The first tests start the real command, as an analyst
// would, against this file's SQLite database; the rest call the same function in-process. Period: 2025/26.
const TODAY = '2026-11-23';
const PROJECT_ROOT = path.resolve(import.meta.dirname, '../../..');
const PERIOD = ['--from', '2025-04-01', '--to', '2026-03-31'];

type Dates = { enquiryDate: string; applicationDate?: string; approvedOn?: string };

async function buildHousehold(councilId: string, dates: Dates, route: 'mainstream' | 'kinship' = 'mainstream') {
  const household = await createHousehold({ councilId, route, stage: route === 'kinship' ? 'kinship.referral' : 'enquiry.received', enquiryDate: dates.enquiryDate });
  await prisma.household.update({
    where: { id: household.id },
    data: { applicationDate: dates.applicationDate ?? null, approvalDate: dates.approvedOn ?? null },
  });
  if (!dates.approvedOn) return null;
  const approval = await prisma.approval.create({
    data: { householdId: household.id, councilId, approvalType: route, approvedOn: dates.approvedOn },
    select: { id: true },
  });
  return approval.id;
}

async function deregister(approvalId: string | null, effectiveOn: string, primaryReason: string, reasonGroup: 'resigned' | 'otherEnding') {
  if (approvalId === null) throw new Error('Only an approved household can deregister');
  await prisma.approval.update({ where: { id: approvalId }, data: { status: 'ended', endedOn: effectiveOn } });
  await prisma.deregistration.create({ data: { approvalId, councilId: 'derbyshire', effectiveOn, primaryReason, reasonGroup } });
}

beforeAll(async () => {
  // Derby City: four enquiries in the period. A applied and was approved, B applied, C and D did not.
  await buildHousehold('derby-city', { enquiryDate: '2025-04-01', applicationDate: '2025-05-01', approvedOn: '2025-11-01' });
  await buildHousehold('derby-city', { enquiryDate: '2025-05-01', applicationDate: '2025-06-01' });
  await buildHousehold('derby-city', { enquiryDate: '2025-06-01' });
  await buildHousehold('derby-city', { enquiryDate: '2026-03-31' });
  // Derbyshire: three enquiries. E applied and was approved on 15 April 2026, after the period and a 31 March as-at
  // date; F applied; G did not.
  await buildHousehold('derbyshire', { enquiryDate: '2025-06-01', applicationDate: '2025-07-01', approvedOn: '2026-04-15' });
  await buildHousehold('derbyshire', { enquiryDate: '2025-07-01', applicationDate: '2025-08-01' });
  await buildHousehold('derbyshire', { enquiryDate: '2025-08-01' });
  // Nottinghamshire: one kinship household, applied and approved in the period.
  await buildHousehold('nottinghamshire', { enquiryDate: '2025-08-01', applicationDate: '2025-09-01', approvedOn: '2025-12-01' }, 'kinship');
  // Outside the period: an enquiry the day before it starts, in Nottingham City.
  await buildHousehold('nottingham-city', { enquiryDate: '2025-03-31' });

  // Derbyshire's approved households from earlier years. S1 still approved; S2 resigned on the period's first day;
  // S3's approval ended with a special guardianship order.
  const old = { enquiryDate: '2015-01-01', applicationDate: '2015-03-01' };
  await buildHousehold('derbyshire', { ...old, approvedOn: '2020-01-01' });
  await deregister(await buildHousehold('derbyshire', { ...old, approvedOn: '2021-01-01' }), '2025-04-01', 'HEALTH', 'resigned');
  await deregister(await buildHousehold('derbyshire', { ...old, approvedOn: '2019-01-01' }), '2025-10-01', 'SGO_GRANTED', 'otherEnding');
});

// Conversion as at 31 March 2026, worked out by hand:
//   derby-city       4 enquiries, 2 applications (A, B), 1 approval (A): 2/4 = 50.0, 1/2 = 50.0, 1/4 = 25.0
//   derbyshire       3, 2 (E, F), 0 (E approved after the as-at date): 66.666… → 66.7, 0/2 = 0.0, 0/3 = 0.0
//   nottingham-city  0 (its enquiry is the day before the period): every rate empty
//   nottinghamshire  1, 1, 1: 100.0 each
//   all              8, 5, 2: 5/8 = 62.5, 2/5 = 40.0, 2/8 = 25.0
const CONVERSION_CSV = [
  'council,enquiries,applications,approvals,enquiry_to_application_pct,application_to_approval_pct,enquiry_to_approval_pct',
  'derby-city,4,2,1,50.0,50.0,25.0',
  'derbyshire,3,2,0,66.7,0.0,0.0',
  'nottingham-city,0,0,0,,,',
  'nottinghamshire,1,1,1,100.0,100.0,100.0',
  'all,8,5,2,62.5,40.0,25.0',
  '',
].join('\n');

// Resignations 2025/26: Derbyshire's stock on 1 April 2025 is S1, S2, S3 = 3 (S2 left that day, so was there that
// morning); no approvals in the period (E's is in April 2026); resignations S2 = 1, other endings S3 = 1, so 2
// deregistrations: 1/3 = 33.3, 2/3 = 66.7, net 0 − 2 = −2. Derby City approved A and Nottinghamshire H: net +1 each,
// no stock so no rates. All: 3 at the start, 2 approvals, 1 + 1 endings: 33.3, 66.7, net 0.
const RESIGNATIONS_CSV = [
  'council,households_at_start,approvals,resignations,other_endings,deregistrations,resignation_rate_pct,deregistration_rate_pct,net_change',
  'derby-city,0,1,0,0,0,,,1',
  'derbyshire,3,0,1,1,2,33.3,66.7,-2',
  'nottingham-city,0,0,0,0,0,,,0',
  'nottinghamshire,0,1,0,0,0,,,1',
  'all,3,2,1,1,2,33.3,66.7,0',
  '',
].join('\n');

type Run = { code: number | null; stdout: string; stderr: string };

/** `npm run --silent report -- …` as a separate process, on this test file's database. */
function runCommand(args: readonly string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      'npm',
      ['run', '--silent', 'report', '--', ...args],
      { cwd: PROJECT_ROOT, env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

describe('npm run report, as a command', () => {
  it('prints the conversion CSV and nothing else on stdout', async () => {
    const run = await runCommand(['conversion', ...PERIOD, '--as-at', '2026-03-31']);
    expect(run).toEqual({ code: 0, stdout: CONVERSION_CSV, stderr: '' });
  }, 60_000);

  it('prints the resignations CSV for one council, then all four', async () => {
    const run = await runCommand(['resignations', ...PERIOD, '--council', 'derbyshire']);
    expect(run).toEqual({ code: 0, stdout: [...RESIGNATIONS_CSV.split('\n').slice(0, 1), 'derbyshire,3,0,1,1,2,33.3,66.7,-2', 'all,3,2,1,1,2,33.3,66.7,0', ''].join('\n'), stderr: '' });
  }, 60_000);

  it('refuses a date that does not exist: a message on stderr, nothing on stdout, exit code 2', async () => {
    const run = await runCommand(['conversion', '--from', '2025-02-30', '--to', '2026-03-31']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('--from 2025-02-30 is not a real date written YYYY-MM-DD');
  }, 60_000);

  it('refuses an unknown council the same way', async () => {
    const run = await runCommand(['conversion', ...PERIOD, '--council', 'leicester']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('There is no council “leicester”: choose one of derby-city, derbyshire, nottingham-city, nottinghamshire.');
  }, 60_000);
});

describe('runReportCli, in-process', () => {
  it('gives the same conversion CSV', async () => {
    expect(await runReportCli(['conversion', ...PERIOD, '--as-at', '2026-03-31'], TODAY)).toEqual({ exitCode: 0, stdout: CONVERSION_CSV, stderr: '' });
  });

  it('takes in an approval once the as-at date passes it, and defaults the as-at date to today', async () => {
    // As at 30 April 2026 (and today, 23 November 2026), E's approval on 15 April counts: Derbyshire 3, 2, 1:
    // 66.7, 1/2 = 50.0, 1/3 = 33.3; all 8, 5, 3: 62.5, 3/5 = 60.0, 3/8 = 37.5.
    const expected = CONVERSION_CSV.replace('derbyshire,3,2,0,66.7,0.0,0.0', 'derbyshire,3,2,1,66.7,50.0,33.3').replace(
      'all,8,5,2,62.5,40.0,25.0',
      'all,8,5,3,62.5,60.0,37.5',
    );
    expect((await runReportCli(['conversion', ...PERIOD, '--as-at', '2026-04-30'], TODAY)).stdout).toBe(expected);
    expect((await runReportCli(['conversion', ...PERIOD], TODAY)).stdout).toBe(expected);
  });

  it('keeps to one route when asked', async () => {
    // Mainstream only drops Nottinghamshire's kinship household: all 7, 4, 1: 4/7 = 57.142… → 57.1, 1/4 = 25.0,
    // 1/7 = 14.285… → 14.3.
    const { stdout } = await runReportCli(['conversion', ...PERIOD, '--as-at', '2026-03-31', '--route', 'mainstream'], TODAY);
    expect(stdout.split('\n').slice(4)).toEqual(['nottinghamshire,0,0,0,,,', 'all,7,4,1,57.1,25.0,14.3', '']);
  });

  it('gives the resignations CSV with a row per council', async () => {
    expect(await runReportCli(['resignations', ...PERIOD], TODAY)).toEqual({ exitCode: 0, stdout: RESIGNATIONS_CSV, stderr: '' });
  });

  it('refuses a period that ends before it starts, an unknown route or report, and a missing date', async () => {
    const cases: [string[], string][] = [
      [['conversion', '--from', '2026-03-31', '--to', '2025-04-01'], 'The period ends (2025-04-01) before it starts (2026-03-31).'],
      [['conversion', ...PERIOD, '--route', 'fostering'], 'There is no route “fostering”: choose mainstream or kinship.'],
      [['retention', ...PERIOD], 'There is no report called “retention”: choose conversion or resignations.'],
      [['conversion', '--from', '2025-04-01'], '--to is missing: give the last day of the period.'],
      [['resignations', ...PERIOD, '--as-at', '2026-03-31'], 'The resignations report has no option --as-at.'],
    ];
    for (const [args, message] of cases) {
      const outcome = await runReportCli(args, TODAY);
      expect(outcome.exitCode).toBe(2);
      expect(outcome.stdout).toBe('');
      expect(outcome.stderr.split('\n')[0]).toBe(message);
    }
  });
});
