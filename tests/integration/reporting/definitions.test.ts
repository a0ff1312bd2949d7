import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import type { DeregistrationReasonCode } from '~/modules/codes/deregistration-reasons';
import {
  activityInPeriod,
  cohortConversion,
  resignations,
  timeToApproval,
  type ReportFilter,
} from '~/modules/reporting/definitions.server';
import { suppressSmallNumber } from '~/modules/reporting/figures';
import { createHousehold } from '../../support/factories';

// Hand-built households for each definition in issue 6. Every expected figure is worked out in the comments.
// The financial year 2025/26 is the period throughout.
const PERIOD = { from: '2025-04-01', to: '2026-03-31' };
const ALL: ReportFilter = { ...PERIOD, councilId: null, route: null, asAt: '2026-03-31' };

type Dates = { enquiryDate: string; applicationDate?: string; approvedOn?: string };

/** A household with its dates; with `approvedOn`, also its Approval row for the approving council. */
async function buildHousehold(councilId: string, dates: Dates, route: 'mainstream' | 'kinship' = 'mainstream') {
  const household = await createHousehold({
    councilId,
    route,
    stage: route === 'kinship' ? 'kinship.referral' : 'enquiry.received',
    enquiryDate: dates.enquiryDate,
  });
  await prisma.household.update({
    where: { id: household.id },
    data: { applicationDate: dates.applicationDate ?? null, approvalDate: dates.approvedOn ?? null },
  });
  if (!dates.approvedOn) return { householdId: household.id, approvalId: null };
  const approval = await prisma.approval.create({
    data: { householdId: household.id, councilId, approvalType: route, approvedOn: dates.approvedOn },
    select: { id: true },
  });
  return { householdId: household.id, approvalId: approval.id };
}

async function deregister(approvalId: string | null, councilId: string, effectiveOn: string, reason: DeregistrationReasonCode) {
  if (!approvalId) throw new Error('Only an approved household can deregister');
  const reasonGroup = reason === 'SGO_GRANTED' ? 'otherEnding' : 'resigned';
  await prisma.approval.update({ where: { id: approvalId }, data: { status: 'ended', endedOn: effectiveOn } });
  await prisma.deregistration.create({ data: { approvalId, councilId, effectiveOn, primaryReason: reason, reasonGroup } });
}

