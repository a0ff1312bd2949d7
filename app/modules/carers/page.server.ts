import { z } from 'zod';
import { runFormCommand, typedValues, type FormCommandOutcome } from '~/lib/form-commands';
import type { Viewer } from '~/modules/auth/viewer';
import { startReturnEnquiry } from './reentry.server';
import { endApprovalByCouncil, giveNotice, recordExitInterview } from './resignations.server';
import {
  addPlacement,
  addStayingPut,
  assignSupervisingWorker,
  changeTerms,
  endPlacement,
  endStayingPut,
  recordReview,
  recordTsdMet,
} from './reviews.server';
import {
  councilEndingSchema,
  endPlacementSchema,
  endStayingPutSchema,
  exitInterviewSchema,
  noticeSchema,
  placementSchema,
  reviewSchema,
  stayingPutSchema,
  supervisorSchema,
  termsSchema,
  tsdSchema,
} from './schemas';

// The one entry point for everything the approved household's record page posts: each form names its intent,
// is parsed by its schema and goes to one writer. Refusals come back keyed by form, with what was typed.

const CARER_FORMS = [
  'review',
  'terms',
  'supervisor',
  'placement',
  'endPlacement',
  'tsd',
  'stayingPut',
  'endStayingPut',
  'notice',
  'councilEnding',
  'exitInterview',
  'reentry',
] as const;
export type CarerForm = (typeof CARER_FORMS)[number];

export const CARER_NOTICES: Record<CarerForm, string> = {
  review: 'Review recorded. The next review date has been updated.',
  terms: 'New terms of approval recorded.',
  supervisor: 'Supervising social worker changed.',
  placement: 'Placement added.',
  endPlacement: 'End of the placement recorded.',
  tsd: 'TSD Standards sign-off recorded.',
  stayingPut: 'Staying Put arrangement added.',
  endStayingPut: 'End of the Staying Put arrangement recorded.',
  notice: 'Resignation recorded. The household stays approved until approval ends.',
  councilEnding: 'The end of approval has been recorded.',
  exitInterview: 'Exit interview recorded.',
  reentry: 'A new enquiry has been started for the hub, linked to this household’s history.',
};

// Starting a return enquiry takes nothing from the form.
const noInput = z.object({});

export function isCarerForm(value: unknown): value is CarerForm {
  return typeof value === 'string' && (CARER_FORMS as readonly string[]).includes(value);
}

type CarerFormFailure = { form: string; fieldErrors: Record<string, string>; values: Record<string, string>; conflict: string | null };
type CarerFormOutcome = { ok: true; done: CarerForm } | { ok: false; status: 400 | 409; failure: CarerFormFailure };

type Options = { today: string; requestId?: string };

export async function submitCarerForm(viewer: Viewer, approvalId: string, formData: FormData, options: Options): Promise<CarerFormOutcome> {
  const intent = formData.get('intent');
  if (!isCarerForm(intent)) {
    return { ok: false, status: 400, failure: { form: 'form', fieldErrors: { form: 'Reload the page and try again' }, values: typedValues(formData), conflict: null } };
  }
  const outcome = await run(viewer, approvalId, intent, formData, options);
  if (!outcome.ok) return { ok: false, status: outcome.status, failure: { form: intent, fieldErrors: outcome.fieldErrors, values: outcome.values, conflict: outcome.conflict } };
  return { ok: true, done: intent };
}

function run(viewer: Viewer, approvalId: string, intent: CarerForm, formData: FormData, options: Options): Promise<FormCommandOutcome<unknown>> {
  switch (intent) {
    case 'review':
      return runFormCommand(reviewSchema, formData, (input) => recordReview(viewer, approvalId, input, options));
    case 'terms':
      return runFormCommand(termsSchema, formData, (input) => changeTerms(viewer, approvalId, input, options));
    case 'supervisor':
      return runFormCommand(supervisorSchema, formData, (input) => assignSupervisingWorker(viewer, approvalId, input, options));
    case 'placement':
      return runFormCommand(placementSchema, formData, (input) => addPlacement(viewer, approvalId, input, options));
    case 'endPlacement':
      return runFormCommand(endPlacementSchema, formData, (input) => endPlacement(viewer, approvalId, input, options));
    case 'endStayingPut':
      return runFormCommand(endStayingPutSchema, formData, (input) => endStayingPut(viewer, approvalId, input, options));
    case 'tsd':
      return runFormCommand(tsdSchema, formData, (input) => recordTsdMet(viewer, approvalId, input, options));
    case 'stayingPut':
      return runFormCommand(stayingPutSchema, formData, (input) => addStayingPut(viewer, approvalId, input, options));
    case 'notice':
      return runFormCommand(noticeSchema, formData, (input) => giveNotice(viewer, approvalId, input, options));
    case 'councilEnding':
      return runFormCommand(councilEndingSchema, formData, (input) => endApprovalByCouncil(viewer, approvalId, input, options));
    case 'exitInterview':
      return runFormCommand(exitInterviewSchema, formData, (input) => recordExitInterview(viewer, approvalId, input, options));
    case 'reentry':
      return runFormCommand(noInput, formData, () => startReturnEnquiry(viewer, approvalId, options));
  }
}
