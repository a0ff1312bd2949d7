import { z } from 'zod';
import { checkboxField, ukDateField } from '~/lib/forms';
import { APPROVAL_SPECIALISMS, PLACEMENT_KINDS } from '~/modules/codes/approval';
import { DEREGISTRATION_REASONS } from '~/modules/codes/deregistration-reasons';

// The forms of an approved household's record (DOMAIN.md §4), one schema each. Rules that need the record itself
// (a review not before approval, a notice not too far ahead) are checked by the writer, which knows the dates.

const codesOf = <T extends readonly { code: string }[]>(list: T) =>
  list.map((entry) => entry.code) as unknown as [T[number]['code'], ...T[number]['code'][]];

export const REVIEW_OUTCOMES = [
  { code: 'continue', label: 'Continue approval on the same terms' },
  { code: 'changeTerms', label: 'Change the terms of approval' },
  { code: 'terminate', label: 'Propose to end approval' },
] as const;

export const EXIT_INTERVIEW_STATUSES = [
  { code: 'notOffered', label: 'Not offered yet' },
  { code: 'offered', label: 'Offered, waiting for an answer' },
  { code: 'declined', label: 'Declined' },
  { code: 'completed', label: 'Completed' },
] as const;

// How the 28-day window after a qualifying determination closed (DOMAIN.md §4.6, reg 28–29).
export const COUNCIL_ROUTES = [
  { code: 'carerAgreed', label: 'The carer agreed with the proposal' },
  { code: 'noResponse', label: 'No representations or IRM application within 28 days' },
  { code: 'representations', label: 'Representations made to the decision maker, who confirmed the decision' },
  { code: 'irm', label: 'Independent Review Mechanism applied to; the decision maker confirmed the decision' },
] as const;

/** A carer's notice can give any reason but a council termination. */
export const NOTICE_REASONS = DEREGISTRATION_REASONS.filter((reason) => reason.code !== 'TERMINATED_BY_SERVICE');

const labelIn = (list: readonly { code: string; label: string }[], code: string) =>
  list.find((entry) => entry.code === code)?.label ?? code;
export const reviewOutcomeLabel = (code: string) => labelIn(REVIEW_OUTCOMES, code);
export const exitInterviewLabel = (code: string) => labelIn(EXIT_INTERVIEW_STATUSES, code);
export const councilRouteLabel = (code: string) => labelIn(COUNCIL_ROUTES, code);

const version = z.coerce.number({ error: 'Reload the page and try again' }).int().min(0);

const isBlankDate = (value: unknown) =>
  typeof value === 'object' && value !== null && Object.values(value).every((part) => typeof part === 'string' && part.trim() === '');

/** A GOV.UK date input that may be left empty. */
const optionalUkDate = (messages: { required: string; invalid: string }) =>
  z.preprocess((value) => (value === undefined || isBlankDate(value) ? undefined : value), ukDateField(messages).optional());

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((value) => (value ? value : null));

const requiredText = (max: number, empty: string, tooLong: string) => z.string({ error: empty }).trim().min(1, empty).max(max, tooLong);

const wholeNumber = (empty: string, range: string, min: number, max: number) =>
  z
    .string({ error: empty })
    .trim()
    .min(1, empty)
    .regex(/^\d+$/, range)
    .transform(Number)
    .pipe(z.number().min(min, range).max(max, range));

export const reviewSchema = z.object({
  version,
  heldOn: ukDateField({ required: 'Enter the date the review was held', invalid: 'The review date must be a real date' }),
  outcome: z.enum(codesOf(REVIEW_OUTCOMES), { error: 'Choose the outcome of the review' }),
  notes: optionalText(5000, 'The notes must be 5,000 characters or fewer'),
});
export type ReviewInput = z.output<typeof reviewSchema>;

export const termsSchema = z
  .object({
    version,
    effectiveFrom: ukDateField({ required: 'Enter the date the new terms start', invalid: 'The date the new terms start must be a real date' }),
    numberOfChildren: wholeNumber('Enter the number of children', 'The number of children must be between 1 and 6', 1, 6),
    minAge: wholeNumber('Enter the youngest age', 'The youngest age must be between 0 and 17', 0, 17),
    maxAge: wholeNumber('Enter the oldest age', 'The oldest age must be between 0 and 21', 0, 21),
    placementKinds: checkboxField(z.enum(codesOf(PLACEMENT_KINDS), { error: 'Choose kinds of care from the list' })).refine(
      (kinds) => kinds.length > 0,
      'Choose at least one kind of care',
    ),
    specialisms: checkboxField(z.enum(codesOf(APPROVAL_SPECIALISMS), { error: 'Choose specialisms from the list' })),
    reason: requiredText(1000, 'Enter the reason for the change of terms', 'The reason must be 1,000 characters or fewer'),
  })
  .superRefine((value, ctx) => {
    if (value.maxAge < value.minAge) ctx.addIssue({ code: 'custom', path: ['maxAge'], message: 'The oldest age must be the same as or more than the youngest age' });
  });
export type TermsInput = z.output<typeof termsSchema>;

export const supervisorSchema = z.object({
  version,
  supervisingWorkerId: z.string({ error: 'Choose a supervising social worker' }).min(1, 'Choose a supervising social worker'),
});

