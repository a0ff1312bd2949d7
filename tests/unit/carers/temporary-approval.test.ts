import { describe, expect, it } from 'vitest';
import { temporaryApprovalBefore, tsdDueOn } from '~/modules/carers/rules';
import { dueDate } from '~/lib/deadlines';

// Reg 24/25 count calendar weeks from the start (day 0, DOMAIN.md §2.4 and §10.11); they are not working-day rules, so
// an end falling on a weekend or bank holiday stays where it is.
describe('temporary approval carried over to the approved record', () => {
  it('ends 16 weeks after the start, and the extension replaces it as the last day', () => {
    // Mon 1 June 2026 + 112 days: 29 to 30 June, 31 to 31 July, 31 to 31 August, 21 more → Mon 21 September 2026.
    // Extended to Mon 16 November 2026 (21 Sep + 56 days: 9 to 30 Sep, 31 to 31 Oct, 16 more). Approved on that last day.
    expect(temporaryApprovalBefore('2026-11-16', '2026-06-01', '2026-11-16')).toEqual({
      startOn: '2026-06-01',
      reg24EndOn: '2026-09-21',
      extensionEndOn: '2026-11-16',
      lastDayOn: '2026-11-16',
      approvedBeforeLapse: true,
    });
  });

  it('keeps an end on a bank holiday and counts approval after it as a lapse', () => {
    // Fri 4 Sep 2026 + 112 days: 26 to 30 Sep, 31 to 31 Oct, 30 to 30 Nov, 25 more → Fri 25 December 2026 (Christmas Day).
    const onTheDay = temporaryApprovalBefore('2026-12-25', '2026-09-04', null);
    expect(onTheDay).toMatchObject({ reg24EndOn: '2026-12-25', lastDayOn: '2026-12-25', approvedBeforeLapse: true });
    // Mon 28 Dec 2026 is the Boxing Day substitute holiday, the next working day; approval then came after the lapse.
    expect(temporaryApprovalBefore('2026-12-28', '2026-09-04', null).approvedBeforeLapse).toBe(false);
  });

  it('counts an approval after the extension ended as a lapse even if within 24 weeks of the start', () => {
    // Start Mon 1 June 2026, 16 weeks → Mon 21 Sep; extended only 2 weeks to Mon 5 Oct 2026; approved Tue 6 Oct.
    expect(temporaryApprovalBefore('2026-10-06', '2026-06-01', '2026-10-05')).toMatchObject({ lastDayOn: '2026-10-05', approvedBeforeLapse: false });
  });

  it('runs the review and kinship TSD clocks from full approval, not from the temporary approval', () => {
    // Full approval Mon 16 Nov 2026 → first review Tue 16 Nov 2027 (12 months), TSD Tue 16 May 2028 (18 months).
    // From the Reg 24 start (1 June 2026) they would have been 1 June 2027 and 1 December 2027.
    expect(dueDate('firstReview', '2026-11-16')).toBe('2027-11-16');
    expect(tsdDueOn('2026-11-16', true)).toBe('2028-05-16');
  });
});
