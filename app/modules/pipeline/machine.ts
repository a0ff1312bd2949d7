import { and, assign, not, or, setup } from 'xstate';
import type { Role } from '~/modules/auth/roles';
import type { AwCode, ClosureReasonCode } from '~/modules/codes/closure-reasons';
import type { PipelineEvent } from './events';
import type { StageEmailTemplate } from './stage-emails';

// The recruitment pipeline (DOMAIN.md §2.6, §3.2) and the only list of stages (STYLE.md §3.1). Pure: no clock, no
// I/O, no timers. Deadlines are stored as due dates by the writer; time arrives on each event as `occurredOn`.

export type { PipelineEvent };

/** Bump for any renamed or removed state, event or context field, and add a step to migrations.ts (STYLE.md §3.4). */
export const PIPELINE_MACHINE_VERSION = 2;

export type PipelineRoute = 'mainstream' | 'kinship';
export type PipelineTag = 'open' | 'hubOwned' | 'councilOwned' | 'converted' | 'mainstream' | 'kinship' | 'closed';
/** `slaWorkingDays` null: no clock runs in this stage, or it is counted from a date rather than from entry. */
export type StageMeta = { label: string; ownerRole: Role; slaWorkingDays: number | null };
/** The top-level part of the pipeline a hold was taken from; RESUME returns through its deep history. */
export type HeldFrom = 'enquiry' | 'invited' | 'application' | 'assessment';

export type PipelineContext = {
  route: PipelineRoute;
  contactAttempts: number;
  firstContactOn: string | null;
  initialVisitOn: string | null;
  initialVisitCompletedOn: string | null;
  initialVisitWaived: boolean;
  invitedOn: string | null;
  applicationReceivedOn: string | null;
  proposedCouncilId: string | null;
  allocatedCouncilId: string | null;
  handoverOn: string | null;
  transferIn: {
    previousProviderKind: 'independentAgency' | 'otherCouncil';
    previousProviderName: string;
    resignationNoticeOn: string | null;
  } | null;
  stage1ChecksClearedOn: string | null;
  stage1Outcome: 'proceed' | 'notSuitable' | null;
  stage1DecidedOn: string | null;
  stage2StartedOn: string | null;
  formFCompletedOn: string | null;
  panelOn: string | null;
  panelPapersSentOn: string | null;
  panelDeferrals: number;
  panelRecommendation: 'approve' | 'notApprove' | null;
  finalMinutesReceivedOn: string | null;
  qdLetterOn: string | null;
  qdChallengedOn: string | null;
  approvedOn: string | null;
  viabilityStartedOn: string | null;
  tempApprovalStartOn: string | null;
  extensionGrantedOn: string | null;
  extensionEndsOn: string | null;
  fullAssessmentStartedOn: string | null;
  connectedPersonReportCompletedOn: string | null;
  heldFrom: HeldFrom | null;
  heldOn: string | null;
  expectedResumeOn: string | null;
  closedOn: string | null;
  closedFromStage: string | null;
  closeReasonCode: ClosureReasonCode | null;
  withdrawalAwCode: AwCode | null;
  /** The fostering service that took the case on (TRANSFER_OUT); added in machine version 2. */
  transferredOutTo: { kind: ReceivingServiceKind; name: string } | null;
};

export type ReceivingServiceKind = 'otherCouncil' | 'independentAgency';

export type PipelineInput = { route: PipelineRoute; councilId?: string | null };

function initialContext({ route, councilId }: PipelineInput): PipelineContext {
  return {
    route,
    contactAttempts: 0,
    firstContactOn: null,
    initialVisitOn: null,
    initialVisitCompletedOn: null,
    initialVisitWaived: false,
    invitedOn: null,
    applicationReceivedOn: null,
    proposedCouncilId: null,
    // A kinship case is council-owned from creation (DOMAIN.md §3.1); a mainstream one only after handover.
    allocatedCouncilId: route === 'kinship' ? (councilId ?? null) : null,
    handoverOn: null,
    transferIn: null,
    stage1ChecksClearedOn: null,
    stage1Outcome: null,
    stage1DecidedOn: null,
    stage2StartedOn: null,
    formFCompletedOn: null,
    panelOn: null,
    panelPapersSentOn: null,
    panelDeferrals: 0,
    panelRecommendation: null,
    finalMinutesReceivedOn: null,
    qdLetterOn: null,
    qdChallengedOn: null,
    approvedOn: null,
    viabilityStartedOn: null,
    tempApprovalStartOn: null,
    extensionGrantedOn: null,
    extensionEndsOn: null,
    fullAssessmentStartedOn: null,
    connectedPersonReportCompletedOn: null,
    heldFrom: null,
    heldOn: null,
    expectedResumeOn: null,
    closedOn: null,
    closedFromStage: null,
    closeReasonCode: null,
    withdrawalAwCode: null,
    transferredOutTo: null,
  };
}

