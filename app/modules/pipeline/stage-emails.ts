import { dueDate } from '~/lib/deadlines';
import type { EmailProps } from '~/modules/email/templates';
import type { PipelineEvent, PipelineEventOf, PipelineEventType } from './events';
import { stageLabel } from './stages';

// The props of each email the machine declares on a stage change (issue 4: "emails triggered by stages"). Pure: the
// writer (transition.server.ts) passes what it read from the household and queues the result in its transaction.

/** The templates a pipeline transition may declare with its `queueEmail` action. */
export const STAGE_EMAIL_TEMPLATES = [
  'initial-visit-confirmation',
  'invitation-to-apply',
  'application-received',
  'stage-changed',
  'panel-date',
  'decision-letter',
  'withdrawal-confirmation',
] as const;
export type StageEmailTemplate = (typeof STAGE_EMAIL_TEMPLATES)[number];

/** What the writer knows beyond the event: who the email is to, where the household is now, and the site's address. */
export type StageEmailFacts = {
  firstName: string;
  /** The stage id the household moved to. */
  toStage: string;
  /** The base for links in the email (env.BASE_URL in the writer). */
  baseUrl: string;
};

function eventOf<const Types extends readonly PipelineEventType[]>(
  template: StageEmailTemplate,
  event: PipelineEvent,
  types: Types,
): PipelineEventOf<Types[number]> {
  if (!types.includes(event.type)) {
    throw new Error(`The pipeline declared the ${template} email on ${event.type}, which carries none of its details`);
  }
  return event as PipelineEventOf<Types[number]>;
}

type PropsBuilder<T extends StageEmailTemplate> = (event: PipelineEvent, facts: StageEmailFacts) => EmailProps<T>;

const link = (path: string, { baseUrl }: StageEmailFacts) => new URL(path, baseUrl).toString();

const STAGE_EMAIL_BUILDERS: { [T in StageEmailTemplate]: PropsBuilder<T> } = {
  'initial-visit-confirmation': (event, facts) => ({
    firstName: facts.firstName,
    visitOn: eventOf('initial-visit-confirmation', event, ['VISIT_BOOKED']).visitOn,
  }),

  'invitation-to-apply': (_event, facts) => ({
    firstName: facts.firstName,
    applyUrl: link('/apply/sign-in', facts),
  }),

  'application-received': (event, facts) => ({
    firstName: facts.firstName,
    receivedOn: eventOf('application-received', event, ['APPLICATION_RECEIVED']).occurredOn,
    progressUrl: link('/apply', facts),
  }),

  'stage-changed': (_event, facts) => ({
    firstName: facts.firstName,
    stageLabel: stageLabel(facts.toStage),
    progressUrl: link('/apply', facts),
  }),

  'panel-date': (event, facts) => ({
    firstName: facts.firstName,
    panelOn: eventOf('panel-date', event, ['PANEL_BOOKED']).panelOn,
  }),

  'decision-letter': (event, facts) => {
    const decision = eventOf('decision-letter', event, ['APPROVE', 'PROPOSE_NOT_TO_APPROVE']);
    if (decision.type === 'APPROVE') {
      const { numberOfChildren, minAge, maxAge } = decision.terms;
      return { decision: 'approved', firstName: facts.firstName, decidedOn: decision.occurredOn, numberOfChildren, minAge, maxAge };
    }
    // The 28 days run from the date of the qualifying determination letter (DOMAIN.md §2.2 step 10).
    return {
      decision: 'proposedNotToApprove',
      firstName: facts.firstName,
      letterOn: decision.letterOn,
      respondBy: dueDate('qdWindow', decision.letterOn),
    };
  },

  'withdrawal-confirmation': (event, facts) => {
    eventOf('withdrawal-confirmation', event, ['WITHDRAW']);
    return { firstName: facts.firstName };
  },
};

export function isStageEmailTemplate(value: string): value is StageEmailTemplate {
  return (STAGE_EMAIL_TEMPLATES as readonly string[]).includes(value);
}

/** The email a transition declared, with its props built from the event and the household. */
export function stageEmailFor<T extends StageEmailTemplate>(
  template: T,
  event: PipelineEvent,
  facts: StageEmailFacts,
): { template: T; props: EmailProps<T> } {
  const build: PropsBuilder<T> = STAGE_EMAIL_BUILDERS[template];
  return { template, props: build(event, facts) };
}
