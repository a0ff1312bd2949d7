import { Prisma } from '~/generated/prisma/client';
import { prisma } from '~/lib/db.server';
import { percentage } from '~/modules/reporting/figures';
import { median, nearestRankPercentile } from '~/modules/reporting/percentiles';
import type { ReportFilter } from '~/modules/reporting/report-filter';
import {
  approvalCouncil,
  householdCouncil,
  householdOfApproval,
  householdRoute,
  toCount,
  type CountValue,
} from '~/modules/reporting/sql-fragments';

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

/**
 * The SQL of each definition, one statement each, for the functions below and for the reporting benchmark, which
 * runs the very same statements directly in SQLite as its floor. Each is answered from the covering indexes of
 * the reporting_covering_indexes migration, without reading household rows.
 */
export const reportQueries = {
  /** The cohort C: households whose enquiry date is in the period, and how many had applied and been approved by the as-at date. */
  cohortConversion: (filter: ReportFilter) => Prisma.sql`
    SELECT COUNT(*) AS enquiries,
           COALESCE(SUM(h.applicationDate IS NOT NULL AND h.applicationDate <= ${filter.asAt}), 0) AS applications,
           COALESCE(SUM(h.approvalDate IS NOT NULL AND h.approvalDate <= ${filter.asAt}), 0) AS approvals
    FROM Household h
    WHERE h.enquiryDate BETWEEN ${filter.from} AND ${filter.to}
      ${householdCouncil(filter)} ${householdRoute(filter)}`,

  // One count per flow, each a range on its own date index: an OR of two date ranges would make SQLite visit every
  // household row that matched either.
  activityInPeriod: (filter: ReportFilter) => Prisma.sql`
    SELECT (SELECT COUNT(*) FROM Household h
            WHERE h.enquiryDate BETWEEN ${filter.from} AND ${filter.to} ${householdCouncil(filter)} ${householdRoute(filter)}) AS enquiries,
           (SELECT COUNT(*) FROM Household h
            WHERE h.applicationDate BETWEEN ${filter.from} AND ${filter.to} ${householdCouncil(filter)} ${householdRoute(filter)}) AS applications,
           (${approvalsInPeriod(filter)}) AS approvals`,

  timeToApproval: (filter: ReportFilter) => Prisma.sql`
    SELECT CAST(julianday(a.approvedOn) - julianday(h.applicationDate) AS INTEGER) AS applicationDays,
           CAST(julianday(a.approvedOn) - julianday(h.enquiryDate) AS INTEGER) AS enquiryDays
    FROM Approval a JOIN Household h ON h.id = a.householdId
    WHERE a.approvedOn BETWEEN ${filter.from} AND ${filter.to}
      ${approvalCouncil(filter)} ${householdRoute(filter)}`,

  // A deregistration is written when notice is given, before the approval's own endedOn is set on the effective
  // date (carers/resignations.server.ts), so an approval ends on its deregistration's date if it has one.
  resignations: (filter: ReportFilter) => Prisma.sql`
    SELECT (SELECT COUNT(*)
            FROM Approval a ${householdOfApproval(filter)}
            LEFT JOIN Deregistration d ON d.approvalId = a.id
            WHERE a.approvedOn < ${filter.from}
              AND (COALESCE(d.effectiveOn, a.endedOn) IS NULL OR COALESCE(d.effectiveOn, a.endedOn) >= ${filter.from})
              ${approvalCouncil(filter)} ${householdRoute(filter)}) AS householdsAtStart,
           (${approvalsInPeriod(filter)}) AS approvals,
           endings.deregistrations, endings.resignations
    FROM (SELECT COUNT(*) AS deregistrations, COALESCE(SUM(d.reasonGroup = 'resigned'), 0) AS resignations
          FROM Deregistration d
          JOIN Approval a ON a.id = d.approvalId ${householdOfApproval(filter)}
          WHERE d.effectiveOn BETWEEN ${filter.from} AND ${filter.to}
            ${approvalCouncil(filter)} ${householdRoute(filter)}) AS endings`,
};

/** Cohort C = households whose enquiry date is in the period; how many of them had applied and been approved by the as-at date. */
export async function cohortConversion(filter: ReportFilter): Promise<CohortConversion> {
  const [row] = await prisma.$queryRaw<{ enquiries: CountValue; applications: CountValue; approvals: CountValue }[]>(
    reportQueries.cohortConversion(filter),
  );
  return cohortFigures({
    enquiries: toCount(row.enquiries),
    applications: toCount(row.applications),
    approvals: toCount(row.approvals),
  });
}

/** The rates on top of the cohort's counts. */
export function cohortFigures(counts: Pick<CohortConversion, 'enquiries' | 'applications' | 'approvals'>): CohortConversion {
  const { enquiries, applications, approvals } = counts;
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
  const [row] = await prisma.$queryRaw<{ enquiries: CountValue; applications: CountValue; approvals: CountValue }[]>(
    reportQueries.activityInPeriod(filter),
  );
  return { enquiries: toCount(row.enquiries), applications: toCount(row.applications), approvals: toCount(row.approvals) };
}

/**
 * Days from application to approval and from enquiry to approval, for approvals dated in the period (DOMAIN.md
 * §6.4). Only the whole-day differences leave SQLite. An approval without a recorded application date (an old
 * import) is in n and the enquiry figures but not the application figures.
 */
export async function timeToApproval(filter: ReportFilter): Promise<TimeToApproval> {
  const rows = await prisma.$queryRaw<{ applicationDays: CountValue | null; enquiryDays: CountValue }[]>(
    reportQueries.timeToApproval(filter),
  );
  return timeToApprovalFigures(
    rows.map((row) => ({
      applicationDays: row.applicationDays === null ? null : Number(row.applicationDays),
      enquiryDays: Number(row.enquiryDays),
    })),
  );
}

/** The median and 90th percentile of the day differences. */
export function timeToApprovalFigures(rows: readonly { applicationDays: number | null; enquiryDays: number }[]): TimeToApproval {
  const applicationDays = rows.flatMap((row) => (row.applicationDays === null ? [] : [row.applicationDays]));
  const enquiryDays = rows.map((row) => row.enquiryDays);
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
  const [row] = await prisma.$queryRaw<
    { householdsAtStart: CountValue; approvals: CountValue; deregistrations: CountValue; resignations: CountValue }[]
  >(reportQueries.resignations(filter));
  return resignationFigures({
    householdsAtStart: toCount(row.householdsAtStart),
    approvals: toCount(row.approvals),
    deregistrations: toCount(row.deregistrations),
    resignations: toCount(row.resignations),
  });
}

/** The other endings, rates and net change on top of the counts. */
export function resignationFigures(counts: {
  householdsAtStart: number;
  approvals: number;
  deregistrations: number;
  resignations: number;
}): Resignations {
  const { householdsAtStart, approvals, deregistrations, resignations: resigned } = counts;
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

/** The approvals dated in the period, counted for the approving council: a subquery of the statements above. */
function approvalsInPeriod(filter: ReportFilter) {
  return Prisma.sql`
    SELECT COUNT(*)
    FROM Approval a ${householdOfApproval(filter)}
    WHERE a.approvedOn BETWEEN ${filter.from} AND ${filter.to}
      ${approvalCouncil(filter)} ${householdRoute(filter)}`;
}