/** The facts an event adds to the household's context; closures and holds have their own actions. */
/**
 * The date a household counts as having applied, for lists and reports (DOMAIN.md §6.1): the full application on the
 * mainstream route; on the kinship route, which has no application form, the start of the viability assessment,
 * which councils treat as the formal application (§3.2).
 */
export function applicationDateOf(context: Pick<PipelineContext, 'applicationReceivedOn' | 'viabilityStartedOn'>): string | null {
  return context.applicationReceivedOn ?? context.viabilityStartedOn;
}

export function factsFrom(context: PipelineContext, event: PipelineEvent): Partial<PipelineContext> {
  const on = event.occurredOn;
  switch (event.type) {
    case 'CONTACT_ATTEMPT_FAILED': return { contactAttempts: context.contactAttempts + 1 };
    case 'CONTACT_MADE': return { firstContactOn: on };
    case 'VISIT_BOOKED': return { initialVisitOn: event.visitOn };
    case 'VISIT_COMPLETED': return { initialVisitCompletedOn: on };
    case 'INITIAL_VISIT_WAIVED': return { initialVisitWaived: true };
    case 'INVITE': return { invitedOn: on };
    case 'APPLICATION_RECEIVED': return { applicationReceivedOn: on };
    case 'ALLOCATION_PROPOSED': return { proposedCouncilId: event.councilId };
    case 'ALLOCATION_DECLINED': return { proposedCouncilId: null };
    case 'ALLOCATION_ACCEPTED': return { allocatedCouncilId: context.proposedCouncilId, handoverOn: on };
    case 'REALLOCATE': return { allocatedCouncilId: event.toCouncilId };
    case 'TRANSFER_IN_RECORDED':
      return {
        transferIn: {
          previousProviderKind: event.previousProviderKind,
          previousProviderName: event.previousProviderName,
          resignationNoticeOn: event.resignationNoticeOn ?? null,
        },
      };
    case 'STAGE1_CHECKS_CLEARED': return { stage1ChecksClearedOn: on };
    case 'STAGE1_PROCEED': return { stage1Outcome: 'proceed', stage1DecidedOn: on, stage2StartedOn: context.stage2StartedOn ?? on };
    case 'STAGE2_STARTED': return { stage2StartedOn: on };
    case 'FORM_F_COMPLETED': return { formFCompletedOn: on };
    case 'PANEL_BOOKED': return { panelOn: event.panelOn };
    case 'PAPERS_SENT': return { panelPapersSentOn: on };
    case 'PANEL_RECOMMENDED': return { panelRecommendation: event.recommendation };
    case 'PANEL_DEFERRED':
      return { panelOn: event.nextPanelOn, panelPapersSentOn: null, panelDeferrals: context.panelDeferrals + 1 };
    case 'FINAL_MINUTES_RECEIVED': return { finalMinutesReceivedOn: on };
    case 'APPROVE': return { approvedOn: on };
    case 'PROPOSE_NOT_TO_APPROVE': return { qdLetterOn: event.letterOn };
    case 'REPRESENTATIONS_MADE':
    case 'IRM_APPLIED': return { qdChallengedOn: on };
    case 'VIABILITY_STARTED': return { viabilityStartedOn: on };
    case 'TEMPORARY_APPROVAL_GRANTED': return { tempApprovalStartOn: on };
    case 'FULL_ASSESSMENT_STARTED': return { fullAssessmentStartedOn: on };
    case 'EXTENSION_GRANTED': return { extensionGrantedOn: on, extensionEndsOn: event.extensionEndsOn };
    case 'CONNECTED_PERSON_REPORT_COMPLETED': return { connectedPersonReportCompletedOn: on };
    default: return {};
  }
}

