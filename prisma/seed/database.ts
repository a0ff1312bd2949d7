import { Prisma, type PrismaClient } from '~/generated/prisma/client';
import type { Tx } from '~/lib/db.server';
import type { DemoData } from './demo-data';

// Writing the demo data: one transaction, children deleted before parents.
//
// The large tables go in as multi-row INSERTs through $executeRaw rather than createMany: measured on 50,000 rows,
// createMany spent about 12 s in the client turning each row into a query, the raw statements under 2 s. Values
// still pass through the driver adapter, so dates and booleans are stored exactly as Prisma stores them. Rows are
// typed by each table's CreateManyInput; a column missing from a row is written as null, and a column no row sets
// is left out, so the database default applies.

// SQLite allows 32,766 bound parameters per statement.
const MAX_PARAMETERS = 32_000;
const TRANSACTION_TIMEOUT_MS = 5 * 60_000;

async function insertRows(tx: Tx, table: Prisma.ModelName, rows: readonly object[]) {
  if (rows.length === 0) return;
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const rowsPerStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const head = Prisma.raw(`INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) VALUES `);
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const values = rows.slice(start, start + rowsPerStatement).map((row) => {
      const record = row as Record<string, unknown>;
      return Prisma.sql`(${Prisma.join(columns.map((column) => record[column] ?? null))})`;
    });
    await tx.$executeRaw`${head}${Prisma.join(values)}`;
  }
}

/** Every row in every table, in an order that never leaves a row pointing at a deleted one. */
async function deleteEverything(tx: Tx) {
  await tx.auditEvent.deleteMany();
  await tx.panelMember.deleteMany();
  await tx.panelItem.deleteMany();
  await tx.panel.deleteMany();
  await tx.outboundEmail.deleteMany();
  await tx.session.deleteMany();
  await tx.passwordResetToken.deleteMany();
  await tx.magicLinkToken.deleteMany();
  await tx.signInThrottle.deleteMany();
  await tx.mockingbirdActivity.deleteMany();
  await tx.constellationMembership.deleteMany();
  await tx.constellation.deleteMany();
  await tx.sgoSupportCase.deleteMany();
  await tx.stayingPutArrangement.deleteMany();
  await tx.deregistration.deleteMany();
  await tx.placementSummary.deleteMany();
  await tx.approvalReview.deleteMany();
  await tx.approvalTerms.deleteMany();
  await tx.approval.deleteMany();
  await tx.kinshipDetails.deleteMany();
  await tx.applicationSection.deleteMany();
  await tx.application.deleteMany();
  await tx.stage1Check.deleteMany();
  await tx.note.deleteMany();
  await tx.contactAttempt.deleteMany();
  await tx.task.deleteMany();
  await tx.pipelineTransition.deleteMany();
  await tx.householdInterest.deleteMany();
  await tx.person.deleteMany();
  await tx.household.deleteMany();
  await tx.user.deleteMany();
  await tx.target.deleteMany();
  await tx.costParameter.deleteMany();
  await tx.bankHoliday.deleteMany();
  await tx.council.deleteMany();
}

export async function writeDemoData(prisma: PrismaClient, data: DemoData, options: { deleteFirst: boolean }) {
  await prisma.$transaction(
    async (tx) => {
      if (options.deleteFirst) await deleteEverything(tx);
      await tx.council.createMany({ data: [...data.councils] });
      await tx.user.createMany({ data: data.users });
      await insertRows(tx, 'Household', data.households);
      await insertRows(tx, 'Person', data.people);
      await insertRows(tx, 'HouseholdInterest', data.interests);
      await insertRows(tx, 'PipelineTransition', data.transitions);
      await insertRows(tx, 'ContactAttempt', data.contactAttempts);
      await insertRows(tx, 'Note', data.notes);
      await insertRows(tx, 'Task', data.tasks);
      await insertRows(tx, 'KinshipDetails', data.kinshipDetails);
      await insertRows(tx, 'Approval', data.approvals);
      await insertRows(tx, 'ApprovalTerms', data.approvalTerms);
      await insertRows(tx, 'ApprovalReview', data.approvalReviews);
      await insertRows(tx, 'PlacementSummary', data.placements);
      await insertRows(tx, 'Deregistration', data.deregistrations);
      await insertRows(tx, 'StayingPutArrangement', data.stayingPut);
      await tx.constellation.createMany({ data: data.constellations });
      await tx.constellationMembership.createMany({ data: data.memberships });
      await insertRows(tx, 'MockingbirdActivity', data.activities);
      await tx.panel.createMany({ data: data.panels });
      await tx.panelItem.createMany({ data: data.panelItems });
      await tx.panelMember.createMany({ data: data.panelMembers });
      await tx.sgoSupportCase.createMany({ data: data.sgoSupportCases });
      await tx.target.createMany({ data: data.targets });
      await tx.costParameter.createMany({ data: data.costParameters });
      await tx.bankHoliday.deleteMany({ where: { date: { in: data.bankHolidays.map((holiday) => holiday.date) } } });
      await tx.bankHoliday.createMany({ data: data.bankHolidays });
    },
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 30_000 },
  );
}
