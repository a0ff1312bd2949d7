import { Prisma } from '~/generated/prisma/client';
import { prisma } from '~/lib/db.server';
import {
  approvalCouncil,
  householdCouncil,
  householdRoute,
  toCount,
  type CountValue,
} from '~/modules/reporting/sql-fragments';
import { financialYearsEndingWith, monthsBetween } from '~/modules/reporting/months';
import type { ReportFilter } from '~/modules/reporting/report-filter';

// Monthly and yearly series for the trend charts. One grouped query per chart; months with nothing in them are
// filled with zeros here, so a quiet month shows as 0 rather than vanishing from the chart.

export type MonthlyActivity = { month: string; enquiries: number; applications: number; approvals: number; deregistrations: number };

/** Enquiries, applications, approvals and deregistrations per calendar month of the period, each by its own date. */
export async function countMonthlyActivity(filter: ReportFilter): Promise<MonthlyActivity[]> {
  const rows = await prisma.$queryRaw<{ series: string; month: string; count: CountValue }[]>`
    SELECT 'enquiries' AS series, substr(h.enquiryDate, 1, 7) AS month, COUNT(*) AS count
    FROM Household h
    WHERE h.enquiryDate BETWEEN ${filter.from} AND ${filter.to} ${householdCouncil(filter)} ${householdRoute(filter)}
    GROUP BY month
    UNION ALL
    SELECT 'applications', substr(h.applicationDate, 1, 7) AS month, COUNT(*)
    FROM Household h
    WHERE h.applicationDate BETWEEN ${filter.from} AND ${filter.to} ${householdCouncil(filter)} ${householdRoute(filter)}
    GROUP BY month
    UNION ALL
    SELECT 'approvals', substr(a.approvedOn, 1, 7) AS month, COUNT(*)
    FROM Approval a JOIN Household h ON h.id = a.householdId
    WHERE a.approvedOn BETWEEN ${filter.from} AND ${filter.to} ${approvalCouncil(filter)} ${householdRoute(filter)}
    GROUP BY month
    UNION ALL
    SELECT 'deregistrations', substr(d.effectiveOn, 1, 7) AS month, COUNT(*)
    FROM Deregistration d JOIN Approval a ON a.id = d.approvalId JOIN Household h ON h.id = a.householdId
    WHERE d.effectiveOn BETWEEN ${filter.from} AND ${filter.to} ${approvalCouncil(filter)} ${householdRoute(filter)}
    GROUP BY month`;
  const byMonth = new Map(
    monthsBetween(filter.from, filter.to).map((month) => [
      month,
      { month, enquiries: 0, applications: 0, approvals: 0, deregistrations: 0 } satisfies MonthlyActivity,
    ]),
  );
  for (const row of rows) {
    const entry = byMonth.get(row.month);
    if (entry && isActivitySeries(row.series)) entry[row.series] = toCount(row.count);
  }
  return [...byMonth.values()];
}

function isActivitySeries(series: string): series is Exclude<keyof MonthlyActivity, 'month'> {
  return series === 'enquiries' || series === 'applications' || series === 'approvals' || series === 'deregistrations';
}

/**
 * The enquiry types the monthly targets are set for (DOMAIN.md §6.3, Derbyshire 2017). The universal target counts
 * mainstream enquiries; the others count enquiries tagged with any of their interests. The rows overlap (the
 * universal 40 includes disability and separated children), so they are never added up. `targetEnquiryType` is how
 * a Target row names the type. Kinship referrals have their own funnel and no monthly target.
 */
export const ENQUIRY_TYPE_SERIES = [
  { key: 'universal', label: 'Mainstream enquiries (any type)', route: 'mainstream', interests: null, targetEnquiryType: 'mainstream' },
  { key: 'disabilities', label: 'Children with disabilities', route: null, interests: ['disabilities'], targetEnquiryType: 'disabilities' },
  { key: 'supportedLodgings', label: 'Supported lodgings', route: null, interests: ['supportedLodgings'], targetEnquiryType: 'supportedLodgings' },
  {
    key: 'siblingsTeenagers',
    label: 'Sibling groups and teenagers',
    route: null,
    interests: ['siblingGroups', 'teenagers'],
    targetEnquiryType: 'siblingGroups,teenagers',
  },
  { key: 'separatedChildren', label: 'Separated children (UASC)', route: null, interests: ['separatedChildren'], targetEnquiryType: 'separatedChildren' },
  { key: 'kinship', label: 'Kinship referrals', route: 'kinship', interests: null, targetEnquiryType: null },
] as const;

export type EnquiryTypeKey = (typeof ENQUIRY_TYPE_SERIES)[number]['key'];
export type MonthlyEnquiriesByType = { month: string; counts: Record<EnquiryTypeKey, number> };

