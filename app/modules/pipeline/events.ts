import { z } from 'zod';
import { APPROVAL_SPECIALISMS, APPROVAL_TYPES, PLACEMENT_KINDS } from '~/modules/codes/approval';
import {
  ENQUIRY_CLOSURE_REASONS,
  KINSHIP_CLOSURE_REASONS,
  OFSTED_AW_CODES,
  PERSONS_CHOICE_REASONS,
  type ClosureReasonCode,
} from '~/modules/codes/closure-reasons';
import { CONTACT_CHANNELS, FAILED_CONTACT_OUTCOMES } from '~/modules/households/casework';

// The payload of every pipeline event. Payload rules live here, not in machine guards (STYLE.md §3.1): guards read
// only the household's facts in context, so `snapshot.can({ type })` answers without a form having been filled in.

function codeEnum<const T extends readonly { code: string }[]>(list: T) {
  // z.enum needs a non-empty tuple; every code list is a non-empty literal array.
  return z.enum(list.map((entry) => entry.code) as unknown as [T[number]['code'], ...T[number]['code'][]]);
}

function isRealCalendarDate(value: string) {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD')
  .refine(isRealCalendarDate, 'Enter a real date');
const reasonText = z.string().trim().min(1, 'Enter a reason').max(2000);
const optionalText = z.string().trim().max(2000).optional();
const councilId = z.string().trim().min(1, 'Choose a council');

const base = z.object({ occurredOn: calendarDate });
const simple = <T extends string>(type: T) => base.extend({ type: z.literal(type) });

/** Closures a person may choose through CLOSE; Stage 1 and ADM refusals have their own events with letter dates. */
export const CLOSE_EVENT_CODES = [
  ...ENQUIRY_CLOSURE_REASONS.map((reason) => reason.code),
  'COUNSELLED_OUT',
  'NOT_PROGRESSED',
  'SAFEGUARDING',
  ...KINSHIP_CLOSURE_REASONS.map((reason) => reason.code),
] as const satisfies readonly ClosureReasonCode[];

const approvalTerms = z
  .object({
    approvalType: codeEnum(APPROVAL_TYPES),
    // Three is the usual fostering limit; more needs siblings or a written exemption (DOMAIN.md §7.3).
    numberOfChildren: z.int().min(1).max(6),
    minAge: z.int().min(0).max(18),
    maxAge: z.int().min(0).max(18),
    placementKinds: z.array(codeEnum(PLACEMENT_KINDS)).min(1, 'Choose at least one kind of placement'),
    specialisms: z.array(codeEnum(APPROVAL_SPECIALISMS)).default([]),
    namedChildren: z.array(z.string().trim().min(1)).default([]),
  })
  .refine((terms) => terms.minAge <= terms.maxAge, { path: ['maxAge'], message: 'The oldest age must not be below the youngest' });

export const PIPELINE_EVENT_SCHEMAS = {
  // How the attempt was made and what happened become the contact attempt on the timeline. Optional here because
  // history (imports, the seed) may not know them; liveEventProblems requires them of anything keyed in now.
  CONTACT_ATTEMPT_FAILED: simple('CONTACT_ATTEMPT_FAILED').extend({
    channel: codeEnum(CONTACT_CHANNELS).optional(),
    outcome: codeEnum(FAILED_CONTACT_OUTCOMES).optional(),
    summary: optionalText,
  }),
  CONTACT_MADE: simple('CONTACT_MADE').extend({ channel: codeEnum(CONTACT_CHANNELS).optional(), summary: optionalText }),
  VISIT_BOOKED: simple('VISIT_BOOKED').extend({ visitOn: calendarDate }),
  VISIT_COMPLETED: simple('VISIT_COMPLETED'),
  INITIAL_VISIT_WAIVED: simple('INITIAL_VISIT_WAIVED').extend({ reason: reasonText }),
  INVITE: simple('INVITE'),
  APPLICATION_RECEIVED: simple('APPLICATION_RECEIVED'),
  ALLOCATION_PROPOSED: simple('ALLOCATION_PROPOSED').extend({ councilId }),
  ALLOCATION_DECLINED: simple('ALLOCATION_DECLINED').extend({ reason: reasonText }),
  ALLOCATION_ACCEPTED: simple('ALLOCATION_ACCEPTED'),
  REALLOCATE: simple('REALLOCATE').extend({ toCouncilId: councilId, reason: reasonText }),
  TRANSFER_IN_RECORDED: simple('TRANSFER_IN_RECORDED').extend({
    previousProviderKind: z.enum(['independentAgency', 'otherCouncil']),
    previousProviderName: z.string().trim().min(1, 'Enter the previous fostering service'),
    resignationNoticeOn: calendarDate.optional(),
  }),
  STAGE1_CHECKS_CLEARED: simple('STAGE1_CHECKS_CLEARED'),
  STAGE1_PROCEED: simple('STAGE1_PROCEED'),
  STAGE1_NOT_SUITABLE: simple('STAGE1_NOT_SUITABLE').extend({ letterOn: calendarDate, reason: reasonText }),
  STAGE2_STARTED: simple('STAGE2_STARTED'),
  FORM_F_COMPLETED: simple('FORM_F_COMPLETED'),
  PANEL_BOOKED: simple('PANEL_BOOKED').extend({ panelOn: calendarDate }),
  PAPERS_SENT: simple('PAPERS_SENT'),
  PANEL_RECOMMENDED: simple('PANEL_RECOMMENDED').extend({ recommendation: z.enum(['approve', 'notApprove']) }),
  PANEL_DEFERRED: simple('PANEL_DEFERRED').extend({ nextPanelOn: calendarDate, reason: reasonText }),
  FINAL_MINUTES_RECEIVED: simple('FINAL_MINUTES_RECEIVED'),
  APPROVE: simple('APPROVE').extend({ terms: approvalTerms }),
  PROPOSE_NOT_TO_APPROVE: simple('PROPOSE_NOT_TO_APPROVE').extend({ letterOn: calendarDate, reason: reasonText }),
  REPRESENTATIONS_MADE: simple('REPRESENTATIONS_MADE'),
  IRM_APPLIED: simple('IRM_APPLIED'),
  QD_WINDOW_CLOSED: simple('QD_WINDOW_CLOSED'),
  CONFIRM_NOT_APPROVED: simple('CONFIRM_NOT_APPROVED').extend({ reason: reasonText }),
  HOLD: simple('HOLD').extend({ reason: reasonText, expectedResumeOn: calendarDate }),
  RESUME: simple('RESUME'),
  CLOSE: simple('CLOSE').extend({
    reasonCode: z.enum(CLOSE_EVENT_CODES),
    reason: optionalText,
    signpostedTo: optionalText,
  }),
  TRANSFER_OUT: simple('TRANSFER_OUT').extend({
    receivingServiceKind: z.enum(['otherCouncil', 'independentAgency'], { error: 'Choose the kind of fostering service' }),
    receivingServiceName: z
      .string()
      .trim()
      .min(1, 'Enter the fostering service taking the case on')
      .max(200, 'The fostering service must be 200 characters or fewer'),
    reason: optionalText,
  }),
  WITHDRAW: simple('WITHDRAW').extend({
    reasonCode: codeEnum(PERSONS_CHOICE_REASONS),
    awCode: codeEnum(OFSTED_AW_CODES).optional(),
    reason: optionalText,
  }),
  VIABILITY_STARTED: simple('VIABILITY_STARTED'),
  TEMPORARY_APPROVAL_GRANTED: simple('TEMPORARY_APPROVAL_GRANTED'),
  FULL_ASSESSMENT_STARTED: simple('FULL_ASSESSMENT_STARTED'),
  EXTENSION_GRANTED: simple('EXTENSION_GRANTED').extend({ extensionEndsOn: calendarDate }),
  CONNECTED_PERSON_REPORT_COMPLETED: simple('CONNECTED_PERSON_REPORT_COMPLETED'),
};

type Schemas = typeof PIPELINE_EVENT_SCHEMAS;
export type PipelineEventType = keyof Schemas;
export type PipelineEvent = { [K in PipelineEventType]: z.infer<Schemas[K]> }[PipelineEventType];
export type PipelineEventOf<T extends PipelineEventType> = Extract<PipelineEvent, { type: T }>;

export const PIPELINE_EVENT_TYPES = Object.keys(PIPELINE_EVENT_SCHEMAS) as PipelineEventType[];

/** What the payload rules depend on: the route and whether a full application exists (DOMAIN.md §2.3, §2.5). */
export type PayloadFacts = { route: 'mainstream' | 'kinship'; applicationMade: boolean };

export function payloadFactsOf(context: { route: 'mainstream' | 'kinship'; applicationReceivedOn: string | null }): PayloadFacts {
  return { route: context.route, applicationMade: context.applicationReceivedOn !== null };
}

function closeCodesFor(facts: PayloadFacts): readonly string[] {
  if (facts.route === 'kinship') return [...KINSHIP_CLOSURE_REASONS.map((reason) => reason.code), 'SAFEGUARDING', 'DUPLICATE'];
  if (facts.applicationMade) return ['SAFEGUARDING', 'DUPLICATE'];
  return [...ENQUIRY_CLOSURE_REASONS.map((reason) => reason.code), 'COUNSELLED_OUT', 'NOT_PROGRESSED', 'SAFEGUARDING'];
}

function closeSchemaFor(facts: PayloadFacts) {
  return PIPELINE_EVENT_SCHEMAS.CLOSE.superRefine((event, ctx) => {
    if (!closeCodesFor(facts).includes(event.reasonCode)) {
      ctx.addIssue({ code: 'custom', path: ['reasonCode'], message: 'Choose a reason that fits this stage' });
    }
    if ((event.reasonCode === 'COUNSELLED_OUT' || event.reasonCode === 'NOT_PROGRESSED') && !event.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Enter the reasons' });
    }
    if (event.reasonCode === 'OUTSIDE_AREA_SIGNPOSTED' && !event.signpostedTo) {
      ctx.addIssue({ code: 'custom', path: ['signpostedTo'], message: 'Enter where the person was signposted' });
    }
  });
}

// Ofsted AW codes describe withdrawn applications only, so they are required after one and refused before it.
function withdrawSchemaFor(facts: PayloadFacts) {
  return PIPELINE_EVENT_SCHEMAS.WITHDRAW.superRefine((event, ctx) => {
    if (facts.applicationMade && event.awCode === undefined) {
      ctx.addIssue({ code: 'custom', path: ['awCode'], message: 'Choose the Ofsted withdrawal reason' });
    }
    if (!facts.applicationMade && event.awCode !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['awCode'], message: 'Ofsted withdrawal reasons apply only after an application' });
    }
  });
}

