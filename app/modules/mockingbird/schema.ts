import { z } from 'zod';
import { checkboxField, ukDateField } from '~/lib/forms';
import { DEREGISTRATION_REASONS } from '~/modules/codes/deregistration-reasons';
import { ACTIVITY_TYPES, activityHasNights, MEMBER_TYPES } from '~/modules/mockingbird/rules';

// One schema per form on the Mockingbird pages (STYLE.md §5). Rules that need the database (the satellite limit,
// the liaison worker's council, dates against a membership) are checked by constellations.server.ts.

const MAX_TEXT = 500;
const id = (message: string) => z.string({ error: message }).trim().min(1, message).max(100);
const reason = (message: string) =>
  z.string({ error: message }).trim().min(1, message).max(MAX_TEXT, `The reason must be ${MAX_TEXT} characters or fewer`);
const memberTypeCodes = MEMBER_TYPES.map((type) => type.code);
const activityTypeCodes = ACTIVITY_TYPES.map((type) => type.code);

export const addMemberSchema = z.object({
  householdId: id('Select the household that is joining'),
  householdType: z.enum(memberTypeCodes, { error: 'Select what kind of household it is' }),
  joinedOn: ukDateField({ required: 'Enter the date the household joined', invalid: 'The date the household joined must be a real date' }),
});

export const appointHubHomeSchema = z.object({
  householdId: id('Select the household that will be the hub home'),
  joinedOn: ukDateField({ required: 'Enter the date the hub home starts', invalid: 'The date the hub home starts must be a real date' }),
});

export const endMembershipSchema = z.object({
  membershipId: id('Select the household that is leaving'),
  leftOn: ukDateField({ required: 'Enter the date the household left', invalid: 'The date the household left must be a real date' }),
  leftReason: reason('Enter why the household left'),
});

// Nights are whole numbers; a fortnight is more than any sleepover or short break the model offers.
const MAX_NIGHTS = 14;

export const logActivitySchema = z
  .object({
    type: z.enum(activityTypeCodes, { error: 'Select the kind of activity' }),
    occurredOn: ukDateField({ required: 'Enter the date of the activity', invalid: 'The date of the activity must be a real date' }),
    nights: z.string().trim().optional(),
    householdIds: checkboxField(z.string().trim().min(1).max(100)).pipe(
      z.array(z.string()).min(1, 'Select the households that took part'),
    ),
    notes: z.string().trim().max(MAX_TEXT, `Notes must be ${MAX_TEXT} characters or fewer`).optional(),
  })
  .transform((form, ctx) => {
    if (!activityHasNights(form.type)) return { ...form, nights: null };
    const nights = /^\d+$/.test(form.nights ?? '') ? Number(form.nights) : NaN;
    if (!Number.isInteger(nights) || nights < 1 || nights > MAX_NIGHTS) {
      ctx.addIssue({ code: 'custom', path: ['nights'], message: `Enter the number of nights, from 1 to ${MAX_NIGHTS}` });
      return z.NEVER;
    }
    return { ...form, nights };
  });

export const setLiaisonSchema = z.object({
  liaisonWorkerId: id('Select the liaison worker'),
});

export const closeConstellationSchema = z.object({
  closedOn: ukDateField({ required: 'Enter the date the constellation closed', invalid: 'The date the constellation closed must be a real date' }),
  closedReason: reason('Enter why the constellation is closing'),
});

export const startConstellationSchema = z.object({
  name: z
    .string({ error: 'Enter a name for the constellation' })
    .trim()
    .min(1, 'Enter a name for the constellation')
    .max(100, 'The name must be 100 characters or fewer'),
  launchedOn: ukDateField({ required: 'Enter the launch date', invalid: 'The launch date must be a real date' }),
  liaisonWorkerId: id('Select the liaison worker'),
});

// A hub home carer's own resignation: the carers' own reasons only (DOMAIN.md §4.7); other endings go through the
// carer's record.
const RESIGNATION_REASON_CODES = DEREGISTRATION_REASONS.filter((reason) => reason.group === 'resigned').map((reason) => reason.code);
export const RESIGNATION_REASONS = DEREGISTRATION_REASONS.filter((reason) => reason.group === 'resigned');

export const hubCarerResignsSchema = z.object({
  noticeReceivedOn: ukDateField({ required: 'Enter the date the council received the notice', invalid: 'The notice date must be a real date' }),
  primaryReason: z.enum(RESIGNATION_REASON_CODES, { error: 'Select the main reason the hub home carer is resigning' }),
  details: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z.string().trim().max(MAX_TEXT, `Details must be ${MAX_TEXT} characters or fewer`).optional(),
  ),
});

export type AddMemberInput = z.output<typeof addMemberSchema>;
export type AppointHubHomeInput = z.output<typeof appointHubHomeSchema>;
export type EndMembershipInput = z.output<typeof endMembershipSchema>;
export type LogActivityInput = z.output<typeof logActivitySchema>;
export type CloseConstellationInput = z.output<typeof closeConstellationSchema>;
export type HubCarerResignsInput = z.output<typeof hubCarerResignsSchema>;
export type StartConstellationInput = z.output<typeof startConstellationSchema>;
