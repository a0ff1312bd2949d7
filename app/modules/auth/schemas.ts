import { z } from 'zod';
import { isCouncilRole, STAFF_ROLES, type StaffRole } from '~/modules/auth/roles';

// One Zod schema per form (STYLE.md §5). Messages say how to put the answer right.
export const MIN_PASSWORD_LENGTH = 12;
// Argon2 accepts any length; the cap only stops someone posting megabytes to make hashing expensive.
export const MAX_PASSWORD_LENGTH = 200;

export function normaliseEmail(raw: string) {
  return raw.trim().toLowerCase();
}

const emailField = z
  .string({ error: 'Enter your email address' })
  .trim()
  .toLowerCase()
  .min(1, 'Enter your email address')
  .pipe(z.email('Enter an email address in the correct format, like name@example.com'));

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

export const signInSchema = z.object({
  email: emailField,
  // Checked only for presence: the length rule applies when a password is chosen, not when one is typed in.
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password'),
  redirectTo: optionalText,
});

export const newPasswordSchema = z
  .object({
    password: z
      .string({ error: 'Enter a new password' })
      .min(1, 'Enter a new password')
      .min(MIN_PASSWORD_LENGTH, `Password must be ${MIN_PASSWORD_LENGTH} characters or more`)
      .max(MAX_PASSWORD_LENGTH, `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`),
    confirmPassword: z.string({ error: 'Enter the password again' }).min(1, 'Enter the password again'),
  })
  .refine((value) => value.password === value.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The passwords do not match. Enter the same password twice',
  });

export const emailOnlySchema = z.object({ email: emailField });

export const magicLinkRequestSchema = z.object({ email: emailField, redirectTo: optionalText });

const roleField = z.enum(STAFF_ROLES, { error: 'Select a role' });

// Whether the council exists is checked against the Council table in users.server.ts.
const councilField = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value === '' ? null : value));

type RoleAndCouncil = { role: StaffRole; councilId: string | null };

// Council roles see one council's households (DOMAIN.md §1.3), so they must have one; nobody else may.
function checkCouncilMatchesRole(value: RoleAndCouncil, ctx: z.RefinementCtx) {
  const needsCouncil = isCouncilRole(value.role);
  if (needsCouncil && value.councilId === null) {
    ctx.addIssue({ code: 'custom', path: ['councilId'], message: 'Select the council this person works for' });
  }
  if (!needsCouncil && value.councilId !== null) {
    ctx.addIssue({
      code: 'custom',
      path: ['councilId'],
      message: 'Leave the council empty: this role is not attached to a council',
    });
  }
}

export const inviteUserSchema = z
  .object({
    name: z.string({ error: 'Enter the person’s full name' }).trim().min(1, 'Enter the person’s full name').max(120, 'Name must be 120 characters or fewer'),
    email: emailField,
    role: roleField,
    councilId: councilField,
  })
  .superRefine(checkCouncilMatchesRole);

export const changeRoleSchema = z
  .object({ role: roleField, councilId: councilField })
  .superRefine(checkCouncilMatchesRole);

export const userAccountIntentSchema = z.object({
  intent: z.enum(['changeRole', 'deactivate', 'reactivate'], { error: 'Choose what to do' }),
});

const isoDate = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value === '' ? undefined : value))
  .refine((value) => value === undefined || isRealIsoDate(value), 'Enter a date in the format 2026-04-07');

function isRealIsoDate(value: string) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

export const userListQuerySchema = z.object({
  q: optionalText,
  role: optionalText,
  councilId: optionalText,
  cursor: optionalText,
});

export const auditFilterSchema = z
  .object({
    action: optionalText,
    actorId: optionalText,
    entity: optionalText,
    entityId: optionalText,
    from: isoDate,
    to: isoDate,
    cursor: optionalText,
  })
  .refine((value) => !value.from || !value.to || value.from <= value.to, {
    path: ['to'],
    message: 'The end date must be the same as or after the start date',
  });

export type InviteUserInput = z.infer<typeof inviteUserSchema>;
export type ChangeRoleInput = z.infer<typeof changeRoleSchema>;
