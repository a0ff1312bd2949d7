import { insertRow, insertRows, newRowId, readInstantFormat } from '~/lib/bulk-insert.server';
import type { Tx } from '~/lib/db.server';

export type AuditActor = { userId: string; role: string } | null;

export type AuditEntry = {
  action: string; // auth.signIn, user.invite, pipeline.CONTACT_MADE, export.households …
  entity?: string;
  entityId?: string;
  councilId?: string | null;
  summary?: string;
  before?: unknown;
  after?: unknown;
  requestId?: string;
  ip?: string;
};

/**
 * Appends one audit row inside the caller's transaction, so the record of a change commits or rolls back with it.
 * The application never updates or deletes these rows. Never pass names, contact details or free text in
 * `summary`, `before` or `after`: ids, codes and stages only.
 */
export async function recordAudit(tx: Tx, actor: AuditActor, entry: AuditEntry) {
  // Nearly every change writes one, so through the bulk insert rather than a model create (decision 019).
  await insertRow(tx, 'AuditEvent', { id: newRowId(), at: new Date(), ...auditRow(actor, entry) });
}

/** Many audit rows in one statement, for the paths that write in bulk (the public enquiry form's group commit). */
export async function recordAudits(tx: Tx, records: readonly { actor: AuditActor; entry: AuditEntry }[], now = new Date()) {
  const rows = records.map(({ actor, entry }) => ({ id: newRowId(), at: now, ...auditRow(actor, entry) }));
  await insertRows(tx, 'AuditEvent', rows, await readInstantFormat(tx));
}

function auditRow(actor: AuditActor, entry: AuditEntry) {
  return {
    actorId: actor?.userId ?? null,
    actorRole: actor?.role ?? null,
    action: entry.action,
    entity: entry.entity ?? null,
    entityId: entry.entityId ?? null,
    councilId: entry.councilId ?? null,
    summary: entry.summary ?? null,
    beforeJson: entry.before === undefined ? null : JSON.stringify(entry.before),
    afterJson: entry.after === undefined ? null : JSON.stringify(entry.after),
    requestId: entry.requestId ?? null,
    ip: entry.ip ?? null,
  };
}
