import { redirect } from '@remix-run/node';
import type { Prisma } from '~/generated/prisma/client';
import { prisma } from '~/lib/db.server';
import { Forbidden } from '~/lib/errors';
import { recordAudit } from '~/modules/audit/audit.server';
import { isCouncilRole, isRole, STAFF_ROLES, type Role } from '~/modules/auth/roles';
import { clearSessionCookie, lookUpSession, type SessionUser } from '~/modules/auth/sessions.server';
import type { Viewer } from '~/modules/auth/viewer';

// The one place that answers "may this person see or do this" (STYLE.md §4). Routes and modules ask here;
// components receive the answers as booleans.

export type Area = 'hub' | 'council' | 'reports' | 'admin' | 'apply';

// DOMAIN.md §1.3. The administrator configures the system and has no routine access to case content or reports.
const AREA_ROLES: Record<Area, readonly Role[]> = {
  hub: ['hubOfficer', 'hubManager'],
  council: ['socialWorker', 'fosteringManager', 'decisionMaker', 'panelAdviser', 'mockingbirdLiaison', 'panelMember'],
  reports: ['hubManager', 'fosteringManager', 'regionalViewer'],
  admin: ['administrator'],
  apply: ['applicant'],
};

type ResolvedViewer = { viewer: Viewer } | { viewer: null; clearCookie: boolean };

/** The signed-in viewer, or null. Tampered cookies and deactivated accounts count as signed out. */
export async function getViewer(request: Request): Promise<Viewer | null> {
  return (await resolveViewer(request)).viewer;
}

export async function requireViewer(request: Request, { area }: { area: Area }): Promise<Viewer> {
  const resolved = await resolveViewer(request);
  if (!resolved.viewer) {
    const signInPath = area === 'apply' ? '/apply/sign-in' : '/login';
    const headers = resolved.clearCookie ? { 'Set-Cookie': await clearSessionCookie() } : undefined;
    throw redirect(`${signInPath}?${new URLSearchParams({ redirectTo: pathOf(request) })}`, { headers });
  }
  if (!AREA_ROLES[area].includes(resolved.viewer.role)) throw forbiddenResponse();
  return resolved.viewer;
}

/** Any staff member, whatever their area: for pages every member of staff shares. */
export async function requireStaff(request: Request): Promise<Viewer> {
  const resolved = await resolveViewer(request);
  if (!resolved.viewer) {
    const headers = resolved.clearCookie ? { 'Set-Cookie': await clearSessionCookie() } : undefined;
    throw redirect(`/login?${new URLSearchParams({ redirectTo: pathOf(request) })}`, { headers });
  }
  if (!(STAFF_ROLES as readonly Role[]).includes(resolved.viewer.role)) throw forbiddenResponse();
  return resolved.viewer;
}

export function mayUseArea(viewer: Viewer, area: Area) {
  return AREA_ROLES[area].includes(viewer.role);
}

/**
 * Only a path on this site: it must start with one slash, and nothing a browser reads as another host
 * (`//evil.example`, `/\evil.example`, control characters it strips) gets through.
 */
export function safeRedirectTo(value: FormDataEntryValue | string | null | undefined, fallback: string) {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) return fallback;
  if (value.includes('\\') || [...value].some((character) => character <= '\u001f' || character === '\u007f')) {
    return fallback;
  }
  const base = 'http://same-site.invalid';
  const url = new URL(value, base);
  return url.origin === base ? value : fallback;
}

// ---------------------------------------------------------------- actions

type HouseholdAllocation = { allocatedCouncilId: string | null };
type CouncilRecord = { councilId: string };

// Each action with the record it needs (undefined: decided by role alone).
type ActionRecords = {
  'household.view': undefined;
  'household.viewAssessment': HouseholdAllocation;
  'household.casework': HouseholdAllocation;
  'household.assignWorker': HouseholdAllocation;
  'caseload.viewTeam': undefined;
  'user.manage': undefined;
  'audit.view': undefined;
  'email.retry': undefined;
  'import.run': undefined;
  'report.view': undefined;
  'report.viewUnsuppressed': undefined;
  'report.editCostAssumptions': CouncilRecord;
  'export.households': undefined;
  'panel.view': undefined;
  'panel.manageMembers': undefined;
  'mockingbird.view': CouncilRecord;
  'mockingbird.manage': CouncilRecord;
  'sgo.view': CouncilRecord;
  'sgo.manage': CouncilRecord;
  'sgo.setAllowance': CouncilRecord;
  'carers.view': CouncilRecord;
  'carers.manage': CouncilRecord;
  'carers.assignSupervisor': CouncilRecord;
  'carers.endApproval': CouncilRecord;
};
export type Action = keyof ActionRecords;
type RecordArgument<A extends Action> = ActionRecords[A] extends undefined ? [] : [record: ActionRecords[A]];

