import { prisma } from '~/lib/db.server';
import { Conflict, Forbidden, NotFound, ValidationFailed } from '~/lib/errors';
import { todayInLondon } from '~/lib/uk';
import { addMonthsClamped } from '~/lib/working-days';
import { recordAudit } from '~/modules/audit/audit.server';
import { can } from '~/modules/auth/access.server';
import type { CouncilViewer, Viewer } from '~/modules/auth/viewer';
import type { OpenSgoCaseInput, SgoContactInput, UpdateSgoCaseInput } from '~/modules/kinship/schema';
import { contactMethodLabel, formerCarerStatusLabel, sgoReviewDue } from '~/modules/kinship/sgo';

// Special guardianship support cases (DOMAIN.md §3.3): the council's SGO support team's caseload, with the support
// plan, the weekly allowance (a restricted finance field: every read is audited, only a manager sets it), review
// dates and contacts. A case starts from one of the council's kinship households, linked, or is opened directly.

export type SgoCommandOptions = { requestId?: string; now?: Date };

const NOT_FOUND = 'Special guardianship support case not found';
const CHECK = 'Check the details you entered.';
const LIST_PAGE = 200;
const CONTACTS_PAGE = 50;

const actorOf = (viewer: Viewer) => ({ userId: viewer.userId, role: viewer.role });

function sgoViewer(viewer: Viewer): CouncilViewer {
  if (viewer.councilId === null || !can(viewer, 'sgo.view', { councilId: viewer.councilId })) {
    throw new Forbidden('You do not have permission to view special guardianship support');
  }
  return viewer;
}

/** Kinship households of the viewer's council, in the pipeline or approved, with no open SGO support case yet. */
function kinshipHouseholdWhere(councilId: string) {
  return {
    route: 'kinship',
    allocatedCouncilId: councilId,
    kinship: { isNot: null },
    sgoSupportCases: { none: { status: 'open' } },
  };
}

export async function listSgoCasesForViewer(viewer: Viewer, options: { now?: Date } = {}) {
  const { councilId } = sgoViewer(viewer);
  const today = todayInLondon(options.now);
  const [cases, closed, kinshipHouseholds] = await Promise.all([
    prisma.sgoSupportCase.findMany({
      where: { councilId, status: 'open' },
      select: { id: true, reference: true, guardianDisplayName: true, childReference: true, orderDate: true, nextReviewOn: true, householdId: true },
      orderBy: [{ nextReviewOn: 'asc' }, { reference: 'asc' }],
      take: LIST_PAGE,
    }),
    prisma.sgoSupportCase.count({ where: { councilId, status: 'closed' } }),
    prisma.household.findMany({
      where: kinshipHouseholdWhere(councilId),
      select: { id: true, reference: true, displayName: true },
      orderBy: [{ displayName: 'asc' }, { reference: 'asc' }],
      take: LIST_PAGE,
    }),
  ]);
  // A case without a review date goes last: SQLite sorts NULL first in ascending order.
  const listed = [...cases.filter((row) => row.nextReviewOn !== null), ...cases.filter((row) => row.nextReviewOn === null)];
  const rows = listed.map((row) => ({ ...row, due: sgoReviewDue(row.nextReviewOn, today) }));
  return {
    cases: rows,
    overdue: rows.filter((row) => row.due === 'overdue').length,
    dueSoon: rows.filter((row) => row.due === 'dueSoon').length,
    closed,
    kinshipHouseholds,
    mayOpen: can(viewer, 'sgo.manage', { councilId }),
  };
}

/** The "open a case" page: empty, or prefilled from a kinship household of the viewer's council. */
export async function getNewSgoCaseForm(viewer: Viewer, householdId: string | null, options: { now?: Date } = {}) {
  const { councilId } = sgoViewer(viewer);
  if (!can(viewer, 'sgo.manage', { councilId })) throw new Forbidden('You do not have permission to open special guardianship support cases');
  const today = todayInLondon(options.now);
  const base = { maySetAllowance: can(viewer, 'sgo.setAllowance', { councilId }), suggestedReviewOn: addMonthsClamped(today, 12) };
  if (householdId === null) return { ...base, household: null };
  const household = await prisma.household.findFirst({
    where: { id: householdId, ...kinshipHouseholdWhere(councilId) },
    select: { id: true, reference: true, displayName: true, kinship: { select: { childReference: true } } },
  });
  if (!household) throw new NotFound('Kinship household not found, or it already has an open support case');
  return {
    ...base,
    household: {
      id: household.id,
      reference: household.reference,
      displayName: household.displayName,
      childReference: household.kinship?.childReference ?? '',
    },
  };
}

