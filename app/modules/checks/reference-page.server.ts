import { z } from 'zod';
import { prisma } from '~/lib/db.server';
import { NotFound } from '~/lib/errors';
import { ukDateField } from '~/lib/forms';
import type { Viewer } from '~/modules/auth/viewer';
import {
  correctRefereeEmail,
  listReferenceRequests,
  recordReferenceOutcome,
  referenceDueOn,
  REFERENCE_OUTCOMES,
  REFERENCE_TYPES,
  requestReference,
  type ReferenceStatus,
  type ReferenceType,
} from './references.server';

// The References section of the case page (issue 4, "Stage 1 references"): what it lists and what its three forms
// post. The rules (who may, when a request can be resent, dates) stay in references.server.ts; this file only turns
// page input into its calls.

const REFERENCE_TYPE_LABELS: Record<ReferenceType, string> = {
  personalReference: 'Personal reference',
  formerPartner: 'Former partner',
  employer: 'Employer',
  previousService: 'Previous fostering service',
};

const REFERENCE_OUTCOME_LABELS: Record<(typeof REFERENCE_OUTCOMES)[number], string> = {
  clear: 'Clear: nothing of concern',
  informationToConsider: 'Information to consider',
  concern: 'Concern',
};

const labelOf = (labels: Record<string, string>, code: string | null) => (code === null ? null : (labels[code] ?? code));

/** The household's reference requests with today's status, and the choices its forms offer. */
export async function listReferencesForCasePage(
  viewer: Viewer,
  householdId: string,
  options: { now: Date; canRequest: boolean; requestId?: string },
) {
  const requests = await listReferenceRequests(viewer, householdId, { now: options.now, requestId: options.requestId });
  return {
    canRequest: options.canRequest,
    typeOptions: REFERENCE_TYPES.map((type) => ({ value: type, label: REFERENCE_TYPE_LABELS[type] })),
    outcomeOptions: REFERENCE_OUTCOMES.map((outcome) => ({ value: outcome, label: REFERENCE_OUTCOME_LABELS[outcome] })),
    requests: requests.map((request) => ({
      id: request.id,
      typeLabel: labelOf(REFERENCE_TYPE_LABELS, request.type) ?? request.type,
      refereeName: request.refereeName,
      refereeEmail: request.refereeEmail,
      requestedOn: request.requestedOn,
      remindedOn: request.remindedOn,
      receivedOn: request.receivedOn,
      dueOn: request.requestedOn === null ? null : referenceDueOn(request.requestedOn),
      outcomeLabel: request.outcome === 'declined' ? null : labelOf(REFERENCE_OUTCOME_LABELS, request.outcome),
      status: request.status,
      /** Still waiting for the referee: the address can be corrected and the answer recorded. */
      open: request.status !== null && isAwaitingAnswer(request.status),
    })),
  };
}

function isAwaitingAnswer(status: ReferenceStatus) {
  return status === 'requested' || status === 'reminded' || status === 'overdue';
}

export type ReferenceSection = Awaited<ReturnType<typeof listReferencesForCasePage>>;

// ---------------------------------------------------------------- the forms

/** The intents the References section posts, each with the key its failures come back under. */
export const REFERENCE_INTENTS = ['requestReference', 'correctRefereeEmail', 'recordReference'] as const;
export type ReferenceIntent = (typeof REFERENCE_INTENTS)[number];

export function isReferenceIntent(value: unknown): value is ReferenceIntent {
  return typeof value === 'string' && (REFERENCE_INTENTS as readonly string[]).includes(value);
}

/** One form per request for the per-request forms, so errors appear beside the right referee. */
export function referenceFormKey(intent: ReferenceIntent, checkId: string | null) {
  return intent === 'requestReference' || !checkId ? intent : `${intent}-${checkId}`;
}

const checkId = z.string().trim().min(1, 'Choose a reference').max(100);

// The module checks the referee's name and address, with its own messages; the page passes them on as typed.
const requestForm = z.object({
  type: z.enum(REFERENCE_TYPES, 'Choose the kind of reference'),
  refereeName: z.string().default(''),
  refereeEmail: z.string().default(''),
});

const correctForm = z.object({ checkId, refereeEmail: z.string().default('') });

export const recordReferenceForm = z.discriminatedUnion(
  'answer',
  [
    z.object({
      checkId,
      answer: z.literal('received'),
      receivedOn: ukDateField({
        required: 'Enter the date the reference was received',
        invalid: 'The date the reference was received must be a real date',
      }),
      outcome: z.enum(REFERENCE_OUTCOMES, 'Choose what the reference said'),
    }),
    z.object({ checkId, answer: z.literal('declined') }),
  ],
  { error: 'Choose whether the referee gave a reference or declined' },
);

export const REFERENCE_FORM_SCHEMAS = {
  requestReference: requestForm,
  correctRefereeEmail: correctForm,
  recordReference: recordReferenceForm,
} satisfies Record<ReferenceIntent, z.ZodType>;

/** The `done` value each intent redirects with, and the notice it shows. */
export const REFERENCE_NOTICES: Record<string, string> = {
  referenceRequested: 'Reference requested. The referee has been emailed.',
  refereeEmailCorrected: 'Email address corrected. The request has been sent again.',
  referenceRecorded: 'Reference answer recorded.',
};

type ReferenceCommandOptions = { now?: Date; requestId?: string };

/** Refuses a request that belongs to another household, whatever the viewer may otherwise see. */
async function assertReferenceOfHousehold(householdId: string, id: string) {
  const check = await prisma.stage1Check.findFirst({ where: { id, householdId }, select: { id: true } });
  if (!check) throw new NotFound('Reference not found');
}

export async function submitReferenceRequest(
  viewer: Viewer,
  householdId: string,
  input: z.output<typeof requestForm>,
  options: ReferenceCommandOptions,
) {
  await requestReference(viewer, householdId, input, options);
  return 'referenceRequested';
}

export async function submitRefereeEmailCorrection(
  viewer: Viewer,
  householdId: string,
  input: z.output<typeof correctForm>,
  options: ReferenceCommandOptions,
) {
  await assertReferenceOfHousehold(householdId, input.checkId);
  await correctRefereeEmail(viewer, input.checkId, input.refereeEmail, options);
  return 'refereeEmailCorrected';
}

export async function submitReferenceAnswer(
  viewer: Viewer,
  householdId: string,
  input: z.output<typeof recordReferenceForm>,
  options: ReferenceCommandOptions,
) {
  await assertReferenceOfHousehold(householdId, input.checkId);
  const answer = input.answer === 'declined' ? { declined: true as const } : { receivedOn: input.receivedOn, outcome: input.outcome };
  await recordReferenceOutcome(viewer, input.checkId, answer, options);
  return 'referenceRecorded';
}
