import { z } from 'zod';
import { ukDateField } from '~/lib/forms';
import { CONTACT_METHODS, FORMER_CARER_STATUSES, parsePoundsToPence } from '~/modules/kinship/sgo';

// The SGO support forms (STYLE.md §5). Rules that need the database or the viewer's role (who may set the
// allowance, the kinship household's council) are checked in sgo-cases.server.ts.

const MAX_PLAN = 4000;
const MAX_SUMMARY = 2000;
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const allowanceField = z.preprocess(
  blankToUndefined,
  z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (text === undefined) return null;
      const parsed = parsePoundsToPence(text);
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: parsed.message });
        return z.NEVER;
      }
      return parsed.pence;
    }),
);

const optionalDate = (messages: { invalid: string }) =>
  z.preprocess(
    (value) =>
      typeof value === 'object' && value !== null && Object.values(value).every((part) => typeof part === 'string' && part.trim() === '')
        ? undefined
        : value,
    ukDateField({ required: messages.invalid, invalid: messages.invalid }).optional(),
  );

const supportPlan = z.preprocess(
  blankToUndefined,
  z.string().trim().max(MAX_PLAN, `The support plan must be ${MAX_PLAN} characters or fewer`).optional(),
);

const allowanceRules = <T extends { weeklyAllowancePence: number | null; allowanceStartOn?: string; nextReviewOn: string }>(
  form: T,
  ctx: z.RefinementCtx,
  orderDate: string | undefined,
) => {
  if (form.weeklyAllowancePence !== null && form.allowanceStartOn === undefined) {
    ctx.addIssue({ code: 'custom', path: ['allowanceStartOn'], message: 'Enter the date the allowance starts' });
  }
  if (orderDate !== undefined && form.allowanceStartOn !== undefined && form.allowanceStartOn < orderDate) {
    ctx.addIssue({ code: 'custom', path: ['allowanceStartOn'], message: 'The allowance must start on or after the order date' });
  }
  if (orderDate !== undefined && form.nextReviewOn < orderDate) {
    ctx.addIssue({ code: 'custom', path: ['nextReviewOn'], message: 'The next review must be on or after the order date' });
  }
};

export const openSgoCaseSchema = z
  .object({
    householdId: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()),
    guardianDisplayName: z
      .string({ error: 'Enter the special guardian household’s name, like Mensah household' })
      .trim()
      .min(1, 'Enter the special guardian household’s name, like Mensah household')
      .max(100, 'The name must be 100 characters or fewer'),
    childReference: z
      .string({ error: 'Enter the child’s reference from your council’s records' })
      .trim()
      .min(1, 'Enter the child’s reference from your council’s records')
      .max(40, 'The child’s reference must be 40 characters or fewer')
      .regex(/\d/, 'Enter the child’s reference, like DY-CHILD-01234, not their name'),
    orderDate: ukDateField({ required: 'Enter the date of the special guardianship order', invalid: 'The order date must be a real date' }),
    formerCarerStatus: z.enum(
      FORMER_CARER_STATUSES.map((status) => status.code),
      { error: 'Select whether the guardian was one of your carers' },
    ),
    supportPlan,
    weeklyAllowancePence: allowanceField,
    allowanceStartOn: optionalDate({ invalid: 'The date the allowance starts must be a real date' }),
    nextReviewOn: ukDateField({ required: 'Enter the date of the next review', invalid: 'The next review date must be a real date' }),
  })
  .superRefine((form, ctx) => allowanceRules(form, ctx, form.orderDate));

export const updateSgoCaseSchema = z.object({
  version: z.coerce.number({ error: 'Reload the page and try again' }).int().min(0),
  supportPlan,
  weeklyAllowancePence: allowanceField,
  allowanceStartOn: optionalDate({ invalid: 'The date the allowance starts must be a real date' }),
  nextReviewOn: ukDateField({ required: 'Enter the date of the next review', invalid: 'The next review date must be a real date' }),
});

export const sgoContactSchema = z.object({
  occurredOn: ukDateField({ required: 'Enter the date of the contact', invalid: 'The date of the contact must be a real date' }),
  method: z.enum(
    CONTACT_METHODS.map((method) => method.code),
    { error: 'Select how the contact happened' },
  ),
  summary: z
    .string({ error: 'Enter what was discussed' })
    .trim()
    .min(1, 'Enter what was discussed')
    .max(MAX_SUMMARY, `The summary must be ${MAX_SUMMARY} characters or fewer`),
});

export type OpenSgoCaseInput = z.output<typeof openSgoCaseSchema>;
export type UpdateSgoCaseInput = z.output<typeof updateSgoCaseSchema>;
export type SgoContactInput = z.output<typeof sgoContactSchema>;
