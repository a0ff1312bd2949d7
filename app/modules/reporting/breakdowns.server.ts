import { Prisma } from '~/generated/prisma/client';
import { prisma } from '~/lib/db.server';
import type { ReportFilter } from '~/modules/reporting/report-filter';
import {
  approvalCouncil,
  householdCouncil,
  householdOfApproval,
  householdRoute,
  toCount,
  type CountValue,
} from '~/modules/reporting/sql-fragments';

// The dashboard's figures beyond the four definitions in definitions.server.ts: initial visits for the funnel,
// reasons, kinship share, enquiry sources. Same rules (issue 6, DOMAIN.md §6.1): enquiries, visits, applications and
// closures count for Household.councilId; approvals and deregistrations for the approving council
// (Approval.councilId). Each function is one grouped query; the arithmetic on top is pure code in figures.ts.

export type InitialVisits = {
  /** Of the households that enquired in the period, those that had an initial visit (or applied) by the as-at date. */
  cohort: number;
  /** Initial visits dated in the period. */
  period: number;
};

export type ReasonCount = { code: string; count: number };
export type RouteCount = { route: string; count: number };
export type SourceConversion = { code: string; enquiries: number; applications: number; approvals: number };

/**
 * DOMAIN.md §6.1: "reached stage S" means an event for S or any later stage, so a household that applied without a
 * recorded visit has passed the visit too. That keeps the cohort funnel from narrowing and widening again.
 */
export async function countInitialVisits(filter: ReportFilter): Promise<InitialVisits> {
  // One count per date, each a range on its own covering index: an OR of the two ranges would read every household.
  const [row] = await prisma.$queryRaw<{ cohort: CountValue; period: CountValue }[]>`
    SELECT (SELECT COUNT(*) FROM Household h
            WHERE h.enquiryDate BETWEEN ${filter.from} AND ${filter.to}
              AND (h.initialVisitDate <= ${filter.asAt} OR h.applicationDate <= ${filter.asAt})
              ${householdCouncil(filter)} ${householdRoute(filter)}) AS cohort,
           (SELECT COUNT(*) FROM Household h
            WHERE h.initialVisitDate BETWEEN ${filter.from} AND ${filter.to}
              ${householdCouncil(filter)} ${householdRoute(filter)}) AS period`;
  return { cohort: toCount(row.cohort), period: toCount(row.period) };
}

/** Recruitment cases closed in the period, by closure reason (DOMAIN.md §2.5), most frequent first. */
export async function countClosureReasons(filter: ReportFilter): Promise<ReasonCount[]> {
  const rows = await prisma.$queryRaw<{ code: string; count: CountValue }[]>`
    SELECT COALESCE(h.closedReason, 'UNRECORDED') AS code, COUNT(*) AS count
    FROM Household h
    WHERE h.closedDate BETWEEN ${filter.from} AND ${filter.to}
      ${householdCouncil(filter)} ${householdRoute(filter)}
    GROUP BY code
    ORDER BY count DESC, code`;
  return rows.map((row) => ({ code: row.code, count: toCount(row.count) }));
}

/** Approvals that ended in the period, by primary deregistration reason (DOMAIN.md §4.7), most frequent first. */
export async function countDeregistrationReasons(filter: ReportFilter): Promise<ReasonCount[]> {
  const rows = await prisma.$queryRaw<{ code: string; count: CountValue }[]>`
    SELECT d.primaryReason AS code, COUNT(*) AS count
    FROM Deregistration d
    JOIN Approval a ON a.id = d.approvalId ${householdOfApproval(filter)}
    WHERE d.effectiveOn BETWEEN ${filter.from} AND ${filter.to}
      ${approvalCouncil(filter)} ${householdRoute(filter)}
    GROUP BY code
    ORDER BY count DESC, code`;
  return rows.map((row) => ({ code: row.code, count: toCount(row.count) }));
}

/**
 * Approvals in the period by route, for the kinship share of approvals (DOMAIN.md §6.5). A share across routes, so
 * the route filter does not apply.
 */
export async function countApprovalsByRoute(filter: ReportFilter): Promise<RouteCount[]> {
  const rows = await prisma.$queryRaw<{ route: string; count: CountValue }[]>`
    SELECT h.route AS route, COUNT(*) AS count
    FROM Approval a JOIN Household h ON h.id = a.householdId
    WHERE a.approvedOn BETWEEN ${filter.from} AND ${filter.to}
      ${approvalCouncil(filter)}
    GROUP BY h.route
    ORDER BY h.route`;
  return rows.map((row) => ({ route: row.route, count: toCount(row.count) }));
}

const SOURCE_COLUMNS = { source: Prisma.sql`h.source`, channel: Prisma.sql`h.channel` } as const;

/**
 * The cohort of the period (enquiry date in the period) split by how people heard of fostering or how they got in
 * touch, with the applications and approvals each had by the as-at date: which channels convert.
 */
export async function countCohortBySource(filter: ReportFilter, by: keyof typeof SOURCE_COLUMNS): Promise<SourceConversion[]> {
  const column = SOURCE_COLUMNS[by];
  const rows = await prisma.$queryRaw<{ code: string; enquiries: CountValue; applications: CountValue; approvals: CountValue }[]>`
    SELECT COALESCE(${column}, 'unrecorded') AS code,
           COUNT(*) AS enquiries,
           COALESCE(SUM(h.applicationDate IS NOT NULL AND h.applicationDate <= ${filter.asAt}), 0) AS applications,
           COALESCE(SUM(h.approvalDate IS NOT NULL AND h.approvalDate <= ${filter.asAt}), 0) AS approvals
    FROM Household h
    WHERE h.enquiryDate BETWEEN ${filter.from} AND ${filter.to}
      ${householdCouncil(filter)} ${householdRoute(filter)}
    GROUP BY code
    ORDER BY enquiries DESC, code`;
  return rows.map((row) => ({
    code: row.code,
    enquiries: toCount(row.enquiries),
    applications: toCount(row.applications),
    approvals: toCount(row.approvals),
  }));
}
