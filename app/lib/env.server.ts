import { z } from 'zod';

// Configuration is read here once, at start-up, and nowhere else (STYLE.md §8).
// APP_ENV says which rules apply; NODE_ENV only says how the code was built. A production deployment sets
// APP_ENV=production, which makes a session secret and a Resend key mandatory and turns off /dev/mailbox.
const booleanString = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((value) => value === 'true' || value === '1');

const schema = z
  .object({
    APP_ENV: z.enum(['development', 'test', 'production']).default('development'),
    DATABASE_URL: z
      .string()
      .regex(/^file:.+/, 'DATABASE_URL must use Prisma\'s file: form, like file:./data/dev.db')
      .default('file:./data/dev.db'),
    SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
    BASE_URL: z.url('BASE_URL must be a full URL, like https://crm.example.gov.uk').default('http://localhost:3000'),
    PORT: z.coerce.number().int().positive().default(3000),
    RESEND_API_KEY: z.string().min(1).optional(),
    RESEND_BASE_URL: z.url('RESEND_BASE_URL must be a full URL').optional(),
    EMAIL_FROM: z.string().min(3).default('Foster for East Midlands <no-reply@fosterforeastmidlands.test>'),
    HUB_INBOX: z.email().default('hub@fosterforeastmidlands.test'),
    TRUST_PROXY: booleanString,
    OUTBOX_INTERVAL_MS: z.coerce.number().int().positive().default(2000),
    // Enquiries accepted from one IP address in ten minutes (STYLE.md §5); raised for benchmarks and browser tests.
    ENQUIRY_RATE_LIMIT: z.coerce.number().int().positive().default(5),
    // Sign-in links sent to one applicant address per link lifetime (20 minutes).
    MAGIC_LINK_LIMIT: z.coerce.number().int().positive().default(3),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    // Open cases with no recorded activity for this many calendar days count as stalled (issue 4); 20 is the hub's figure.
    STALLED_AFTER_DAYS: z.coerce
      .number()
      .int('STALLED_AFTER_DAYS must be a whole number of days, like 20')
      .min(1, 'STALLED_AFTER_DAYS must be at least 1')
      .max(365, 'STALLED_AFTER_DAYS must be 365 or fewer')
      .default(20),
  })
  .superRefine((value, ctx) => {
    if (value.APP_ENV !== 'production') return;
    if (!value.SESSION_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'SESSION_SECRET is required in production' });
    }
    if (!value.RESEND_API_KEY) {
      ctx.addIssue({ code: 'custom', path: ['RESEND_API_KEY'], message: 'RESEND_API_KEY is required in production' });
    }
  });

export type Env = z.infer<typeof schema> & { SESSION_SECRET: string };

const DEVELOPMENT_SECRET = 'development-only-secret-never-used-in-production-0123456789';

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join('.') || 'config'}: ${issue.message}`);
    throw new Error(`The app cannot start because its configuration is invalid:\n${lines.join('\n')}`);
  }
  return { ...result.data, SESSION_SECRET: result.data.SESSION_SECRET ?? DEVELOPMENT_SECRET };
}

export const env = parseEnv(process.env);
export const isProduction = env.APP_ENV === 'production';
