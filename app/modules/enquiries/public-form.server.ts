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
// How often addresses with nothing left in the window are forgotten, so a flood of addresses cannot grow the table
// without bound; each address costs a check only once per sweep, never once per request.
const SWEEP_INTERVAL_MS = 60 * 1000;

/**
 * One address's admissions in the window, oldest first. Expired ones are dropped from the front by moving `first`
 * on, so each admission is looked at once when it leaves and a request costs the same however many came before.
 */
type AddressWindow = { times: number[]; keys: (string | undefined)[]; first: number; admittedKeys: Set<string> };
const windowsByAddress = new Map<string, AddressWindow>();
let nextSweepAt = 0;

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Admits one enquiry from `address` if it has had fewer than ENQUIRY_RATE_LIMIT in the last ten minutes, and counts
 * it. Checking and counting happen in one synchronous step, so simultaneous posts cannot all slip under the limit.
 * A key already admitted is a double tap or a resubmitted page: it is let through (it creates nothing new) and not
 * counted again.
 */
export function admitEnquiry(address: string, idempotencyKey: string | undefined, now = Date.now()): RateLimitDecision {
  if (now >= nextSweepAt) sweepExpired(now);
  let window = windowsByAddress.get(address);
  if (!window) {
    window = { times: [], keys: [], first: 0, admittedKeys: new Set() };
    windowsByAddress.set(address, window);
  }
  dropExpired(window, now);
  if (idempotencyKey && window.admittedKeys.has(idempotencyKey)) return { allowed: true };
  const count = window.times.length - window.first;
  if (count >= env.ENQUIRY_RATE_LIMIT) {
    const oldest = window.times[window.first];
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + RATE_LIMIT_WINDOW_MS - now) / 1000)) };
  }
  window.times.push(now);
  window.keys.push(idempotencyKey);
  if (idempotencyKey) window.admittedKeys.add(idempotencyKey);
  return { allowed: true };
}

function dropExpired(window: AddressWindow, now: number) {
  while (window.first < window.times.length && now - window.times[window.first] >= RATE_LIMIT_WINDOW_MS) {
    const key = window.keys[window.first];
    if (key) window.admittedKeys.delete(key);
    window.first += 1;
  }
  // Compact once the dropped part is at least half the arrays, so compaction costs O(1) per admission over time.
  if (window.first > 0 && window.first * 2 >= window.times.length) {
    window.times = window.times.slice(window.first);
    window.keys = window.keys.slice(window.first);
    window.first = 0;
  }
}

function sweepExpired(now: number) {
  nextSweepAt = now + SWEEP_INTERVAL_MS;
  for (const [address, window] of windowsByAddress) {
    dropExpired(window, now);
    if (window.times.length === 0) windowsByAddress.delete(address);
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
