import { dueDate } from '~/lib/deadlines';
import { addCalendarDays, addMonthsClamped, calendarDaysBetween } from '~/lib/working-days';

// The clocks of an approved household (DOMAIN.md §4.3–4.6), pure so that the writer, the lists, the digest and the
// tests share one definition. Every date is a London calendar date, 'YYYY-MM-DD'.

/** Reviews due within this many days are "due soon" on the lists and in the worker's digest. */
const REVIEW_DUE_SOON_DAYS = 28;

/**
 * How far ahead a resignation notice or an ending may be dated. Notice normally arrives on the day it is keyed in;
 * a letter announcing a planned move may be dated a little ahead, but a date further out is a typing mistake.
 */
const MAX_MONTHS_AHEAD = 3;

export type DueState = 'overdue' | 'dueSoon' | 'onTrack';

/** Overdue once the due date has passed; due soon from 28 days before it, the due date itself included. */
export function dueState(dueOn: string, today: string): DueState {
  const daysLeft = calendarDaysBetween(today, dueOn);
  if (daysLeft < 0) return 'overdue';
  return daysLeft <= REVIEW_DUE_SOON_DAYS ? 'dueSoon' : 'onTrack';
}

/** The last due date that counts as due soon today: the lists ask for everything due on or before it. */
export function dueSoonUntil(today: string): string {
  return addCalendarDays(today, REVIEW_DUE_SOON_DAYS);
}

/** Reg 28: the next review falls due at most 12 months after the previous one was held. */
export function nextReviewDueAfter(heldOn: string): string {
  return dueDate('laterReview', heldOn);
}

/** NMS 20: TSD evidenced within 12 months of approval, 18 for family and friends (kinship) carers. */
export function tsdDueOn(approvedOn: string, kinship: boolean): string {
  return dueDate('tsd', approvedOn, { kinship });
}

/** Reg 28(13): approval ends 28 days after the council receives the carer's notice. */
export function resignationEffectiveOn(noticeReceivedOn: string): string {
  return dueDate('resignationEffective', noticeReceivedOn);
}

/** The earliest date a council ending can take effect: at once if the carer agrees, else after the 28-day window. */
export function earliestCouncilEndingOn(qdLetterOn: string, carerAgreed: boolean): string {
  return carerAgreed ? qdLetterOn : dueDate('qdWindow', qdLetterOn);
}

/** The latest date a notice or an ending may carry today. */
export function latestDateAhead(today: string): string {
  return addMonthsClamped(today, MAX_MONTHS_AHEAD);
}

export type TemporaryApproval = {
  startOn: string;
  /** Reg 24: the start plus 16 weeks, counted in calendar weeks (start day is day 0), never moved off a weekend. */
  reg24EndOn: string;
  /** Reg 25: the one extension's end, if granted. */
  extensionEndOn: string | null;
  /** The last day the temporary approval covered: the extension's end if there was one. */
  lastDayOn: string;
  /** Full approval on or before the last day; otherwise the approval lapsed first and the placement should have ended. */
  approvedBeforeLapse: boolean;
};

/**
 * The Reg 24/25 temporary approval a kinship household had before full approval (DOMAIN.md §3.2). It is history on
 * the approved record: the review and TSD clocks still run from the full approval date (§4.3, §4.4).
 */
export function temporaryApprovalBefore(approvedOn: string, startOn: string, extensionEndOn: string | null): TemporaryApproval {
  const reg24EndOn = dueDate('reg24End', startOn);
  const lastDayOn = extensionEndOn ?? reg24EndOn;
  return { startOn, reg24EndOn, extensionEndOn, lastDayOn, approvedBeforeLapse: approvedOn <= lastDayOn };
}