function assertAllowanceAllowed(viewer: CouncilViewer, input: { weeklyAllowancePence: number | null }) {
  if (input.weeklyAllowancePence !== null && !can(viewer, 'sgo.setAllowance', { councilId: viewer.councilId })) {
    throw new ValidationFailed(CHECK, { weeklyAllowancePence: 'Only a fostering team manager can set the allowance' });
  }
}

export async function openSgoCase(viewer: Viewer, input: OpenSgoCaseInput, options: SgoCommandOptions = {}) {
  const manager = sgoViewer(viewer);
  if (!can(viewer, 'sgo.manage', { councilId: manager.councilId })) throw new Forbidden('You do not have permission to open special guardianship support cases');
  const today = todayInLondon(options.now);
  if (input.orderDate > today) throw new ValidationFailed(CHECK, { orderDate: 'The order date must be today or in the past' });
  assertAllowanceAllowed(manager, input);
  return prisma.$transaction(async (tx) => {
    if (input.householdId !== undefined) {
      const household = await tx.household.findFirst({ where: { id: input.householdId, ...kinshipHouseholdWhere(manager.councilId) }, select: { id: true } });
      if (!household) throw new ValidationFailed(CHECK, { householdId: 'This kinship household is not in your council, or already has an open support case' });
    }
    const year = today.slice(0, 4);
    const sameYear = await tx.sgoSupportCase.count({ where: { reference: { startsWith: `SGO-${year}-` } } });
    const supportCase = await tx.sgoSupportCase.create({
      data: {
        councilId: manager.councilId,
        householdId: input.householdId ?? null,
        reference: `SGO-${year}-${String(sameYear + 1).padStart(5, '0')}`,
        guardianDisplayName: input.guardianDisplayName,
        childReference: input.childReference,
        orderDate: input.orderDate,
        formerCarerStatus: input.formerCarerStatus,
        supportPlan: input.supportPlan ?? null,
        weeklyAllowancePence: input.weeklyAllowancePence,
        allowanceStartOn: input.weeklyAllowancePence === null ? null : (input.allowanceStartOn ?? null),
        nextReviewOn: input.nextReviewOn,
      },
      select: { id: true, reference: true },
    });
    await recordAudit(tx, actorOf(viewer), {
      action: 'sgo.caseOpened',
      entity: 'SgoSupportCase',
      entityId: supportCase.id,
      councilId: manager.councilId,
      after: { householdId: input.householdId ?? null, orderDate: input.orderDate, nextReviewOn: input.nextReviewOn, allowanceSet: input.weeklyAllowancePence !== null },
      requestId: options.requestId,
    });
    return supportCase;
  });
}

export async function getSgoCasePage(viewer: Viewer, caseId: string, options: SgoCommandOptions = {}) {
  const { councilId } = sgoViewer(viewer);
  const today = todayInLondon(options.now);
  const supportCase = await prisma.sgoSupportCase.findFirst({
    where: { id: caseId, councilId },
    select: {
      id: true,
      reference: true,
      householdId: true,
      guardianDisplayName: true,
      childReference: true,
      orderDate: true,
      formerCarerStatus: true,
      supportPlan: true,
      weeklyAllowancePence: true,
      allowanceStartOn: true,
      allowanceEndOn: true,
      nextReviewOn: true,
      status: true,
      version: true,
      household: { select: { reference: true } },
      council: { select: { name: true } },
      contacts: {
        select: { id: true, occurredOn: true, method: true, summary: true },
        orderBy: [{ occurredOn: 'desc' }, { createdAt: 'desc' }],
        take: CONTACTS_PAGE,
      },
    },
  });
  if (!supportCase) throw new NotFound(NOT_FOUND);
  // Special guardianship finances are restricted fields: each read is audited (DOMAIN.md §1.4).
  await recordAudit(prisma, actorOf(viewer), {
    action: 'sgo.financeViewed',
    entity: 'SgoSupportCase',
    entityId: supportCase.id,
    councilId,
    requestId: options.requestId,
  });
  const { contacts, household, council, ...fields } = supportCase;
  return {
    supportCase: {
      ...fields,
      householdReference: household?.reference ?? null,
      councilName: council.name,
      formerCarerStatusLabel: formerCarerStatusLabel(fields.formerCarerStatus),
      due: sgoReviewDue(fields.status === 'open' ? fields.nextReviewOn : null, today),
    },
    contacts: contacts.map((contact) => ({ ...contact, methodLabel: contactMethodLabel(contact.method) })),
    mayManage: supportCase.status === 'open' && can(viewer, 'sgo.manage', { councilId }),
    maySetAllowance: supportCase.status === 'open' && can(viewer, 'sgo.setAllowance', { councilId }),
  };
}

