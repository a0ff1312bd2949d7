import type { Role } from '~/modules/auth/roles';
import { isCouncilRole } from '~/modules/auth/roles';
import { PIPELINE_EVENT_TYPES, type PipelineEventType } from './events';

// Who may send which pipeline event (STYLE.md §3.1: access policy, not a machine guard). Pure, so the writer, the
// case page's buttons and the tests all read one table. Whether the machine accepts the event now is a separate
// question, answered by `snapshot.can`.

/**
 * Before handover the hub owns a mainstream case; after it, the allocated council does (DOMAIN.md §1.4). A kinship
 * case is council-owned from creation, because its context carries the council from the start.
 */
export type PipelinePhase = 'hub' | 'council';

export function pipelinePhaseOf(context: { allocatedCouncilId: string | null }): PipelinePhase {
  return context.allocatedCouncilId === null ? 'hub' : 'council';
}

type PhaseRoles = { readonly hub: readonly Role[]; readonly council: readonly Role[] };

const HUB_STAFF: readonly Role[] = ['hubOfficer', 'hubManager'];
const COUNCIL_CASEWORKERS: readonly Role[] = ['socialWorker', 'fosteringManager'];

const hubOnly = (roles: readonly Role[] = HUB_STAFF): PhaseRoles => ({ hub: roles, council: [] });
const councilOnly = (roles: readonly Role[]): PhaseRoles => ({ hub: [], council: roles });

/** Exits and pauses belong to whoever owns the case at the time (DOMAIN.md §2.3). */
const CASE_OWNERS: PhaseRoles = { hub: HUB_STAFF, council: COUNCIL_CASEWORKERS };

export const EVENT_PERMISSIONS: Readonly<Record<PipelineEventType, PhaseRoles>> = {
  // Enquiry to application: the hub (DOMAIN.md §1.3).
  CONTACT_ATTEMPT_FAILED: hubOnly(),
  CONTACT_MADE: hubOnly(),
  VISIT_BOOKED: hubOnly(),
  VISIT_COMPLETED: hubOnly(),
  INITIAL_VISIT_WAIVED: hubOnly(['hubManager']),
  INVITE: hubOnly(),
  // The hub records a paper application; an applicant sends their own online. The machine accepts it only from
  // 'invited', and the writer's scoped read keeps an applicant to their own household.
  APPLICATION_RECEIVED: hubOnly([...HUB_STAFF, 'applicant']),
  ALLOCATION_PROPOSED: hubOnly(['hubManager']),
  // The proposed council's fostering team manager answers the proposal while the hub still owns the case; the
  // writer also checks that the proposal was made to the manager's own council.
  ALLOCATION_ACCEPTED: hubOnly(['fosteringManager']),
  ALLOCATION_DECLINED: hubOnly(['fosteringManager']),
  TRANSFER_IN_RECORDED: CASE_OWNERS,

  // After handover: the allocated council.
  REALLOCATE: councilOnly(['fosteringManager']),
  STAGE1_CHECKS_CLEARED: councilOnly(COUNCIL_CASEWORKERS),
  STAGE1_PROCEED: councilOnly(COUNCIL_CASEWORKERS),
  STAGE1_NOT_SUITABLE: councilOnly(COUNCIL_CASEWORKERS),
  STAGE2_STARTED: councilOnly(COUNCIL_CASEWORKERS),
  FORM_F_COMPLETED: councilOnly(COUNCIL_CASEWORKERS),
  VIABILITY_STARTED: councilOnly(COUNCIL_CASEWORKERS),
  FULL_ASSESSMENT_STARTED: councilOnly(COUNCIL_CASEWORKERS),
  CONNECTED_PERSON_REPORT_COMPLETED: councilOnly(COUNCIL_CASEWORKERS),
  // A nominated officer approves temporary approval and its extension (DOMAIN.md §3.2).
  TEMPORARY_APPROVAL_GRANTED: councilOnly(['fosteringManager']),
  EXTENSION_GRANTED: councilOnly(['fosteringManager']),

  PANEL_BOOKED: councilOnly(['panelAdviser']),
  PAPERS_SENT: councilOnly(['panelAdviser']),
  PANEL_RECOMMENDED: councilOnly(['panelAdviser']),
  PANEL_DEFERRED: councilOnly(['panelAdviser']),
  FINAL_MINUTES_RECEIVED: councilOnly(['panelAdviser']),

  // The agency decision and the qualifying-determination process around it (DOMAIN.md §2.2 step 10).
  APPROVE: councilOnly(['decisionMaker']),
  PROPOSE_NOT_TO_APPROVE: councilOnly(['decisionMaker']),
  REPRESENTATIONS_MADE: councilOnly(['decisionMaker']),
  IRM_APPLIED: councilOnly(['decisionMaker']),
  QD_WINDOW_CLOSED: councilOnly(['decisionMaker']),
  CONFIRM_NOT_APPROVED: councilOnly(['decisionMaker']),

  HOLD: CASE_OWNERS,
  RESUME: CASE_OWNERS,
  CLOSE: CASE_OWNERS,
  TRANSFER_OUT: CASE_OWNERS,
  // An applicant may withdraw their own household at any stage; the writer's scoped read keeps it to their own.
  WITHDRAW: { hub: [...HUB_STAFF, 'applicant'], council: [...COUNCIL_CASEWORKERS, 'applicant'] },
};

