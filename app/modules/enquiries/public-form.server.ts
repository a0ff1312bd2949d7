import { createCookie, type AppLoadContext } from '@remix-run/node';
import { env } from '~/lib/env.server';
import type { CreatedHousehold } from './enquiries.server';

// Abuse protection for the public enquiry form without hurting people (STYLE.md §5): a honeypot that bots fill and
// people never see, a per-IP limit on accepted enquiries, and a signed cookie that carries the reference to the
// confirmation page, so nothing personal goes into a URL.

/** An off-screen field, hidden from assistive technology; people leave it empty, form-filling bots do not. */
export const HONEYPOT_FIELD = 'website';

export function isHoneypotFilled(form: FormData): boolean {
  const value = form.get(HONEYPOT_FIELD);
  return typeof value === 'string' && value.trim() !== '';
}

const RATE_LIMIT_WINDOW_MS = 10 * 60 * 1000;
// Beyond this many addresses, every check sweeps out the ones with nothing left in the window, so a flood of
// addresses cannot grow the table without bound.
const SWEEP_THRESHOLD = 10_000;

type Admission = { at: number; idempotencyKey: string | undefined };
const admissionsByAddress = new Map<string, Admission[]>();

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Admits one enquiry from `address` if it has had fewer than ENQUIRY_RATE_LIMIT in the last ten minutes, and counts
 * it. Checking and counting happen in one synchronous step, so simultaneous posts cannot all slip under the limit.
 * A key already admitted is a double tap or a resubmitted page: it is let through (it creates nothing new) and not
 * counted again.
 */
export function admitEnquiry(address: string, idempotencyKey: string | undefined, now = Date.now()): RateLimitDecision {
  if (admissionsByAddress.size > SWEEP_THRESHOLD) sweepExpired(now);
  const recent = (admissionsByAddress.get(address) ?? []).filter((admission) => now - admission.at < RATE_LIMIT_WINDOW_MS);
  if (idempotencyKey && recent.some((admission) => admission.idempotencyKey === idempotencyKey)) {
    admissionsByAddress.set(address, recent);
    return { allowed: true };
  }
  if (recent.length >= env.ENQUIRY_RATE_LIMIT) {
    admissionsByAddress.set(address, recent);
    const oldest = recent[0].at;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + RATE_LIMIT_WINDOW_MS - now) / 1000)) };
  }
  admissionsByAddress.set(address, [...recent, { at: now, idempotencyKey }]);
  return { allowed: true };
}

function sweepExpired(now: number) {
  for (const [address, admissions] of admissionsByAddress) {
    if (admissions.every((admission) => now - admission.at >= RATE_LIMIT_WINDOW_MS)) admissionsByAddress.delete(address);
  }
}

/**
 * The address the request came from, as server.js reads it: the socket's address, or behind our own proxy
 * (TRUST_PROXY) the address that proxy reports. Without it (the Vite dev server) every request shares one allowance.
 */
export function clientAddressOf(context: AppLoadContext): string {
  return context.clientIp || 'unknown';
}

// ---------------------------------------------------------------- the confirmation page

export type EnquiryConfirmation = { reference: string; outsideArea: boolean };

const confirmationCookie = createCookie('__enquiry_received', {
  httpOnly: true,
  sameSite: 'lax',
  secure: env.APP_ENV === 'production',
  path: '/enquire',
  secrets: [env.SESSION_SECRET],
  // Long enough to reload the page or come back to note the reference down; short enough not to linger.
  maxAge: 60 * 60,
});

export function confirmationCookieHeader(household: Pick<CreatedHousehold, 'reference' | 'outsideArea'>): Promise<string> {
  const confirmation: EnquiryConfirmation = { reference: household.reference, outsideArea: household.outsideArea };
  return confirmationCookie.serialize(confirmation);
}

/** What the confirmation page shows; null when there is no (valid) cookie, as after a honeypot catch. */
export async function readConfirmation(request: Request): Promise<EnquiryConfirmation | null> {
  const value: unknown = await confirmationCookie.parse(request.headers.get('Cookie'));
  if (typeof value !== 'object' || value === null) return null;
  if (!('reference' in value) || typeof value.reference !== 'string') return null;
  if (!('outsideArea' in value) || typeof value.outsideArea !== 'boolean') return null;
  return { reference: value.reference, outsideArea: value.outsideArea };
}
