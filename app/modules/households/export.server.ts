import type { Prisma } from '~/generated/prisma/client';
import { prisma } from '~/lib/db.server';
import { londonDateOf, todayInLondon } from '~/lib/uk';
import { recordAudit } from '~/modules/audit/audit.server';
import { assertCan } from '~/modules/auth/access.server';
import type { Viewer } from '~/modules/auth/viewer';
import { closureReasonLabel } from '~/modules/codes/closure-reasons';
import { enquiryChannelLabel, enquiryInterestLabel, enquirySourceLabel } from '~/modules/codes/enquiry';
import type { HouseholdFilter } from '~/modules/households/filters';
import { countHouseholds, deadlineLabel, readHouseholdsAfter, type SortAnchor } from '~/modules/households/households.server';
import { stageLabel } from '~/modules/pipeline/stages';

// The CSV download of the list's current filter: the same scoped query, streamed in keyset batches so a large
// export never sits in memory. Personal data leaving the system, so managers only, audited, and no notes, health
// or free text (STYLE.md §7).

const BATCH_SIZE = 500;
// Excel reads a file without a byte order mark as Windows-1252 and garbles names with accents.
const BYTE_ORDER_MARK = '\uFEFF';

const EXPORT_SELECT = {
  id: true,
  reference: true,
  displayName: true,
  route: true,
  stage: true,
  channel: true,
  source: true,
  council: { select: { name: true } },
  allocatedCouncil: { select: { name: true } },
  owner: { select: { name: true } },
  interests: { select: { interest: true }, orderBy: { interest: 'asc' } },
  enquiryDate: true,
  initialVisitDate: true,
  applicationDate: true,
  handoverDate: true,
  panelDate: true,
  approvalDate: true,
  closedDate: true,
  closedReason: true,
  nextDueOn: true,
  nextDueRule: true,
  lastActivityAt: true,
  updatedAt: true,
} satisfies Prisma.HouseholdSelect;

type ExportRow = Prisma.HouseholdGetPayload<{ select: typeof EXPORT_SELECT }>;

const COLUMNS: readonly { header: string; value: (row: ExportRow) => string | null }[] = [
  { header: 'Reference', value: (row) => row.reference },
  { header: 'Household', value: (row) => row.displayName },
  { header: 'Route', value: (row) => (row.route === 'kinship' ? 'Kinship' : 'Mainstream') },
  { header: 'Stage', value: (row) => stageLabel(row.stage) },
  { header: 'Council', value: (row) => row.council?.name ?? null },
  { header: 'Allocated council', value: (row) => row.allocatedCouncil?.name ?? null },
  { header: 'Worker', value: (row) => row.owner?.name ?? null },
  { header: 'Enquiry date', value: (row) => row.enquiryDate },
  { header: 'How the enquiry arrived', value: (row) => enquiryChannelLabel(row.channel) },
  { header: 'How they heard about fostering', value: (row) => (row.source ? enquirySourceLabel(row.source) : null) },
  { header: 'Interested in', value: (row) => row.interests.map((entry) => enquiryInterestLabel(entry.interest)).join('; ') },
  { header: 'Initial visit date', value: (row) => row.initialVisitDate },
  { header: 'Application date', value: (row) => row.applicationDate },
  { header: 'Handover date', value: (row) => row.handoverDate },
  { header: 'Panel date', value: (row) => row.panelDate },
  { header: 'Approval date', value: (row) => row.approvalDate },
  { header: 'Closed date', value: (row) => row.closedDate },
  { header: 'Reason for closing', value: (row) => (row.closedReason ? closureReasonLabel(row.closedReason) : null) },
  { header: 'Next deadline', value: (row) => deadlineLabel(row.nextDueRule) },
  { header: 'Next deadline date', value: (row) => row.nextDueOn },
  { header: 'Last activity date', value: (row) => londonDateOf(row.lastActivityAt) },
  { header: 'Last updated date', value: (row) => londonDateOf(row.updatedAt) },
];

// A cell starting with one of these is run as a formula by spreadsheet programs (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

function csvField(value: string | null): string {
  if (value === null || value === '') return '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvLine(values: readonly (string | null)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** What the audit row keeps of the filter: its choices, but never the search text, which may be a name or email. */
function auditableFilter({ q, ...filter }: HouseholdFilter) {
  return { ...filter, searched: Boolean(q) };
}

/**
 * Starts a CSV download of every household the filter matches for this viewer, in the list's order. The audit row
 * is written before the first byte, so no export leaves unrecorded, even one cut off half way.
 */
export async function exportHouseholdsCsv(
  viewer: Viewer,
  filter: HouseholdFilter,
  { requestId, today = todayInLondon() }: { requestId?: string; today?: string } = {},
) {
  assertCan(viewer, 'export.households');
  const rowCount = await countHouseholds(viewer, filter, today);
  await recordAudit(prisma, { userId: viewer.userId, role: viewer.role }, {
    action: 'export.households',
    entity: 'Household',
    councilId: viewer.councilId,
    summary: `Downloaded ${rowCount} ${rowCount === 1 ? 'household' : 'households'} as CSV`,
    after: { filter: auditableFilter(filter), rowCount },
    requestId,
  });

  const encoder = new TextEncoder();
  let lastRow: SortAnchor | null = null;
  let headerSent = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(BYTE_ORDER_MARK + csvLine(COLUMNS.map((column) => column.header))));
        return;
      }
      const rows = await readHouseholdsAfter(viewer, filter, { anchor: lastRow, take: BATCH_SIZE, today }, (segment, limit) =>
        prisma.household.findMany({ where: segment.where, orderBy: segment.orderBy, select: EXPORT_SELECT, take: limit }),
      );
      if (rows.length > 0) {
        controller.enqueue(encoder.encode(rows.map((row) => csvLine(COLUMNS.map((column) => column.value(row)))).join('')));
      }
      if (rows.length < BATCH_SIZE) controller.close();
      else lastRow = rows[rows.length - 1];
    },
  });

  return { filename: `households-${today}.csv`, rowCount, body };
}
