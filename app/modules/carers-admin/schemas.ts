import { z } from 'zod';

export const REASON_MAX_LENGTH = 1000;

export const emergencyAccessSchema = z.object({
  reference: z
    .string({ error: "Enter the household's reference" })
    .trim()
    .min(1, { error: "Enter the household's reference" })
    .max(60, { error: 'The reference must be 60 characters or fewer' }),
  reason: z
    .string({ error: 'Enter why you need emergency access to this record' })
    .trim()
    .min(1, { error: 'Enter why you need emergency access to this record' })
    .max(REASON_MAX_LENGTH, { error: `The reason must be ${REASON_MAX_LENGTH} characters or fewer` }),
});

export type EmergencyAccessInput = z.output<typeof emergencyAccessSchema>;
