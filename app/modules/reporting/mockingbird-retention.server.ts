import { Prisma } from '~/generated/prisma/client';
import { prisma } from '~/lib/db.server';
import { percentage } from '~/modules/reporting/figures';
import type { ReportFilter } from '~/modules/reporting/report-filter';
import { approvalCouncil, type CountValue } from '~/modules/reporting/sql-fragments';

// Mockingbird's retention comparison (DOMAIN.md §5, §6.5): the resignation rate of households in a constellation
// against households that were not. The definition is resignations() in definitions.server.ts, split in two:
// households at the start are approvals dated before `from` whose approval had not ended before `from`; resignations
// are Deregistration rows in reason group 'resigned' effective in the period. The two groups add up to
// resignations()'s own households_at_start and resignations, with the same council rule (the approving council).
//
// A household counts as a member when any of its constellation memberships overlapped the period (joined on or
// before `to`, and not left before `from`): a member who resigned left the constellation that day, and still counts.
// Members are not a random sample, so the page must say the comparison is not causal.

export type MockingbirdRetentionFilter = Pick<ReportFilter, 'from' | 'to' | 'councilId'>;

export type RetentionGroup = {
  households_at_start: number;
  resignations: number;
  resignation_rate_pct: number | null;
};

export type MockingbirdRetention = {
  members: RetentionGroup;
  nonMembers: RetentionGroup;
};

export async function mockingbirdRetention(filter: MockingbirdRetentionFilter): Promise<MockingbirdRetention> {
  const council = approvalCouncil(filter);
  // A list of member households that SQLite builds once per statement, rather than a lookup for each approval.
  const memberOf = (alias: string) => Prisma.sql`${Prisma.raw(alias)}.householdId IN (
      SELECT m.householdId FROM ConstellationMembership m
      WHERE m.joinedOn <= ${filter.to}
        AND (m.leftOn IS NULL OR m.leftOn >= ${filter.from}))`;
  const stock = await prisma.$queryRaw<{ member: CountValue; households: CountValue }[]>`
    SELECT ${memberOf('a')} AS member, COUNT(*) AS households
    FROM Approval a
    LEFT JOIN Deregistration d ON d.approvalId = a.id
    WHERE a.approvedOn < ${filter.from}
      AND (COALESCE(d.effectiveOn, a.endedOn) IS NULL OR COALESCE(d.effectiveOn, a.endedOn) >= ${filter.from})
      ${council}
    GROUP BY member`;
  const resigned = await prisma.$queryRaw<{ member: CountValue; resignations: CountValue }[]>`
    SELECT ${memberOf('a')} AS member, COUNT(*) AS resignations
    FROM Deregistration d
    JOIN Approval a ON a.id = d.approvalId
    WHERE d.effectiveOn BETWEEN ${filter.from} AND ${filter.to}
      AND d.reasonGroup = 'resigned'
      ${council}
    GROUP BY member`;
  const group = (member: boolean): RetentionGroup => {
    const households = Number(stock.find((row) => Number(row.member) === Number(member))?.households ?? 0);
    const resignations = Number(resigned.find((row) => Number(row.member) === Number(member))?.resignations ?? 0);
    return { households_at_start: households, resignations, resignation_rate_pct: percentage(resignations, households) };
  };
  return { members: group(true), nonMembers: group(false) };
}
