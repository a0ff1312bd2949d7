import { describe, expect, it } from 'vitest';
import {
  dueSoonUntil,
  dueState,
  earliestCouncilEndingOn,
  latestDateAhead,
  nextReviewDueAfter,
  resignationEffectiveOn,
  tsdDueOn,
} from '~/modules/carers/rules';

// The clocks of DOMAIN.md §4.3–4.6, with every expected date counted on a calendar by hand.

describe('annual reviews (reg 28): at most 12 months after the previous review', () => {
  it('falls on the same day a year later', () => {
    expect(nextReviewDueAfter('2026-03-17')).toBe('2027-03-17');
  });
  it('moves a review held on 29 February to 28 February in a year without one', () => {
    expect(nextReviewDueAfter('2024-02-29')).toBe('2025-02-28');
  });
});

describe('TSD Standards (NMS 20): 12 months from approval, 18 for kinship carers', () => {
  it('mainstream: 31 January 2026 → 31 January 2027', () => {
    expect(tsdDueOn('2026-01-31', false)).toBe('2027-01-31');
  });
  it('kinship: 31 January 2026 → 31 July 2027', () => {
    expect(tsdDueOn('2026-01-31', true)).toBe('2027-07-31');
  });
  it('kinship: 31 August 2025 + 18 months is the last day of February 2027', () => {
    expect(tsdDueOn('2025-08-31', true)).toBe('2027-02-28');
  });
});

describe('resignation (reg 28(13)): approval ends 28 days after the notice is received', () => {
  it('Monday 23 November 2026 → Monday 21 December 2026 (7 days left in November, 21 in December)', () => {
    expect(resignationEffectiveOn('2026-11-23')).toBe('2026-12-21');
  });
  it('10 February 2026 → 10 March 2026 (February 2026 has 28 days)', () => {
    expect(resignationEffectiveOn('2026-02-10')).toBe('2026-03-10');
  });
  it('10 February 2028 → 9 March 2028 (a leap year)', () => {
    expect(resignationEffectiveOn('2028-02-10')).toBe('2028-03-09');
  });
});

describe('council endings: not before the 28-day window after the qualifying determination, unless the carer agrees', () => {
  it('letter on 1 June 2026: the window closes on 29 June', () => {
    expect(earliestCouncilEndingOn('2026-06-01', false)).toBe('2026-06-29');
  });
  it('the carer agreed: the ending may take effect on the letter date', () => {
    expect(earliestCouncilEndingOn('2026-06-01', true)).toBe('2026-06-01');
  });
});

describe('due soon and overdue (28 days)', () => {
  const today = '2026-11-23';
  it('is due soon from 28 days ahead, the due date included', () => {
    expect(dueSoonUntil(today)).toBe('2026-12-21');
    expect(dueState('2026-12-21', today)).toBe('dueSoon');
    expect(dueState(today, today)).toBe('dueSoon');
  });
  it('is on track 29 days ahead, and overdue the day after the due date', () => {
    expect(dueState('2026-12-22', today)).toBe('onTrack');
    expect(dueState('2026-11-22', today)).toBe('overdue');
  });
});

describe('how far ahead a notice may be dated: 3 months', () => {
  it('30 November 2026 + 3 months is 28 February 2027', () => {
    expect(latestDateAhead('2026-11-30')).toBe('2027-02-28');
  });
});
