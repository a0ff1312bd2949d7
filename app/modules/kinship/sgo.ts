import { addCalendarDays, calendarDaysBetween } from '~/lib/working-days';

// Special guardianship support (DOMAIN.md §3.3): code lists, money and review due dates. Pure.

export const FORMER_CARER_STATUSES = [
  { code: 'ourKinshipCarer', label: 'Our kinship carer' },
  { code: 'ourFosterCarer', label: 'Our foster carer' },
  { code: 'none', label: 'Not one of our carers' },
] as const;
export type FormerCarerStatus = (typeof FORMER_CARER_STATUSES)[number]['code'];

export const CONTACT_METHODS = [
  { code: 'phone', label: 'Phone call' },
  { code: 'visit', label: 'Home visit' },
  { code: 'meeting', label: 'Meeting' },
  { code: 'email', label: 'Email' },
  { code: 'letter', label: 'Letter' },
] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number]['code'];

export function formerCarerStatusLabel(code: string): string {
  return FORMER_CARER_STATUSES.find((status) => status.code === code)?.label ?? 'Not recorded';
}

export function contactMethodLabel(code: string): string {
  return CONTACT_METHODS.find((method) => method.code === code)?.label ?? 'Other';
}

/**
 * Reviews of the support plan and of periodic financial support (SG Regs 2005 regs 17–18) are listed like reviews
 * of approval: overdue once the date has passed, due soon within four weeks of it.
 */
export const SGO_REVIEW_DUE_SOON_DAYS = 28;

export type SgoReviewDue = 'overdue' | 'dueSoon' | 'notDue' | 'none';

export function sgoReviewDue(nextReviewOn: string | null, today: string): SgoReviewDue {
  if (nextReviewOn === null) return 'none';
  if (nextReviewOn < today) return 'overdue';
  return calendarDaysBetween(today, nextReviewOn) <= SGO_REVIEW_DUE_SOON_DAYS ? 'dueSoon' : 'notDue';
}

export function dueSoonUntil(today: string): string {
  return addCalendarDays(today, SGO_REVIEW_DUE_SOON_DAYS);
}

/** A weekly allowance never goes above this: well beyond the £4,000 to £7,000 a year of DOMAIN.md §3.3. */
export const MAX_WEEKLY_ALLOWANCE_PENCE = 100_000;

export type PoundsParse = { ok: true; pence: number } | { ok: false; message: string };

/** '£123.45', '123.4', '1,250' → pence. People type pounds; we store whole pence so sums never drift. */
export function parsePoundsToPence(raw: string): PoundsParse {
  const text = raw.trim().replace(/^£/, '').replace(/,/g, '').trim();
  if (/^-/.test(text)) return { ok: false, message: 'The weekly allowance cannot be negative' };
  const match = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return { ok: false, message: 'Enter the weekly allowance in pounds, like 96.15' };
  const pence = Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
  if (pence > MAX_WEEKLY_ALLOWANCE_PENCE) return { ok: false, message: 'The weekly allowance must be £1,000 or less' };
  return { ok: true, pence };
}

/** Pence → '96.15' for an input box: what parsePoundsToPence reads back to the same pence. */
export function penceToPoundsText(pence: number): string {
  return `${Math.floor(pence / 100)}.${String(pence % 100).padStart(2, '0')}`;
}