/** Enquiries per month for each type above, in one query (a column per type). */
export async function countMonthlyEnquiriesByType(filter: ReportFilter): Promise<MonthlyEnquiriesByType[]> {
  const columns = ENQUIRY_TYPE_SERIES.map((series) => {
    const condition = series.interests
      ? Prisma.sql`EXISTS (SELECT 1 FROM HouseholdInterest i WHERE i.householdId = h.id AND i.interest IN (${Prisma.join([...series.interests])}))`
      : Prisma.sql`h.route = ${series.route}`;
    // The alias is one of our own keys, never input.
    return Prisma.sql`COALESCE(SUM(${condition}), 0) AS ${Prisma.raw(`"${series.key}"`)}`;
  });
  const rows = await prisma.$queryRaw<({ month: string } & Record<EnquiryTypeKey, CountValue>)[]>`
    SELECT substr(h.enquiryDate, 1, 7) AS month, ${Prisma.join(columns)}
    FROM Household h
    WHERE h.enquiryDate BETWEEN ${filter.from} AND ${filter.to} ${householdCouncil(filter)} ${householdRoute(filter)}
    GROUP BY month`;
  const found = new Map(rows.map((row) => [row.month, row]));
  return monthsBetween(filter.from, filter.to).map((month) => {
    const row = found.get(month);
    const counts = Object.fromEntries(
      ENQUIRY_TYPE_SERIES.map((series) => [series.key, row ? toCount(row[series.key]) : 0]),
    ) as Record<EnquiryTypeKey, number>;
    return { month, counts };
  });
}

export type MonthlyEnquiryTarget = { enquiryType: string; label: string; valueCount: number; councilId: string | null; source: string };

/**
 * Monthly enquiry targets in force at the end of the period for this council (its own, or FfEM-wide ones). For all
 * four councils together only FfEM-wide targets apply: one council's target is not the region's.
 */
export async function listMonthlyEnquiryTargets(filter: Pick<ReportFilter, 'councilId' | 'to'>): Promise<MonthlyEnquiryTarget[]> {
  const targets = await prisma.target.findMany({
    where: {
      basis: 'monthlyCount',
      valueCount: { not: null },
      enquiryType: { not: null },
      effectiveFrom: { lte: filter.to },
      AND: [
        { OR: [{ effectiveTo: null }, { effectiveTo: { gte: filter.to } }] },
        { OR: [{ councilId: null }, ...(filter.councilId === null ? [] : [{ councilId: filter.councilId }])] },
      ],
    },
    select: { enquiryType: true, label: true, valueCount: true, councilId: true, source: true, effectiveFrom: true },
    orderBy: [{ effectiveFrom: 'desc' }, { id: 'asc' }],
    take: 50,
  });
  // A council's own target wins over an FfEM-wide one; then the most recently effective.
  const chosen = new Map<string, MonthlyEnquiryTarget>();
  for (const target of [...targets].sort((a, b) => Number(b.councilId !== null) - Number(a.councilId !== null))) {
    if (target.enquiryType === null || target.valueCount === null || chosen.has(target.enquiryType)) continue;
    chosen.set(target.enquiryType, {
      enquiryType: target.enquiryType,
      label: target.label,
      valueCount: target.valueCount,
      councilId: target.councilId,
      source: target.source,
    });
  }
  return [...chosen.values()];
}

export type YearlyNetGain = { startYear: number; approvals: number; deregistrations: number };

/** Approvals and deregistrations per financial year, for the `years` financial years ending with the period's. */
export async function countYearlyNetGain(filter: ReportFilter, years: number): Promise<YearlyNetGain[]> {
  const range = financialYearsEndingWith(filter.to, years);
  const from = range[0].from;
  const to = range[range.length - 1].to;
  // The financial year starts in April: a date in January to March belongs to the year that started the April before.
  const rows = await prisma.$queryRaw<{ series: string; startYear: CountValue; count: CountValue }[]>`
    SELECT 'approvals' AS series,
           CAST(substr(a.approvedOn, 1, 4) AS INTEGER) - (substr(a.approvedOn, 6, 2) < '04') AS startYear,
           COUNT(*) AS count
    FROM Approval a JOIN Household h ON h.id = a.householdId
    WHERE a.approvedOn BETWEEN ${from} AND ${to} ${approvalCouncil(filter)} ${householdRoute(filter)}
    GROUP BY startYear
    UNION ALL
    SELECT 'deregistrations',
           CAST(substr(d.effectiveOn, 1, 4) AS INTEGER) - (substr(d.effectiveOn, 6, 2) < '04') AS startYear,
           COUNT(*)
    FROM Deregistration d JOIN Approval a ON a.id = d.approvalId JOIN Household h ON h.id = a.householdId
    WHERE d.effectiveOn BETWEEN ${from} AND ${to} ${approvalCouncil(filter)} ${householdRoute(filter)}
    GROUP BY startYear`;
  const byYear = new Map(range.map(({ startYear }) => [startYear, { startYear, approvals: 0, deregistrations: 0 }]));
  for (const row of rows) {
    const entry = byYear.get(Number(row.startYear));
    if (!entry) continue;
    if (row.series === 'approvals') entry.approvals = toCount(row.count);
    else entry.deregistrations = toCount(row.count);
  }
  return [...byYear.values()];
}
