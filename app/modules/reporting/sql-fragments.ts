import { Prisma } from '~/generated/prisma/client';
import type { ReportFilter } from '~/modules/reporting/report-filter';

// The pieces every report's SQL shares: the council and route filters (households by `h`, approvals by `a`) and
// the conversion of SQLite's counts.

// SQLite hands COUNT and SUM back as bigint through the driver adapter; they become numbers here, once.
export type CountValue = bigint | number;

export function toCount(value: CountValue): number {
  return Number(value);
}

export function householdCouncil(filter: Pick<ReportFilter, 'councilId'>) {
  return filter.councilId === null ? Prisma.empty : Prisma.sql`AND h.councilId = ${filter.councilId}`;
}

export function approvalCouncil(filter: Pick<ReportFilter, 'councilId'>) {
  return filter.councilId === null ? Prisma.empty : Prisma.sql`AND a.councilId = ${filter.councilId}`;
}

// Counts by Approval rows need the household only for its route; without a route filter the join is left out, so
// SQLite can answer from the Approval and Deregistration indexes alone.
export function householdOfApproval(filter: Pick<ReportFilter, 'route'>) {
  return filter.route === null ? Prisma.empty : Prisma.sql`JOIN Household h ON h.id = a.householdId`;
}

export function householdRoute(filter: Pick<ReportFilter, 'route'>) {
  return filter.route === null ? Prisma.empty : Prisma.sql`AND h.route = ${filter.route}`;
}