function closureFrom(event: PipelineEvent, fromStage: string): Partial<PipelineContext> {
  const closed = { closedOn: event.occurredOn, closedFromStage: fromStage };
  switch (event.type) {
    case 'CLOSE': return { ...closed, closeReasonCode: event.reasonCode };
    case 'WITHDRAW': return { ...closed, closeReasonCode: event.reasonCode, withdrawalAwCode: event.awCode ?? null };
    case 'STAGE1_NOT_SUITABLE':
      return { ...closed, closeReasonCode: 'STAGE1_NOT_SUITABLE', stage1Outcome: 'notSuitable', stage1DecidedOn: event.letterOn };
    case 'CONFIRM_NOT_APPROVED': return { ...closed, closeReasonCode: 'NOT_APPROVED' };
    // Not a closure reason: the case goes on with another service, so it has its own final state instead.
    case 'TRANSFER_OUT': return { ...closed, transferredOutTo: { kind: event.receivingServiceKind, name: event.receivingServiceName } };
    default: return closed;
  }
}

const machineSetup = setup({
  types: {} as {
    context: PipelineContext;
    events: PipelineEvent;
    input: PipelineInput;
    tags: PipelineTag;
    meta: StageMeta;
  },
  guards: {
    isKinshipRoute: ({ context }) => context.route === 'kinship',
    initialVisitCompleted: ({ context }) => context.initialVisitCompletedOn !== null,
    initialVisitWaived: ({ context }) => context.initialVisitWaived,
    allocationProposed: ({ context }) => context.proposedCouncilId !== null,
    allocatedToCouncil: ({ context }) => context.allocatedCouncilId !== null,
    transferredIn: ({ context }) => context.transferIn !== null,
    stage1ChecksCleared: ({ context }) => context.stage1ChecksClearedOn !== null,
    stage1Proceeded: ({ context }) => context.stage1Outcome === 'proceed',
    stage2Started: ({ context }) => context.stage2StartedOn !== null,
    formFComplete: ({ context }) => context.formFCompletedOn !== null,
    panelRecommendationPresent: ({ context }) => context.panelRecommendation !== null,
    finalMinutesReceived: ({ context }) => context.finalMinutesReceivedOn !== null,
    temporarilyApproved: ({ context }) => context.tempApprovalStartOn !== null,
    reg25ExtensionUsed: ({ context }) => context.extensionGrantedOn !== null,
    connectedPersonReportComplete: ({ context }) => context.connectedPersonReportCompletedOn !== null,
    heldFrom: ({ context }, params: { area: HeldFrom }) => context.heldFrom === params.area,
  },
  actions: {
    recordFacts: assign(({ context, event }) => factsFrom(context, event)),
    recordClosure: assign(({ event }, params: { fromStage: string }) => closureFrom(event, params.fromStage)),
    recordHold: assign(({ event }, params: { area: HeldFrom }) => ({
      heldFrom: params.area,
      heldOn: event.occurredOn,
      expectedResumeOn: event.type === 'HOLD' ? event.expectedResumeOn : null,
    })),
    clearHold: assign({ heldFrom: null, heldOn: null, expectedResumeOn: null }),
    // Declares intent only: the writer (transition.server.ts) turns it into an outbox row.
    queueEmail: (_, _params: { template: StageEmailTemplate }) => {},
  },
});

const describeStage = (label: string, ownerRole: Role, slaWorkingDays: number | null, tags: PipelineTag[] = []) => ({
  meta: { label, ownerRole, slaWorkingDays },
  tags,
});
const openStage = (label: string, ownerRole: Role, slaWorkingDays: number | null) =>
  describeStage(label, ownerRole, slaWorkingDays, ['open']);

const emailing = (template: StageEmailTemplate) => ({ type: 'queueEmail', params: { template } }) as const;

/** CLOSE, WITHDRAW and TRANSFER_OUT from an open stage; the stage id is recorded as `closedFromStage`. */
const exitsFrom = (fromStage: string) => ({
  CLOSE: { target: '#pipeline.closed', actions: { type: 'recordClosure', params: { fromStage } } },
  TRANSFER_OUT: { target: '#pipeline.transferredOut', actions: { type: 'recordClosure', params: { fromStage } } },
  WITHDRAW: {
    target: '#pipeline.closed',
    actions: [{ type: 'recordClosure', params: { fromStage } }, emailing('withdrawal-confirmation')],
  },
}) as const;

const holdFrom = (area: HeldFrom) =>
  ({ HOLD: { target: '#pipeline.onHold', actions: { type: 'recordHold', params: { area } } } }) as const;