// Assessment content (Form F, checks, references) is council only (DOMAIN.md §1.4), for the roles that assess,
// manage, decide or prepare panel papers; the Mockingbird liaison sees contact and Mockingbird fields only.
const ASSESSMENT_ROLES: readonly Role[] = ['socialWorker', 'fosteringManager', 'decisionMaker', 'panelAdviser'];
const MOCKINGBIRD_VIEW_ROLES: readonly Role[] = [...ASSESSMENT_ROLES, 'mockingbirdLiaison'];
const CARER_RECORD_ROLES: readonly Role[] = ['socialWorker', 'fosteringManager', 'decisionMaker'];
const CARER_ENDING_ROLES: readonly Role[] = ['fosteringManager', 'decisionMaker'];

export function can<A extends Action>(viewer: Viewer, action: A, ...record: RecordArgument<A>): boolean {
  return decide(viewer, action, record[0]);
}

export function assertCan<A extends Action>(viewer: Viewer, action: A, ...record: RecordArgument<A>): void {
  if (!can(viewer, action, ...record)) throw new Forbidden('You do not have permission to do that');
}

// Every record shape at once, so each case reads the field it needs.
type AnyRecord = Partial<HouseholdAllocation & CouncilRecord> | undefined;

function decide(viewer: Viewer, action: Action, record: AnyRecord): boolean {
  const role = viewer.role;
  switch (action) {
    case 'household.view':
      return role !== 'regionalViewer' && role !== 'administrator';
    case 'household.viewAssessment':
      return ASSESSMENT_ROLES.includes(role) && record?.allocatedCouncilId === viewer.councilId;
    // Before handover the hub works the case; after it, the allocated council's assessing roles do, and the hub
    // keeps a read-only summary (DOMAIN.md §1.3–1.4).
    case 'household.casework':
      if (!record) return false;
      if (record.allocatedCouncilId === null) return AREA_ROLES.hub.includes(role);
      return ASSESSMENT_ROLES.includes(role) && viewer.councilId === record.allocatedCouncilId;
    // Hub managers assign work before handover; the allocated council's fostering team manager after it.
    case 'household.assignWorker':
      if (!record) return false;
      if (record.allocatedCouncilId === null) return role === 'hubManager';
      return role === 'fosteringManager' && viewer.councilId === record.allocatedCouncilId;
    // Managers see how the open cases are spread across their team.
    case 'caseload.viewTeam':
      return role === 'hubManager' || role === 'fosteringManager';
    case 'user.manage':
    case 'audit.view':
    case 'email.retry':
    case 'import.run':
      return role === 'administrator';
    case 'report.view':
      return AREA_ROLES.reports.includes(role);
    // Suppression (DOMAIN.md §6.8) is for wider audiences; managers need exact counts to run the service.
    case 'report.viewUnsuppressed':
      return role === 'hubManager' || role === 'fosteringManager';
    // The cost view's weekly rates (DOMAIN.md §6.6): the hub manager for any council, a fostering manager for their own.
    case 'report.editCostAssumptions':
      if (!record || !('councilId' in record)) return false;
      return role === 'hubManager' || (role === 'fosteringManager' && viewer.councilId === record.councilId);
    // Personal data leaving the system: managers only, and always through householdScope.
    case 'export.households':
      return role === 'hubManager' || role === 'fosteringManager';
    // Panel agendas are assessment papers: the assessing roles see their council's panels; a panel member sees the
    // panels they sit on (panelScope narrows which).
    case 'panel.view':
      return ASSESSMENT_ROLES.includes(role) || role === 'panelMember';
    // The panel adviser builds the panel; the fostering team manager stands in for them.
    case 'panel.manageMembers':
      return role === 'panelAdviser' || role === 'fosteringManager';
    // Mockingbird (DOMAIN.md §5) is the council's own service: its staff see their constellations (a panel member's
    // access is for panel papers only); the liaison worker runs them, with the fostering team manager. The hub and the
    // board see only the aggregate retention figures in the reports.
    case 'mockingbird.view':
      return MOCKINGBIRD_VIEW_ROLES.includes(role) && inViewersCouncil(viewer, record);
    case 'mockingbird.manage':
      return (role === 'mockingbirdLiaison' || role === 'fosteringManager') && inViewersCouncil(viewer, record);
    // SGO support and its finances are for the supervising roles and their managers (DOMAIN.md §1.4, §3.3); only the
    // manager sets the allowance, a payment decision.
    case 'sgo.view':
    case 'sgo.manage':
      return (role === 'socialWorker' || role === 'fosteringManager') && inViewersCouncil(viewer, record);
    case 'sgo.setAllowance':
      return role === 'fosteringManager' && inViewersCouncil(viewer, record);
    // Approved households (DOMAIN.md §4): the approving council's staff, and administrators; the hub and the board
    // see them only in aggregate. Supervising workers and their managers keep the record; the ADM or the manager
    // ends approval; the manager assigns the supervising social worker.
    case 'carers.view':
      return role === 'administrator' || (ASSESSMENT_ROLES.includes(role) && inViewersCouncil(viewer, record));
    case 'carers.manage':
      return role === 'administrator' || (CARER_RECORD_ROLES.includes(role) && inViewersCouncil(viewer, record));
    case 'carers.assignSupervisor':
      return role === 'administrator' || (role === 'fosteringManager' && inViewersCouncil(viewer, record));
    case 'carers.endApproval':
      return role === 'administrator' || (CARER_ENDING_ROLES.includes(role) && inViewersCouncil(viewer, record));
    default:
      return assertNever(action);
  }
}