function approveSchemaFor(facts: PayloadFacts) {
  return PIPELINE_EVENT_SCHEMAS.APPROVE.superRefine((event, ctx) => {
    if (facts.route === 'kinship' && event.terms.namedChildren.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['terms', 'namedChildren'], message: 'Enter the named child or children' });
    }
  });
}

/**
 * The first-contact rule (DOMAIN.md §2.2 step 2, §2.3): at least two failed attempts before a case closes for no
 * contact. The service's fuller default (three attempts over ten working days on two channels) is not enforced.
 */
export const NO_CONTACT_MIN_ATTEMPTS = 2;

/**
 * Rules for an event keyed in now, on top of its schema, by field. History that is imported or seeded records what
 * happened before these rules existed, so only the writer applies them.
 */
export function liveEventProblems(event: PipelineEvent, context: { contactAttempts: number }): Record<string, string> {
  const problems: Record<string, string> = {};
  if (event.type === 'CONTACT_ATTEMPT_FAILED') {
    if (!event.channel) problems.channel = 'Choose how you tried to make contact';
    if (!event.outcome) problems.outcome = 'Choose what happened';
  }
  if (event.type === 'CLOSE' && event.reasonCode === 'NO_CONTACT' && context.contactAttempts < NO_CONTACT_MIN_ATTEMPTS) {
    problems.reasonCode = `Log at least ${NO_CONTACT_MIN_ATTEMPTS} failed contact attempts before closing for no contact (${context.contactAttempts} so far)`;
  }
  return problems;
}

/** The fields an event carries besides its type and the date it happened: what its form asks for. */
export function payloadFieldNames(type: PipelineEventType): string[] {
  return Object.keys(PIPELINE_EVENT_SCHEMAS[type].shape).filter((name) => name !== 'type' && name !== 'occurredOn');
}

/** The schema to parse an event with, given the household's current facts. */
export function eventSchemaFor<T extends PipelineEventType>(type: T, facts: PayloadFacts): z.ZodType<PipelineEventOf<T>> {
  const schemas: { [K in PipelineEventType]: z.ZodType<PipelineEventOf<K>> } = {
    ...PIPELINE_EVENT_SCHEMAS,
    CLOSE: closeSchemaFor(facts),
    WITHDRAW: withdrawSchemaFor(facts),
    APPROVE: approveSchemaFor(facts),
  };
  return schemas[type];
}
