import { Prisma } from '~/generated/prisma/client';
import { prisma } from '~/lib/db.server';
import { percentage } from '~/modules/reporting/figures';
import { median, nearestRankPercentile } from '~/modules/reporting/percentiles';
import type { ReportFilter } from '~/modules/reporting/report-filter';

export type { ReportFilter, ReportRoute } from '~/modules/reporting/report-filter';

// The report definitions of issue 6, once, for the screen, the CSV, the CLI and the tests. Counting happens in
// SQLite; rates and percentiles are pure code on top (STYLE.md §7).
//
// Which council a figure counts for (DOMAIN.md §6.1): "the provisional council (from the postcode) before
// allocation, the allocated council after it, the approving council for approvals". Household.councilId already
// holds the first two, so enquiries, applications and the cohort count by it; approvals, deregistrations and the
// approved stock count by Approval.councilId, the approving council. A cohort's approvals stay with the cohort's
// council, so a cohort rate can never pass 100%.

export type CohortConversion = {
  enquiries: number;
  applications: number;
  approvals: number;
  enquiry_to_application_pct: number | null;
  application_to_approval_pct: number | null;
  enquiry_to_approval_pct: number | null;
};

export type ActivityInPeriod = { enquiries: number; applications: number; approvals: number };

export type TimeToApproval = {
  n: number;
  medianDaysApplicationToApproval: number | null;
  p90DaysApplicationToApproval: number | null;
  medianDaysEnquiryToApproval: number | null;
  p90DaysEnquiryToApproval: number | null;
};

export type Resignations = {
  households_at_start: number;
  approvals: number;
  deregistrations: number;
  resignations: number;
  other_endings: number;
  resignation_rate_pct: number | null;
  deregistration_rate_pct: number | null;
  net_change: number;
};

/** Cohort C = households whose enquiry date is in the period; how many of them had applied and been approved by the as-at date. */
export async function cohortConversion(filter: ReportFilter): Promise<CohortConversion> {
  const [row] = await prisma.$queryRaw<{ enquiries: CountValue; applications: CountValue; approvals: CountValue }[]>`
    SELECT COUNT(*) AS enquiries,
           COALESCE(SUM(h.applicationDate IS NOT NULL AND h.applicationDate <= ${filter.asAt}), 0) AS applications,
           COALESCE(SUM(h.approvalDate IS NOT NULL AND h.approvalDate <= ${filter.asAt}), 0) AS approvals
    FROM Household h
    WHERE h.enquiryDate BETWEEN ${filter.from} AND ${filter.to}
      ${householdCouncil(filter)} ${householdRoute(filter)}`;
  const enquiries = toCount(row.enquiries);
  const applications = toCount(row.applications);
  const approvals = toCount(row.approvals);
  return {
    enquiries,
    applications,
    approvals,
    enquiry_to_application_pct: percentage(applications, enquiries),
    application_to_approval_pct: percentage(approvals, applications),
    enquiry_to_approval_pct: percentage(approvals, enquiries),
  };
}

/** Enquiries, applications and approvals whose own dates fall in the period (the board's monthly figures). */
export async function activityInPeriod(filter: ReportFilter): Promise<ActivityInPeriod> {
  const [flows] = await prisma.$queryRaw<{ enquiries: CountValue; applications: CountValue }[]>`
    SELECT COALESCE(SUM(h.enquiryDate BETWEEN ${filter.from} AND ${filter.to}), 0) AS enquiries,
           COALESCE(SUM(h.applicationDate BETWEEN ${filter.from} AND ${filter.to}), 0) AS applications
    FROM Household h
    WHERE (h.enquiryDate BETWEEN ${filter.from} AND ${filter.to} OR h.applicationDate BETWEEN ${filter.from} AND ${filter.to})
      ${householdCouncil(filter)} ${householdRoute(filter)}`;
  const approvals = await countApprovalsInPeriod(filter);
  return { enquiries: toCount(flows.enquiries), applications: toCount(flows.applications), approvals };
}

/**
 * Days from application to approval and from enquiry to approval, for approvals dated in the period (DOMAIN.md
 * §6.4). Only the whole-day differences leave SQLite. An approval without a recorded application date (a kinship
 * temporary approval, an old import) is in n and the enquiry figures but not the application figures.
 */