function inViewersCouncil(viewer: Viewer, record: AnyRecord): boolean {
  return record?.councilId !== undefined && record.councilId === viewer.councilId;
}

/** The Prisma `where` for households this viewer may read. Anything outside it answers 404, never 403. */
/** Unscoped viewers (the hub) see every household. */
export function seesEveryHousehold(viewer: Viewer): boolean {
  return Object.keys(householdScope(viewer)).length === 0;
}

export function householdScope(viewer: Viewer): Prisma.HouseholdWhereInput {
  switch (viewer.role) {
    case 'applicant':
      return { people: { some: { userId: viewer.userId } } };
    case 'hubOfficer':
    case 'hubManager':
      return {}; // all of them; after handover the select narrows to a summary (DOMAIN.md §1.4)
    case 'socialWorker':
    case 'fosteringManager':
    case 'decisionMaker':
    case 'panelAdviser':
      return { allocatedCouncilId: viewer.councilId };
    case 'mockingbirdLiaison':
      return { memberships: { some: { leftOn: null, constellation: { councilId: viewer.councilId } } } };
    // DOMAIN.md §1.3: read-only, and only the cases on the panels they sit on.
    case 'panelMember':
      return { panelItems: { some: { panel: { members: { some: { userId: viewer.userId } } } } } };
    case 'regionalViewer':
    case 'administrator':
      return { id: { in: [] } }; // aggregates and configuration only
    default:
      return assertNever(viewer);
  }
}

/** The Prisma `where` for approval records this viewer may read (as 'carers.view'). Anything outside it answers 404. */
export function approvalScope(viewer: Viewer): Prisma.ApprovalWhereInput {
  switch (viewer.role) {
    case 'socialWorker':
    case 'fosteringManager':
    case 'decisionMaker':
    case 'panelAdviser':
      return { councilId: viewer.councilId };
    case 'administrator':
      return {};
    case 'mockingbirdLiaison':
    case 'panelMember':
    case 'hubOfficer':
    case 'hubManager':
    case 'regionalViewer':
    case 'applicant':
      return { id: { in: [] } }; // aggregates only, in the reports
    default:
      return assertNever(viewer);
  }
}

/** The Prisma `where` for fostering panels this viewer may read. Anything outside it answers 404. */
export function panelScope(viewer: Viewer): Prisma.PanelWhereInput {
  switch (viewer.role) {
    case 'socialWorker':
    case 'fosteringManager':
    case 'decisionMaker':
    case 'panelAdviser':
      return { councilId: viewer.councilId };
    case 'panelMember':
      return { members: { some: { userId: viewer.userId } } };
    case 'mockingbirdLiaison':
    case 'hubOfficer':
    case 'hubManager':
    case 'regionalViewer':
    case 'administrator':
    case 'applicant':
      return { id: { in: [] } }; // panel papers are council assessment content (DOMAIN.md §1.4)
    default:
      return assertNever(viewer);
  }
}

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}

// ---------------------------------------------------------------- resolving the cookie

async function resolveViewer(request: Request): Promise<ResolvedViewer> {
  const session = await lookUpSession(request);
  switch (session.status) {
    case 'none':
      return { viewer: null, clearCookie: false };
    case 'expired':
      return { viewer: null, clearCookie: true };
    case 'tampered':
      await recordAudit(prisma, null, { action: 'auth.tamperedCookie', summary: 'Session cookie failed its signature check' });
      return { viewer: null, clearCookie: true };
    case 'active':
      if (!session.user.active) {
        await endSessionsOfDeactivatedUser(session.user);
        return { viewer: null, clearCookie: true };
      }
      return { viewer: toViewer(session.sessionId, session.user) };
    default:
      return assertNever(session);
  }
}

async function endSessionsOfDeactivatedUser(user: SessionUser) {
  await prisma.$transaction(async (tx) => {
    await tx.session.deleteMany({ where: { userId: user.id } });
    await recordAudit(tx, { userId: user.id, role: user.role }, {
      action: 'auth.sessionEnded',
      entity: 'User',
      entityId: user.id,
      summary: 'Signed out because the account is deactivated',
    });
  });
}

function toViewer(sessionId: string, user: SessionUser): Viewer {
  const base = { userId: user.id, name: user.name, email: user.email, sessionId };
  const role = user.role;
  if (!isRole(role)) throw new Error(`User ${user.id} has an unknown role`);
  if (isCouncilRole(role)) {
    if (!user.councilId) throw new Error(`User ${user.id} has a council role but no council`);
    return { ...base, role, councilId: user.councilId };
  }
  return { ...base, role, councilId: null };
}

function pathOf(request: Request) {
  const url = new URL(request.url);
  return `${url.pathname}${url.search}`;
}

function forbiddenResponse() {
  return Response.json({ message: 'You do not have permission to view this page' }, { status: 403 });
}
