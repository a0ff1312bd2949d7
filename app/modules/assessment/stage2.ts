import { z } from 'zod';
import { ukDateField } from '~/lib/forms';
import { parseDayMonthYear } from '~/lib/uk';

// Stage 2 assessment (DOMAIN.md §2.2 step 8): who assesses, the sessions held, Skills to Foster training and the peer
// support buddy. Pure, so the case page and the server read the same rules and schemas (STYLE.md §5).

const STAGE1_STAGE = 'assessment.stage1';
const STAGE2_STAGE = 'assessment.stage2';

/**
 * The record is kept while the household is in Stage 2, which may start alongside Stage 1 (DOMAIN.md §2.2: "Stages 1
 * and 2 may run in sequence or together"); once the assessment is complete it is read-only.
 */
export function isStage2Editable(stage: string, stage2StartedOn: string | null): boolean {
  return stage === STAGE2_STAGE || (stage === STAGE1_STAGE && stage2StartedOn !== null);
}

export const SESSION_STATUSES = [
  { code: 'held', label: 'Held' },
  { code: 'cancelled', label: 'Cancelled' },
] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number]['code'];

export const sessionStatusLabel = (code: string) => SESSION_STATUSES.find((entry) => entry.code === code)?.label ?? code;

export const STALE_STAGE2_MESSAGE =
  'This record changed while you were editing. Reload the page to see the latest Stage 2 details, then try again.';

/** The record's version as the page saw it; a stale one loses to the other worker's edit. */
const versionField = z.coerce.number({ error: 'Reload the page and try again' }).int().min(0);

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((value) => (value ? value : null));

export const stage2DetailsSchema = z.object({
  version: versionField,
  assessorId: z
    .string()
    .optional()
    .transform((value) => (value ? value : null)),
  peerBuddy: optionalText(200, 'The peer support buddy must be 200 characters or fewer'),
});
export type Stage2DetailsInput = z.output<typeof stage2DetailsSchema>;

/** Sessions already held cannot be in the future; a cancelled one may have been booked for any date. */
export function stage2SessionSchema(today: string) {
  return z
    .object({
      version: versionField,
      sessionOn: ukDateField({ required: 'Enter the date of the session', invalid: 'The date of the session must be a real date' }),
      status: z.enum(['held', 'cancelled'], { error: 'Choose whether the session was held or cancelled' }),
      note: optionalText(1000, 'The note must be 1,000 characters or fewer'),
    })
    .superRefine((input, ctx) => {
      if (input.status === 'held' && input.sessionOn > today) {
        ctx.addIssue({ code: 'custom', path: ['sessionOn'], message: 'The date of a session that was held must be today or in the past' });
      }
    });
}
export type Stage2SessionInput = z.output<ReturnType<typeof stage2SessionSchema>>;

const optionalDate = z
  .object({ day: z.string(), month: z.string(), year: z.string() })
  .optional()
  .transform((parts, ctx) => {
    if (!parts || (!parts.day.trim() && !parts.month.trim() && !parts.year.trim())) return null;
    const date = parseDayMonthYear(parts.day, parts.month, parts.year);
    if (date === null) {
      ctx.addIssue({ code: 'custom', message: 'The date the course was completed must be a real date' });
      return z.NEVER;
    }
    return date;
  });

/** Skills to Foster (DOMAIN.md §2.2 step 8): a course is completed only by someone who attended it, after it began. */
export function skillsToFosterSchema(today: string) {
  return z
    .object({
      version: versionField,
      courseStartOn: ukDateField({ required: 'Enter the date the course starts', invalid: 'The date the course starts must be a real date' }),
      attended: z.enum(['yes', 'no'], { error: 'Choose whether they attended the course' }),
      completedOn: optionalDate,
    })
    .superRefine((input, ctx) => {
      if (input.completedOn === null) return;
      const issue = (message: string) => ctx.addIssue({ code: 'custom', path: ['completedOn'], message });
      if (input.attended === 'no') issue('Leave the completion date empty if they did not attend the course');
      else if (input.completedOn < input.courseStartOn) issue('The date the course was completed must be on or after the date it starts');
      else if (input.completedOn > today) issue('The date the course was completed must be today or in the past');
    })
    .transform((input) => ({
      version: input.version,
      courseStartOn: input.courseStartOn,
      attended: input.attended === 'yes',
      completedOn: input.completedOn,
    }));
}
export type SkillsToFosterInput = z.output<ReturnType<typeof skillsToFosterSchema>>;