export async function timeToApproval(filter: ReportFilter): Promise<TimeToApproval> {
  const rows = await prisma.$queryRaw<{ applicationDays: CountValue | null; enquiryDays: CountValue }[]>`
    SELECT CAST(julianday(a.approvedOn) - julianday(h.applicationDate) AS INTEGER) AS applicationDays,
           CAST(julianday(a.approvedOn) - julianday(h.enquiryDate) AS INTEGER) AS enquiryDays
    FROM Approval a JOIN Household h ON h.id = a.householdId
    WHERE a.approvedOn BETWEEN ${filter.from} AND ${filter.to}
      ${approvalCouncil(filter)} ${householdRoute(filter)}`;
  const applicationDays = rows.flatMap((row) => (row.applicationDays === null ? [] : [Number(row.applicationDays)]));
  const enquiryDays = rows.map((row) => Number(row.enquiryDays));
  return {
    n: rows.length,
    medianDaysApplicationToApproval: median(applicationDays),
    p90DaysApplicationToApproval: nearestRankPercentile(applicationDays, 90),
    medianDaysEnquiryToApproval: median(enquiryDays),
    p90DaysEnquiryToApproval: nearestRankPercentile(enquiryDays, 90),
  };
}

/**
 * Retention for the period (DOMAIN.md §6.5), counted by Approval and Deregistration rows. The stock at the start is
 * counted, never derived from flows: approvals dated before `from` whose approval had not ended before `from`. An
 * approval ending on `from` itself was in the stock that morning and is a deregistration in the period.
 */
export async function resignations(filter: ReportFilter): Promise<Resignations> {
  const [stock] = await prisma.$queryRaw<{ householdsAtStart: CountValue }[]>`
    SELECT COUNT(*) AS householdsAtStart
    FROM Approval a
    JOIN Household h ON h.id = a.householdId
    LEFT JOIN Deregistration d ON d.approvalId = a.id
    WHERE a.approvedOn < ${filter.from}
      AND (COALESCE(d.effectiveOn, a.endedOn) IS NULL OR COALESCE(d.effectiveOn, a.endedOn) >= ${filter.from})
      ${approvalCouncil(filter)} ${householdRoute(filter)}`;
  const [endings] = await prisma.$queryRaw<{ deregistrations: CountValue; resignations: CountValue }[]>`
    SELECT COUNT(*) AS deregistrations,
           COALESCE(SUM(d.reasonGroup = 'resigned'), 0) AS resignations
    FROM Deregistration d
    JOIN Approval a ON a.id = d.approvalId
    JOIN Household h ON h.id = a.householdId
    WHERE d.effectiveOn BETWEEN ${filter.from} AND ${filter.to}
      ${approvalCouncil(filter)} ${householdRoute(filter)}`;
  const householdsAtStart = toCount(stock.householdsAtStart);
  const approvals = await countApprovalsInPeriod(filter);
  const deregistrations = toCount(endings.deregistrations);
  const resigned = toCount(endings.resignations);
  return {
    households_at_start: householdsAtStart,
    approvals,
    deregistrations,
    resignations: resigned,
    other_endings: deregistrations - resigned,
    resignation_rate_pct: percentage(resigned, householdsAtStart),
    deregistration_rate_pct: percentage(deregistrations, householdsAtStart),
    net_change: approvals - deregistrations,
  };
}

async function countApprovalsInPeriod(filter: ReportFilter): Promise<number> {
  const [row] = await prisma.$queryRaw<{ approvals: CountValue }[]>`
    SELECT COUNT(*) AS approvals
    FROM Approval a JOIN Household h ON h.id = a.householdId
    WHERE a.approvedOn BETWEEN ${filter.from} AND ${filter.to}
      ${approvalCouncil(filter)} ${householdRoute(filter)}`;
  return toCount(row.approvals);
}

// SQLite hands COUNT and SUM back as bigint through the driver adapter; they become numbers here, once.
type CountValue = bigint | number;

function toCount(value: CountValue): number {
  return Number(value);
}

function householdCouncil(filter: ReportFilter) {
  return filter.councilId === null ? Prisma.empty : Prisma.sql`AND h.councilId = ${filter.councilId}`;
}

function approvalCouncil(filter: ReportFilter) {
  return filter.councilId === null ? Prisma.empty : Prisma.sql`AND a.councilId = ${filter.councilId}`;
}

function householdRoute(filter: ReportFilter) {
  return filter.route === null ? Prisma.empty : Prisma.sql`AND h.route = ${filter.route}`;
}
