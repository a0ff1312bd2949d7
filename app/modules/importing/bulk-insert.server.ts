import { Prisma } from '~/generated/prisma/client';
import type { Tx } from '~/lib/db.server';

// Bulk inserts for the historical import. Prisma binds at most 999 values per SQLite statement through the driver
// adapter and spends about 200 µs a row planning a createMany, so 100,000 households took three minutes. Here each
// statement binds one JSON array of rows and SQLite unpacks it with json_each: the SQL text is fixed by the code,
// every value arrives as data, and the same rows go in about fifteen times faster.
const ROWS_PER_STATEMENT = 2_000;

/** The tables the historical import writes in bulk; table and column names come from code, never from the file. */
type BulkTable = 'Household' | 'PipelineTransition' | 'HouseholdInterest' | 'Approval' | 'Deregistration' | 'ConstellationMembership';

type Cell = string | number | Date | null;

/** How the driver adapter writes a DateTime, so rows inserted here read back and sort like rows Prisma wrote. */
export type InstantFormat = (instant: Date) => string;

const PROBE = new Date(Date.UTC(2000, 0, 2, 3, 4, 5, 6));
const isoWithOffset: InstantFormat = (instant) => instant.toISOString().replace('Z', '+00:00');

/**
 * Asks the database how it stores a DateTime and returns a formatter that matches it, failing loudly if the adapter
 * is ever configured differently (for example to store milliseconds since the epoch).
 */
export async function readInstantFormat(tx: Tx): Promise<InstantFormat> {
  const [row] = await tx.$queryRaw<{ stored: unknown }[]>`SELECT CAST(${PROBE} AS TEXT) AS stored`;
  if (row?.stored !== isoWithOffset(PROBE)) {
    throw new Error(`The database stores date-times as ${String(row?.stored)}; the bulk import expects ${isoWithOffset(PROBE)}`);
  }
  return isoWithOffset;
}

/** Inserts rows that all have the same keys, in that key order. Give every `now()` column (createdAt…) explicitly. */
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
        return cell instanceof Date ? formatInstant(cell) : cell;
      }));
    await tx.$executeRaw`INSERT INTO ${tableName} (${columnList}) SELECT ${fromJson} FROM json_each(${JSON.stringify(batch)})`;
  }
}
