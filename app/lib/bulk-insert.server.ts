import { randomBytes } from 'node:crypto';
import { Prisma } from '~/generated/prisma/client';
import type { Tx } from '~/lib/db.server';

// Bulk inserts for the paths that write many rows at once: the historical import and the public enquiry form's group
// commit. Prisma binds at most 999 values per SQLite statement through the driver adapter and plans every createMany
// afresh (about 200 µs a row), so 100,000 imported households took three minutes. Here each statement binds one
// JSON array of rows and SQLite unpacks it with json_each: the SQL text is fixed by the code, every value arrives as
// data, and the same rows go in about fifteen times faster (decisions 007 and 015).
const ROWS_PER_STATEMENT = 2_000;

/** The tables written in bulk; table and column names come from code, never from a file or a form. */
type BulkTable =
  | 'Household'
  | 'PipelineTransition'
  | 'ContactAttempt'
  | 'HouseholdInterest'
  | 'Approval'
  | 'Deregistration'
  | 'ConstellationMembership'
  | 'Person'
  | 'Note'
  | 'AuditEvent'
  | 'OutboundEmail';

type Cell = string | number | boolean | Date | null;

/** How the driver adapter writes a DateTime, so rows inserted here read back and sort like rows Prisma wrote. */
export type InstantFormat = (instant: Date) => string;

const PROBE = new Date(Date.UTC(2000, 0, 2, 3, 4, 5, 6));
const isoWithOffset: InstantFormat = (instant) => instant.toISOString().replace('Z', '+00:00');
let checkedFormat: InstantFormat | undefined;

/**
 * Asks the database how it stores a DateTime and returns a formatter that matches it, failing loudly if the adapter
 * is ever configured differently (for example to store milliseconds since the epoch). The answer is the adapter's,
 * so it is asked once per process.
 */
export async function readInstantFormat(tx: Tx): Promise<InstantFormat> {
  if (checkedFormat) return checkedFormat;
  const [row] = await tx.$queryRaw<{ stored: unknown }[]>`SELECT CAST(${PROBE} AS TEXT) AS stored`;
  if (row?.stored !== isoWithOffset(PROBE)) {
    throw new Error(`The database stores date-times as ${String(row?.stored)}; bulk inserts expect ${isoWithOffset(PROBE)}`);
  }
  checkedFormat = isoWithOffset;
  return checkedFormat;
}

let lastMillis = 0;
let sameMillisecond = 0;

/**
 * An id for a row inserted here, in creation order like the cuids Prisma makes: a time-ordered key goes at the end
 * of the primary key's index, where a random one (a UUID) lands anywhere and, measured on a household table, costs
 * SQLite over twice the work a row and more as the table grows. The random tail keeps ids from two processes apart.
 */
export function newRowId(now = Date.now()): string {
  sameMillisecond = now === lastMillis ? sameMillisecond + 1 : 0;
  lastMillis = now;
  return `c${now.toString(36).padStart(9, '0')}${sameMillisecond.toString(36).padStart(4, '0')}${randomBytes(6).toString('hex')}`;
}

/**
 * Inserts rows that all have the same keys, in that key order. Give every `now()` and `@updatedAt` column
 * (createdAt, updatedAt…) and every id explicitly: Prisma fills those in its client, not in the database.
 */
export async function insertRows<Row extends Record<string, Cell>>(
  tx: Tx,
  table: BulkTable,
  rows: readonly Row[],
  formatInstant: InstantFormat,
) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const columnList = Prisma.raw(columns.map((column) => `"${column}"`).join(', '));
  const fromJson = Prisma.raw(columns.map((_, index) => `value ->> ${index}`).join(', '));
  const tableName = Prisma.raw(`"${table}"`);
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const batch = rows
      .slice(start, start + ROWS_PER_STATEMENT)
      .map((row) => columns.map((column) => {
        const cell = row[column];
        if (cell instanceof Date) return formatInstant(cell);
        // SQLite has no boolean: Prisma stores them as 0 and 1.
        if (typeof cell === 'boolean') return cell ? 1 : 0;
        return cell;
      }));
    await tx.$executeRaw`INSERT INTO ${tableName} (${columnList}) SELECT ${fromJson} FROM json_each(${JSON.stringify(batch)})`;
  }
}

/**
 * One row through the same statement: on the hottest write paths (a pipeline event's transition and contact rows)
 * this costs about half the server time of a model `create` (decision 019).
 */
export async function insertRow(tx: Tx, table: BulkTable, row: Record<string, Cell>) {
  await insertRows(tx, table, [row], await readInstantFormat(tx));
}
