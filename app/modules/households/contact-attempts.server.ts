import { insertRow, newRowId } from '~/lib/bulk-insert.server';
import type { Tx } from '~/lib/db.server';
import { instantOnLondonDate } from '~/lib/uk';

// The contact attempt row, written inside the caller's transaction: by casework for contact that does not move the
// pipeline, and by the pipeline writer for the attempts that do (a failed first contact, or first contact made).

export type ContactAttemptRow = {
  householdId: string;
  occurredOn: string;
  channel: string;
  outcome: string;
  summary: string | null;
  byId: string;
  /** When it was keyed in: an attempt logged for today happened at this instant, an earlier one at noon. */
  now: Date;
};

export async function recordContactAttempt(tx: Tx, row: ContactAttemptRow): Promise<string> {
  const id = newRowId();
  await insertRow(tx, 'ContactAttempt', {
    id,
    householdId: row.householdId,
    occurredAt: instantOnLondonDate(row.occurredOn, row.now),
    channel: row.channel,
    outcome: row.outcome,
    summary: row.summary,
    byId: row.byId,
    createdAt: row.now,
  });
  return id;
}
