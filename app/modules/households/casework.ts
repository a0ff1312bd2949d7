import { z } from 'zod';
import { checkboxField, ukDateField } from '~/lib/forms';

// The day-to-day record around the pipeline: notes, contact attempts, tasks and the case's worker. Pure, so the case
// page's selects and the server's parsing read the same lists and schemas (STYLE.md §5).

export const CONTACT_CHANNELS = [
  { code: 'phone', label: 'Phone' },
  { code: 'email', label: 'Email' },
  { code: 'text', label: 'Text message' },
  { code: 'letter', label: 'Letter' },
  { code: 'inPerson', label: 'In person' },
] as const;

export const CONTACT_OUTCOMES = [
  { code: 'spokeTo', label: 'Spoke to them' },
  { code: 'noAnswer', label: 'No answer' },
  { code: 'leftMessage', label: 'Left a message' },
  { code: 'emailSent', label: 'Sent a message and waiting for a reply' },
  { code: 'wrongNumber', label: 'Wrong number or address' },
] as const;

/** Every outcome but speaking to them: each counts towards closing for no contact while the enquiry awaits first contact. */
export const FAILED_CONTACT_OUTCOMES = CONTACT_OUTCOMES.filter(
  (outcome): outcome is Exclude<(typeof CONTACT_OUTCOMES)[number], { code: 'spokeTo' }> => outcome.code !== 'spokeTo',
);

const labelIn = (list: readonly { code: string; label: string }[], code: string) =>
  list.find((entry) => entry.code === code)?.label ?? code;

export const contactChannelLabel = (code: string) => labelIn(CONTACT_CHANNELS, code);
export const contactOutcomeLabel = (code: string) => labelIn(CONTACT_OUTCOMES, code);

const codesOf = <T extends readonly { code: string }[]>(list: T) =>
  list.map((entry) => entry.code) as unknown as [T[number]['code'], ...T[number]['code'][]];

export const NOTE_FLAGS = ['peerSupport', 'restricted'] as const;

export const noteSchema = z
  .object({
    body: z.string().trim().min(1, 'Enter the note').max(5000, 'The note must be 5,000 characters or fewer'),
    flags: checkboxField(z.enum(NOTE_FLAGS, { error: 'Choose who can read the note from the list' })),
  })
  .transform(({ body, flags }) => ({ body, restricted: flags.includes('restricted'), peerSupport: flags.includes('peerSupport') }));
export type NoteInput = z.output<typeof noteSchema>;

export const contactAttemptSchema = z.object({
  occurredOn: ukDateField({ required: 'Enter the date of the contact attempt', invalid: 'The date of the contact attempt must be a real date' }),
  channel: z.enum(codesOf(CONTACT_CHANNELS), { error: 'Choose how you tried to make contact' }),
  outcome: z.enum(codesOf(CONTACT_OUTCOMES), { error: 'Choose what happened' }),
  summary: z
    .string()
    .trim()
    .max(2000, 'The summary must be 2,000 characters or fewer')
    .optional()
    .transform((value) => (value ? value : null)),
});
export type ContactAttemptInput = z.output<typeof contactAttemptSchema>;

export const taskSchema = z.object({
  title: z.string().trim().min(1, 'Enter what needs doing').max(200, 'The task must be 200 characters or fewer'),
  dueOn: ukDateField({ required: 'Enter the date the task is due', invalid: 'The due date must be a real date' }),
  ownerId: z.string({ error: 'Choose who will do the task' }).min(1, 'Choose who will do the task'),
});
export type TaskInput = z.output<typeof taskSchema>;

export const completeTaskSchema = z.object({ taskId: z.string({ error: 'Choose a task' }).min(1, 'Choose a task') });

export const assignWorkerSchema = z.object({
  ownerId: z.string({ error: 'Choose a worker' }).min(1, 'Choose a worker'),
});