export const placementSchema = z
  .object({
    version,
    startOn: ukDateField({ required: 'Enter the date the placement started', invalid: 'The start date must be a real date' }),
    endOn: optionalUkDate({ required: 'Enter the date the placement ended', invalid: 'The end date must be a real date' }),
    numberOfChildren: wholeNumber('Enter the number of children', 'The number of children must be between 1 and 6', 1, 6),
  })
  .superRefine((value, ctx) => {
    if (value.endOn && value.endOn < value.startOn) ctx.addIssue({ code: 'custom', path: ['endOn'], message: 'The end date must be the same as or after the start date' });
  });
export type PlacementInput = z.output<typeof placementSchema>;

export const tsdSchema = z.object({
  version,
  tsdMetOn: ukDateField({ required: 'Enter the date the TSD Standards were signed off', invalid: 'The sign-off date must be a real date' }),
});

export const stayingPutSchema = z
  .object({
    version,
    youngPersonReference: requiredText(50, 'Enter the young person’s reference', 'The reference must be 50 characters or fewer'),
    startOn: ukDateField({ required: 'Enter the date the arrangement started', invalid: 'The start date must be a real date' }),
    endOn: optionalUkDate({ required: 'Enter the date the arrangement ended', invalid: 'The end date must be a real date' }),
  })
  .superRefine((value, ctx) => {
    if (value.endOn && value.endOn < value.startOn) ctx.addIssue({ code: 'custom', path: ['endOn'], message: 'The end date must be the same as or after the start date' });
  });
export type StayingPutInput = z.output<typeof stayingPutSchema>;

export const endPlacementSchema = z.object({
  version,
  placementId: z.string({ error: 'Choose the placement that ended' }).min(1, 'Choose the placement that ended'),
  endOn: ukDateField({ required: 'Enter the end date', invalid: 'The end date must be a real date' }),
});

export const endStayingPutSchema = z.object({
  version,
  stayingPutId: z.string({ error: 'Choose the arrangement that ended' }).min(1, 'Choose the arrangement that ended'),
  endOn: ukDateField({ required: 'Enter the end date', invalid: 'The end date must be a real date' }),
});

const reasonDetails = optionalText(2000, 'The details must be 2,000 characters or fewer');

export const noticeSchema = z.object({
  version,
  noticeReceivedOn: ukDateField({ required: 'Enter the date the notice was received', invalid: 'The notice date must be a real date' }),
  primaryReason: z.enum(codesOf(NOTICE_REASONS), { error: 'Choose the main reason for leaving' }),
  details: reasonDetails,
});
export type NoticeInput = z.output<typeof noticeSchema>;

export const councilEndingSchema = z.object({
  version,
  primaryReason: z.enum(codesOf(DEREGISTRATION_REASONS), { error: 'Choose the reason approval is ending' }),
  reviewId: z
    .string()
    .optional()
    .transform((value) => (value ? value : null)),
  qdLetterOn: optionalUkDate({ required: 'Enter the date of the qualifying determination letter', invalid: 'The letter date must be a real date' }),
  councilRoute: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.enum(codesOf(COUNCIL_ROUTES), { error: 'Choose how the 28-day window closed' }).optional(),
  ),
  effectiveOn: ukDateField({ required: 'Enter the date approval ends', invalid: 'The date approval ends must be a real date' }),
  details: reasonDetails,
});
export type CouncilEndingInput = z.output<typeof councilEndingSchema>;

export const exitInterviewSchema = z
  .object({
    version,
    exitInterview: z.enum(codesOf(EXIT_INTERVIEW_STATUSES), { error: 'Choose what happened to the exit interview' }),
    heldOn: optionalUkDate({ required: 'Enter the date of the exit interview', invalid: 'The interview date must be a real date' }),
    reasons: checkboxField(z.enum(codesOf(DEREGISTRATION_REASONS), { error: 'Choose reasons from the list' })),
    wouldReturn: z.enum(['yes', 'no'], { error: 'Choose whether they would consider fostering with the council again' }).optional(),
    wouldRecommend: z.enum(['yes', 'no'], { error: 'Choose whether they would recommend fostering with the council' }).optional(),
    comments: optionalText(5000, 'The comments must be 5,000 characters or fewer'),
  })
  .superRefine((value, ctx) => {
    if (value.exitInterview !== 'completed') return;
    const missing = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (!value.heldOn) missing('heldOn', 'Enter the date of the exit interview');
    if (value.reasons.length === 0) missing('reasons', 'Choose at least one reason they gave for leaving');
    if (!value.wouldReturn) missing('wouldReturn', 'Choose whether they would consider fostering with the council again');
    if (!value.wouldRecommend) missing('wouldRecommend', 'Choose whether they would recommend fostering with the council');
  })
  .transform(({ version: expectedVersion, exitInterview, heldOn, reasons, wouldReturn, wouldRecommend, comments }) => ({
    version: expectedVersion,
    exitInterview,
    answers:
      exitInterview === 'completed' && heldOn
        ? { heldOn, reasons, wouldReturn: wouldReturn === 'yes', wouldRecommend: wouldRecommend === 'yes', comments }
        : null,
  }));
export type ExitInterviewInput = z.output<typeof exitInterviewSchema>;