const recordTransferIn = { TRANSFER_IN_RECORDED: { guard: not('transferredIn'), actions: 'recordFacts' } } as const;
const reallocate = { REALLOCATE: { guard: 'allocatedToCouncil', actions: 'recordFacts' } } as const;
const stageChangedEmail = emailing('stage-changed');
const panelDateEmail = emailing('panel-date');
const decisionLetterEmail = emailing('decision-letter');

const kinshipReportAndPanel = {
  CONNECTED_PERSON_REPORT_COMPLETED: { guard: not('connectedPersonReportComplete'), actions: 'recordFacts' },
  PANEL_BOOKED: {
    guard: 'connectedPersonReportComplete',
    target: '#pipeline.panel',
    actions: ['recordFacts', panelDateEmail],
  },
} as const;

const resumeTo = (area: HeldFrom, target: string) =>
  ({ guard: { type: 'heldFrom', params: { area } }, target, actions: 'clearHold' }) as const;

export const pipelineMachine = machineSetup.createMachine({
  id: 'pipeline',
  context: ({ input }) => initialContext(input),
  initial: 'routing',
  states: {
    // Transient: picks the route's first stage, so it is never a stage itself.
    routing: {
      always: [{ guard: 'isKinshipRoute', target: 'kinship' }, { target: 'enquiry' }],
    },
    enquiry: {
      ...describeStage('Enquiry', 'hubOfficer', null, ['mainstream', 'hubOwned']),
      initial: 'received',
      on: {
        ...holdFrom('enquiry'),
        ...recordTransferIn,
        INITIAL_VISIT_WAIVED: { guard: not('initialVisitWaived'), actions: 'recordFacts' },
        INVITE: {
          guard: or(['initialVisitCompleted', 'initialVisitWaived']),
          target: 'invited',
          actions: ['recordFacts', emailing('invitation-to-apply')],
        },
      },
      states: {
        hist: { type: 'history', history: 'deep' },
        received: {
          ...openStage('Enquiry received', 'hubOfficer', 1),
          on: {
            ...exitsFrom('enquiry.received'),
            CONTACT_ATTEMPT_FAILED: { actions: 'recordFacts' },
            CONTACT_MADE: { target: 'contacted', actions: 'recordFacts' },
          },
        },
        contacted: {
          ...openStage('First contact made', 'hubOfficer', 5),
          on: {
            ...exitsFrom('enquiry.contacted'),
            VISIT_BOOKED: { target: 'visitBooked', actions: ['recordFacts', emailing('initial-visit-confirmation')] },
          },
        },
        visitBooked: {
          ...openStage('Initial visit booked', 'hubOfficer', 5),
          on: {
            ...exitsFrom('enquiry.visitBooked'),
            // A rebooked visit confirms the new date.
            VISIT_BOOKED: { actions: ['recordFacts', emailing('initial-visit-confirmation')] },
            VISIT_COMPLETED: { target: 'visited', actions: 'recordFacts' },
          },
        },
        visited: {
          ...openStage('Initial visit done: outcome to record', 'hubOfficer', 5),
          on: exitsFrom('enquiry.visited'),
        },
      },
    },
    invited: {
      ...describeStage('Invited to apply', 'hubOfficer', 20, ['open', 'mainstream', 'hubOwned']),
      on: {
        ...exitsFrom('invited'),
        ...holdFrom('invited'),
        ...recordTransferIn,
        APPLICATION_RECEIVED: { target: 'application', actions: ['recordFacts', emailing('application-received')] },
      },
    },
    application: {
      ...describeStage('Application', 'hubManager', null, ['mainstream', 'hubOwned', 'converted']),
      initial: 'submitted',
      on: { ...holdFrom('application'), ...recordTransferIn },
      states: {
        hist: { type: 'history', history: 'deep' },
        submitted: {
          ...openStage('Application received', 'hubManager', 5),
          on: {
            ...exitsFrom('application.submitted'),
            ALLOCATION_PROPOSED: { target: 'allocation', actions: 'recordFacts' },
          },
        },
        allocation: {
          ...openStage('Allocation proposed to a council', 'fosteringManager', 5),
          on: {
            ...exitsFrom('application.allocation'),
            ALLOCATION_ACCEPTED: {
              guard: 'allocationProposed',
              target: '#pipeline.assessment',
              actions: ['recordFacts', stageChangedEmail],
            },
            ALLOCATION_DECLINED: { target: 'submitted', actions: 'recordFacts' },
          },
        },
      },
    },
    assessment: {
      ...describeStage('Assessment', 'socialWorker', null, ['mainstream', 'councilOwned', 'converted']),
      initial: 'stage1',
      on: {
        ...holdFrom('assessment'),
        ...recordTransferIn,
        ...reallocate,
        // Stages 1 and 2 may run together (DOMAIN.md §2.2), so panel needs both facts, not just the current step.
        PANEL_BOOKED: {
          guard: and(['stage1Proceeded', 'formFComplete']),
          target: 'panel',
          actions: ['recordFacts', panelDateEmail],
        },
      },
      states: {
        hist: { type: 'history', history: 'deep' },
        stage1: {
          ...openStage('Stage 1: checks and references', 'socialWorker', 10),
          on: {
            ...exitsFrom('assessment.stage1'),
            STAGE1_CHECKS_CLEARED: { guard: not('stage1ChecksCleared'), actions: 'recordFacts' },
            STAGE1_PROCEED: [
              { guard: and(['stage1ChecksCleared', 'formFComplete']), target: 'readyForPanel', actions: ['recordFacts', stageChangedEmail] },
              { guard: 'stage1ChecksCleared', target: 'stage2', actions: ['recordFacts', stageChangedEmail] },
            ],
            STAGE1_NOT_SUITABLE: {
              target: '#pipeline.closed',
              actions: { type: 'recordClosure', params: { fromStage: 'assessment.stage1' } },
            },
            STAGE2_STARTED: { guard: not('stage2Started'), actions: 'recordFacts' },
            FORM_F_COMPLETED: { guard: and(['stage2Started', not('formFComplete')]), actions: 'recordFacts' },
          },
        },
        stage2: {
          ...openStage('Stage 2: assessment (Form F)', 'socialWorker', 120),
          on: { ...exitsFrom('assessment.stage2'), FORM_F_COMPLETED: { target: 'readyForPanel', actions: 'recordFacts' } },
        },
        readyForPanel: {
          ...openStage('Assessment complete: panel to book', 'panelAdviser', 30),
          on: exitsFrom('assessment.readyForPanel'),
        },
      },
    },
    kinship: {
      ...describeStage('Kinship assessment', 'socialWorker', null, ['kinship', 'councilOwned']),
      initial: 'referral',
      on: {
        ...reallocate,
        // Regulation 25: once, by up to 8 weeks (DOMAIN.md §3.2).
        EXTENSION_GRANTED: {
          guard: and(['temporarilyApproved', not('reg25ExtensionUsed')]),
          target: '.extension',
          actions: 'recordFacts',
        },
      },
      states: {
        referral: {
          ...openStage('Kinship referral received', 'fosteringManager', 5),
          on: { ...exitsFrom('kinship.referral'), VIABILITY_STARTED: { target: 'viability', actions: 'recordFacts' } },
        },
        viability: {
          ...openStage('Viability assessment', 'socialWorker', 10),
          on: {
            ...exitsFrom('kinship.viability'),
            TEMPORARY_APPROVAL_GRANTED: { target: 'temporaryApproval', actions: 'recordFacts' },
            FULL_ASSESSMENT_STARTED: { target: 'fullAssessment', actions: 'recordFacts' },
          },
        },
        temporaryApproval: {
          ...openStage('Temporary approval (Regulation 24): full assessment under way', 'socialWorker', 80),
          on: { ...exitsFrom('kinship.temporaryApproval'), ...kinshipReportAndPanel },
        },
        extension: {
          ...openStage('Temporary approval extended (Regulation 25)', 'socialWorker', 40),
          on: { ...exitsFrom('kinship.extension'), ...kinshipReportAndPanel },
        },
        fullAssessment: {
          ...openStage('Full assessment without temporary approval', 'socialWorker', 80),
          on: {
            ...exitsFrom('kinship.fullAssessment'),
            ...kinshipReportAndPanel,
            TEMPORARY_APPROVAL_GRANTED: { target: 'temporaryApproval', actions: 'recordFacts' },
          },
        },
      },
    },
    panel: {
      ...describeStage('Fostering panel', 'panelAdviser', null, ['mainstream', 'kinship', 'councilOwned', 'converted']),
      initial: 'booked',
      on: reallocate,
      states: {
        booked: {
          // Papers are due 5 working days before the panel date, so the clock counts back from that date.
          ...openStage('Panel date booked', 'panelAdviser', null),
          on: { ...exitsFrom('panel.booked'), PAPERS_SENT: { target: 'papersSent', actions: 'recordFacts' } },
        },
        papersSent: {
          ...openStage('Panel papers sent', 'panelAdviser', 5),
          on: {
            ...exitsFrom('panel.papersSent'),
            PANEL_RECOMMENDED: { target: '#pipeline.decision', actions: 'recordFacts' },
            PANEL_DEFERRED: { target: 'booked', actions: 'recordFacts' },
          },
        },
      },
    },
    decision: {
      ...describeStage('Decision', 'decisionMaker', null, ['mainstream', 'kinship', 'councilOwned', 'converted']),
      initial: 'awaitingMinutes',
      on: reallocate,
      states: {
        awaitingMinutes: {
          ...openStage('Awaiting final panel minutes', 'panelAdviser', 10),
          on: {
            ...exitsFrom('decision.awaitingMinutes'),
            FINAL_MINUTES_RECEIVED: { target: 'awaitingAdm', actions: 'recordFacts' },
          },
        },
        awaitingAdm: {
          // NMS 14: 7 working days from receipt of the final minutes (DOMAIN.md §2.2 step 10).
          ...openStage('Awaiting the agency decision', 'decisionMaker', 7),
          on: {
            ...exitsFrom('decision.awaitingAdm'),
            APPROVE: {
              guard: and(['panelRecommendationPresent', 'finalMinutesReceived']),
              target: '#pipeline.approved',
              actions: ['recordFacts', decisionLetterEmail],
            },
            PROPOSE_NOT_TO_APPROVE: {
              guard: and(['panelRecommendationPresent', 'finalMinutesReceived']),
              target: 'qdWindow',
              actions: ['recordFacts', decisionLetterEmail],
            },
          },
        },
        qdWindow: {
          // 28 calendar days from the letter; stored as a due date by the writer.
          ...openStage('Proposed not to approve: time for representations', 'decisionMaker', 20),
          on: {
            ...exitsFrom('decision.qdWindow'),
            REPRESENTATIONS_MADE: { target: 'qdReview', actions: 'recordFacts' },
            IRM_APPLIED: { target: 'qdReview', actions: 'recordFacts' },
            QD_WINDOW_CLOSED: { target: 'qdFinal', actions: 'recordFacts' },
          },
        },
        qdReview: {
          ...openStage('Representations or independent review under way', 'decisionMaker', null),
          on: {
            ...exitsFrom('decision.qdReview'),
            APPROVE: { target: '#pipeline.approved', actions: ['recordFacts', decisionLetterEmail] },
            CONFIRM_NOT_APPROVED: {
              target: '#pipeline.closed',
              actions: { type: 'recordClosure', params: { fromStage: 'decision.qdReview' } },
            },
          },
        },
        qdFinal: {
          ...openStage('No representations: final decision due', 'decisionMaker', 7),
          on: {
            ...exitsFrom('decision.qdFinal'),
            CONFIRM_NOT_APPROVED: {
              target: '#pipeline.closed',
              actions: { type: 'recordClosure', params: { fromStage: 'decision.qdFinal' } },
            },
          },
        },
      },
    },
    onHold: {
      // Ownership stays with whoever held the case (hub before handover, the council after), so neither tag applies.
      ...describeStage('On hold', 'hubOfficer', 20, ['open', 'mainstream']),
      on: {
        ...exitsFrom('onHold'),
        ...reallocate,
        RESUME: [
          resumeTo('enquiry', 'enquiry.hist'),
          resumeTo('invited', 'invited'),
          resumeTo('application', 'application.hist'),
          resumeTo('assessment', 'assessment.hist'),
        ],
      },
    },
    approved: {
      type: 'final',
      ...describeStage('Approved', 'fosteringManager', null, ['mainstream', 'kinship', 'councilOwned', 'converted']),
    },
    closed: {
      type: 'final',
      ...describeStage('Closed', 'hubManager', null, ['mainstream', 'kinship', 'closed']),
    },
    // An exit like closure (DOMAIN.md §2.3), tagged 'closed' so lists and counts treat it as one.
    transferredOut: {
      type: 'final',
      ...describeStage('Transferred out to another fostering service', 'hubManager', null, ['mainstream', 'kinship', 'closed']),
    },
  },
});