async function caseToChange(viewer: Viewer, caseId: string) {
  const { councilId } = sgoViewer(viewer);
  const supportCase = await prisma.sgoSupportCase.findFirst({
    where: { id: caseId, councilId },
    select: { id: true, councilId: true, orderDate: true, status: true },
  });
  if (!supportCase) throw new NotFound(NOT_FOUND);
  if (!can(viewer, 'sgo.manage', supportCase)) throw new Forbidden('You do not have permission to change this support case');
  if (supportCase.status !== 'open') throw new ValidationFailed('This support case is closed.', { form: 'This support case is closed' });
  return supportCase;
}

export async function updateSgoCase(viewer: Viewer, caseId: string, input: UpdateSgoCaseInput, options: SgoCommandOptions = {}) {
  const supportCase = await caseToChange(viewer, caseId);
  const maySetAllowance = can(viewer, 'sgo.setAllowance', supportCase);
  if (!maySetAllowance && input.weeklyAllowancePence !== null) {
    throw new ValidationFailed(CHECK, { weeklyAllowancePence: 'Only a fostering team manager can set the allowance' });
  }
  const errors: Record<string, string> = {};
  if (input.nextReviewOn < supportCase.orderDate) errors.nextReviewOn = 'The next review must be on or after the order date';
  if (maySetAllowance && input.weeklyAllowancePence !== null) {
    if (input.allowanceStartOn === undefined) errors.allowanceStartOn = 'Enter the date the allowance starts';
    else if (input.allowanceStartOn < supportCase.orderDate) errors.allowanceStartOn = 'The allowance must start on or after the order date';
  }
  if (Object.keys(errors).length > 0) throw new ValidationFailed(CHECK, errors);
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.sgoSupportCase.updateMany({
      where: { id: caseId, version: input.version },
      data: {
        supportPlan: input.supportPlan ?? null,
        nextReviewOn: input.nextReviewOn,
        ...(maySetAllowance
          ? {
              weeklyAllowancePence: input.weeklyAllowancePence,
              allowanceStartOn: input.weeklyAllowancePence === null ? null : (input.allowanceStartOn ?? null),
            }
          : {}),
        version: { increment: 1 },
      },
    });
    if (count !== 1) throw new Conflict('This record changed while you were editing. Reload the page to see the latest, then make your change again.');
    await recordAudit(tx, actorOf(viewer), {
      action: 'sgo.caseUpdated',
      entity: 'SgoSupportCase',
      entityId: caseId,
      councilId: supportCase.councilId,
      after: { nextReviewOn: input.nextReviewOn, allowanceChanged: maySetAllowance },
      requestId: options.requestId,
    });
  });
}

export async function logSgoContact(viewer: Viewer, caseId: string, input: SgoContactInput, options: SgoCommandOptions = {}) {
  const supportCase = await caseToChange(viewer, caseId);
  if (input.occurredOn > todayInLondon(options.now)) throw new ValidationFailed(CHECK, { occurredOn: 'The date must be today or in the past' });
  return prisma.$transaction(async (tx) => {
    const contact = await tx.sgoSupportContact.create({
      data: { caseId, occurredOn: input.occurredOn, method: input.method, summary: input.summary, recordedById: viewer.userId },
      select: { id: true },
    });
    await recordAudit(tx, actorOf(viewer), {
      action: 'sgo.contactLogged',
      entity: 'SgoSupportContact',
      entityId: contact.id,
      councilId: supportCase.councilId,
      after: { caseId, occurredOn: input.occurredOn, method: input.method },
      requestId: options.requestId,
    });
    return contact;
  });
}