/** The date `days` before `date`, both 'YYYY-MM-DD'. */
function daysBefore(date: string, days: number) {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

// Time to approval in Nottingham City: every approval on 1 October 2025, application-to-approval days as listed.
const APPROVED_ON = '2025-10-01';
const APPLICATION_TO_APPROVAL_DAYS = [200, 120, 90, 150, 300, 180, 100, 250, 130, 170];

beforeAll(async () => {
  // Derby City, cohort and activity.
  // H1 enquiry on the first day of the period; applied and approved well before the as-at date.
  await buildHousehold('derby-city', { enquiryDate: '2025-04-01', applicationDate: '2025-06-01', approvedOn: '2025-12-01' });
  // H2 approved on 15 February 2026: after an as-at date of 31 January 2026, but inside the period.
  await buildHousehold('derby-city', { enquiryDate: '2025-05-10', applicationDate: '2025-07-01', approvedOn: '2026-02-15' });
  // H3 applied on 10 February 2026: after an as-at of 31 January 2026.
  await buildHousehold('derby-city', { enquiryDate: '2025-06-01', applicationDate: '2026-02-10' });
  // H4 enquired only; H5 enquired on the last day of the period.
  await buildHousehold('derby-city', { enquiryDate: '2025-06-01' });
  await buildHousehold('derby-city', { enquiryDate: '2026-03-31' });
  // H6 enquired the day before the period: not in the cohort, but its application and approval are activity in it.
  await buildHousehold('derby-city', { enquiryDate: '2025-03-31', applicationDate: '2025-04-20', approvedOn: '2025-10-01' });
  // H7 a kinship household.
  await buildHousehold('derby-city', { enquiryDate: '2025-08-01', applicationDate: '2025-09-01', approvedOn: '2025-11-01' }, 'kinship');
  // Nottinghamshire: N1 applied, not approved; N2 enquired the day after the period.
  await buildHousehold('nottinghamshire', { enquiryDate: '2025-07-01', applicationDate: '2025-08-01' });
  await buildHousehold('nottinghamshire', { enquiryDate: '2026-04-01' });

  // Nottingham City, time to approval: enquiry 100 days before the application, so enquiry-to-approval = days + 100.
  for (const days of APPLICATION_TO_APPROVAL_DAYS) {
    await buildHousehold('nottingham-city', {
      enquiryDate: daysBefore(APPROVED_ON, days + 100),
      applicationDate: daysBefore(APPROVED_ON, days),
      approvedOn: APPROVED_ON,
    });
  }
  // Approved the day before the period: not in the period's approvals (and would pull the median down if it were).
  await buildHousehold('nottingham-city', { enquiryDate: '2024-12-01', applicationDate: '2025-03-26', approvedOn: '2025-03-31' });

  // Derbyshire, resignations. Enquiries long before the period, so they touch neither cohort nor activity enquiries.
  const old = { enquiryDate: '2015-01-01' };
  // D1 approved 2020, still approved: in the stock at the start.
  await buildHousehold('derbyshire', { ...old, approvedOn: '2020-05-01' });
  // D2 resigned on the first day of the period: in the stock that morning, and a resignation in the period.
  const d2 = await buildHousehold('derbyshire', { ...old, approvedOn: '2021-01-01' });
  await deregister(d2.approvalId, 'derbyshire', '2025-04-01', 'HEALTH');
  // D3 special guardianship order: an other ending, not a resignation.
  const d3 = await buildHousehold('derbyshire', { ...old, approvedOn: '2022-03-01' });
  await deregister(d3.approvalId, 'derbyshire', '2025-09-01', 'SGO_GRANTED');
  // D4 resigned the day before the period: not in the stock, not in the period.
  const d4 = await buildHousehold('derbyshire', { ...old, approvedOn: '2019-06-01' });
  await deregister(d4.approvalId, 'derbyshire', '2025-03-31', 'RETIREMENT_AGE');
  // D5 resigned mid-period.
  const d5 = await buildHousehold('derbyshire', { ...old, approvedOn: '2023-02-01' });
  await deregister(d5.approvalId, 'derbyshire', '2026-01-15', 'BURNOUT_WELLBEING');
  // D6 approved on the first day of the period: an approval in it, not in the stock at its start.
  await buildHousehold('derbyshire', { ...old, approvedOn: '2025-04-01' });
  // D7 approved and resigned within the period, on its last day.
  const d7 = await buildHousehold('derbyshire', { ...old, approvedOn: '2025-08-01' });
  await deregister(d7.approvalId, 'derbyshire', '2026-03-31', 'MOVED_AWAY');
  // D8 resigned the day after the period: in the stock, not counted as a resignation.
  const d8 = await buildHousehold('derbyshire', { ...old, approvedOn: '2024-01-01' });
  await deregister(d8.approvalId, 'derbyshire', '2026-04-01', 'HEALTH');
  // D9 approved the day before the period: in the stock.
  await buildHousehold('derbyshire', { ...old, approvedOn: '2025-03-31' });

  // Nottinghamshire, January 2024 (outside every other test's period): 16 enquiries, one of which applied.
  for (let day = 1; day <= 16; day += 1) {
    const enquiryDate = `2024-01-${String(day).padStart(2, '0')}`;
    await buildHousehold('nottinghamshire', day === 1 ? { enquiryDate, applicationDate: '2024-02-01' } : { enquiryDate });
  }
});

describe('cohortConversion', () => {
  it('counts the enquiry cohort and only the stages reached by the as-at date', async () => {
    // Cohort: H1, H2, H3, H4, H5, H7, N1 = 7 (H6 enquired the day before, N2 the day after, Derbyshire in 2015,
    // Nottingham City before the period). Applications by 31 Jan 2026: H1, H2, H7, N1 = 4 (H3 applied in February).
    // Approvals by 31 Jan 2026: H1, H7 = 2 (H2 approved in February).
    // 4/7 = 57.142… → 57.1; 2/4 = 50.0; 2/7 = 28.571… → 28.6.
    expect(await cohortConversion({ ...ALL, asAt: '2026-01-31' })).toEqual({
      enquiries: 7,
      applications: 4,
      approvals: 2,
      enquiry_to_application_pct: 57.1,
      application_to_approval_pct: 50,
      enquiry_to_approval_pct: 28.6,
    });
  });

  it('takes in later stages once the as-at date passes them', async () => {
    // As at 31 March 2026, H3's application and H2's approval count too: 5/7 = 71.428… → 71.4; 3/5 = 60.0;
    // 3/7 = 42.857… → 42.9.
    expect(await cohortConversion(ALL)).toEqual({
      enquiries: 7,
      applications: 5,
      approvals: 3,
      enquiry_to_application_pct: 71.4,
      application_to_approval_pct: 60,
      enquiry_to_approval_pct: 42.9,
    });
  });

  it('keeps to one council, and to one route when asked', async () => {
    // Derby City as at 31 Jan 2026: H1, H2, H3, H4, H5, H7 = 6; applied H1, H2, H7 = 3; approved H1, H7 = 2.
    // 3/6 = 50.0; 2/3 = 66.666… → 66.7; 2/6 = 33.333… → 33.3.
    expect(await cohortConversion({ ...ALL, councilId: 'derby-city', asAt: '2026-01-31' })).toEqual({
      enquiries: 6,
      applications: 3,
      approvals: 2,
      enquiry_to_application_pct: 50,
      application_to_approval_pct: 66.7,
      enquiry_to_approval_pct: 33.3,
    });
    // Derby City mainstream only drops H7: 5 enquiries, 2 applications, 1 approval: 40.0, 50.0, 20.0.
    expect(await cohortConversion({ ...ALL, councilId: 'derby-city', route: 'mainstream', asAt: '2026-01-31' })).toEqual({
      enquiries: 5,
      applications: 2,
      approvals: 1,
      enquiry_to_application_pct: 40,
      application_to_approval_pct: 50,
      enquiry_to_approval_pct: 20,
    });
  });

  it('leaves every rate empty when the cohort is empty', async () => {
    // Nottingham City's enquiries all fall before the period.
    expect(await cohortConversion({ ...ALL, councilId: 'nottingham-city' })).toEqual({
      enquiries: 0,
      applications: 0,
      approvals: 0,
      enquiry_to_application_pct: null,
      application_to_approval_pct: null,
      enquiry_to_approval_pct: null,
    });
  });
});

describe('rounding and suppression of the definitions’ figures', () => {
  it('rounds a rate that falls exactly on a half upwards', async () => {
    // 1 application from 16 enquiries = 6.25%, which is 6.3 half up (6.2 if halves went to even).
    expect(await cohortConversion({ ...ALL, from: '2024-01-01', to: '2024-01-31', councilId: 'nottinghamshire' })).toEqual({
      enquiries: 16,
      applications: 1,
      approvals: 0,
      enquiry_to_application_pct: 6.3,
      application_to_approval_pct: 0,
      enquiry_to_approval_pct: 0,
    });
  });

  it('hides each council’s count of approvals from 1 to 10 for the board, and shows 0 and counts above 10', async () => {
    // Approvals in 2025/26 (see activityInPeriod below): Derby City 4, Derbyshire 2, Nottingham City 10,
    // Nottinghamshire 0; all four 16.
    const approvals = [];
    for (const councilId of ['derby-city', 'derbyshire', 'nottingham-city', 'nottinghamshire', null]) {
      approvals.push((await activityInPeriod({ ...ALL, councilId })).approvals);
    }
    expect(approvals).toEqual([4, 2, 10, 0, 16]);
    expect(approvals.map((count) => suppressSmallNumber(count))).toEqual(['x', 'x', 'x', 0, 16]);
  });
});

describe('activityInPeriod', () => {
  it('counts each event by its own date', async () => {
    // Derby City: enquiries H1, H2, H3, H4, H5, H7 = 6 (H6 enquired the day before); applications H1, H2, H3, H6,
    // H7 = 5; approvals H1, H2, H6, H7 = 4.
    expect(await activityInPeriod({ ...ALL, councilId: 'derby-city' })).toEqual({ enquiries: 6, applications: 5, approvals: 4 });
    // All councils: enquiries add N1 = 7. Applications add N1 and the Nottingham City applications made 183 days
    // or fewer before 1 October 2025 (183 days back is 1 April 2025): 90, 100, 120, 130, 150, 170 and 180 days,
    // so 5 + 1 + 7 = 13. Approvals add Nottingham City's 10 on 1 October 2025 and Derbyshire's D6 and D7:
    // 4 + 10 + 2 = 16.
    expect(await activityInPeriod(ALL)).toEqual({ enquiries: 7, applications: 13, approvals: 16 });
  });
});

describe('timeToApproval', () => {
  it('gives the median and 90th percentile of a known list of days', async () => {
    // Sorted: 90, 100, 120, 130, 150, 170, 180, 200, 250, 300. Median = (150 + 170) / 2 = 160. 90th percentile,
    // nearest rank: ceil(0.9 × 10) = 9th value = 250. Enquiry to approval is each + 100: 260 and 350. The approval
    // on 31 March 2025 is outside the period, so n = 10.
    expect(await timeToApproval({ ...ALL, councilId: 'nottingham-city' })).toEqual({
      n: 10,
      medianDaysApplicationToApproval: 160,
      p90DaysApplicationToApproval: 250,
      medianDaysEnquiryToApproval: 260,
      p90DaysEnquiryToApproval: 350,
    });
  });

  it('counts whole calendar days between the London dates', async () => {
    // Derby City kinship: H7 alone, application 1 Sep → approval 1 Nov 2025 = 30 + 31 = 61 days; enquiry 1 Aug →
    // 1 Nov = 31 + 30 + 31 = 92 days.
    expect(await timeToApproval({ ...ALL, councilId: 'derby-city', route: 'kinship' })).toEqual({
      n: 1,
      medianDaysApplicationToApproval: 61,
      p90DaysApplicationToApproval: 61,
      medianDaysEnquiryToApproval: 92,
      p90DaysEnquiryToApproval: 92,
    });
  });
});

describe('resignations', () => {
  it('counts the stock at the start, approvals, resignations and other endings', async () => {
    // Stock on 1 April 2025: D1, D2, D3, D5, D8, D9 = 6 (D4 left the day before; D6 and D7 came later).
    // Approvals in the period: D6, D7 = 2. Deregistrations in it: D2 (first day), D3, D5, D7 (last day) = 4, of
    // which resignations D2, D5, D7 = 3 and other endings D3 (special guardianship) = 1; D8 left the day after.
    // 3/6 = 50.0; 4/6 = 66.666… → 66.7; net change = 2 − 4 = −2.
    expect(await resignations({ ...ALL, councilId: 'derbyshire' })).toEqual({
      households_at_start: 6,
      approvals: 2,
      deregistrations: 4,
      resignations: 3,
      other_endings: 1,
      resignation_rate_pct: 50,
      deregistration_rate_pct: 66.7,
      net_change: -2,
    });
  });

  it('moves the stock when the period starts later', async () => {
    // From 2 April 2025, D2 (left 1 April) is no longer in the stock, and D6 (approved 1 April) is:
    // D1, D3, D5, D6, D8, D9 = 6. In the period: approvals D7 = 1; deregistrations D3, D5, D7 = 3, resignations
    // D5, D7 = 2. 2/6 = 33.333… → 33.3; 3/6 = 50.0; 1 − 3 = −2.
    expect(await resignations({ ...ALL, councilId: 'derbyshire', from: '2025-04-02' })).toEqual({
      households_at_start: 6,
      approvals: 1,
      deregistrations: 3,
      resignations: 2,
      other_endings: 1,
      resignation_rate_pct: 33.3,
      deregistration_rate_pct: 50,
      net_change: -2,
    });
  });

  it('leaves the rates empty with no approved households at the start', async () => {
    // Nottinghamshire has no approvals at all.
    expect(await resignations({ ...ALL, councilId: 'nottinghamshire' })).toEqual({
      households_at_start: 0,
      approvals: 0,
      deregistrations: 0,
      resignations: 0,
      other_endings: 0,
      resignation_rate_pct: null,
      deregistration_rate_pct: null,
      net_change: 0,
    });
  });
});