/** What each event's button says. */
export const PIPELINE_EVENT_LABELS: Readonly<Record<PipelineEventType, string>> = {
  CONTACT_ATTEMPT_FAILED: 'Record a contact attempt that failed',
  CONTACT_MADE: 'Record first contact',
  VISIT_BOOKED: 'Book the initial visit',
  VISIT_COMPLETED: 'Record the initial visit as done',
  INITIAL_VISIT_WAIVED: 'Waive the initial visit',
  INVITE: 'Invite to apply',
  APPLICATION_RECEIVED: 'Record the application as received',
  ALLOCATION_PROPOSED: 'Propose a council',
  ALLOCATION_ACCEPTED: 'Accept the allocation',
  ALLOCATION_DECLINED: 'Decline the allocation',
  TRANSFER_IN_RECORDED: 'Record a transfer from another fostering service',
  REALLOCATE: 'Move to another council',
  STAGE1_CHECKS_CLEARED: 'Record Stage 1 checks as complete',
  STAGE1_PROCEED: 'Decide to proceed after Stage 1',
  STAGE1_NOT_SUITABLE: 'Decide not suitable at Stage 1',
  STAGE2_STARTED: 'Start Stage 2',
  FORM_F_COMPLETED: 'Record Form F as complete',
  VIABILITY_STARTED: 'Start the viability assessment',
  FULL_ASSESSMENT_STARTED: 'Start the full assessment without temporary approval',
  CONNECTED_PERSON_REPORT_COMPLETED: 'Record the connected person report as complete',
  TEMPORARY_APPROVAL_GRANTED: 'Grant temporary approval (Regulation 24)',
  EXTENSION_GRANTED: 'Extend temporary approval (Regulation 25)',
  PANEL_BOOKED: 'Book a panel date',
  PAPERS_SENT: 'Record panel papers as sent',
  PANEL_RECOMMENDED: 'Record the panel recommendation',
  PANEL_DEFERRED: 'Record that panel deferred',
  FINAL_MINUTES_RECEIVED: 'Record final panel minutes as received',
  APPROVE: 'Approve',
  PROPOSE_NOT_TO_APPROVE: 'Propose not to approve',
  REPRESENTATIONS_MADE: 'Record representations received',
  IRM_APPLIED: 'Record an application to the Independent Review Mechanism',
  QD_WINDOW_CLOSED: 'Record that 28 days passed without representations',
  CONFIRM_NOT_APPROVED: 'Confirm the decision not to approve',
  HOLD: 'Put on hold',
  RESUME: 'Take off hold',
  CLOSE: 'Close the case',
  TRANSFER_OUT: 'Record a transfer to another fostering service',
  WITHDRAW: 'Record a withdrawal',
};

export function isPipelineEventType(value: unknown): value is PipelineEventType {
  return typeof value === 'string' && (PIPELINE_EVENT_TYPES as readonly string[]).includes(value);
}

/** The facts about the household that decide council permissions: who holds it now, and who it was offered to. */
export type PermissionFacts = { allocatedCouncilId: string | null; proposedCouncilId: string | null };
export type PermissionViewer = { role: Role; councilId: string | null };

/**
 * Whether this person may send this event to a household with these facts. A council role acts only for its own
 * council: on the household allocated to it, or, for the allocation answer, on the proposal made to it.
 */
export function maySendEvent(viewer: PermissionViewer, type: PipelineEventType, facts: PermissionFacts): boolean {
  const phase = pipelinePhaseOf(facts);
  if (!EVENT_PERMISSIONS[type][phase].includes(viewer.role)) return false;
  if (!isCouncilRole(viewer.role)) return true;
  const actingFor = phase === 'council' ? facts.allocatedCouncilId : facts.proposedCouncilId;
  return viewer.councilId !== null && actingFor === viewer.councilId;
}

/** The event types a role may send in a phase, ignoring which council: for tables and documentation. */
export function eventTypesForRole(role: Role, phase: PipelinePhase): PipelineEventType[] {
  return PIPELINE_EVENT_TYPES.filter((type) => EVENT_PERMISSIONS[type][phase].includes(role));
}
