import { describe, expect, it } from 'vitest';
import { temporaryApprovalWarningFor, weeksAndDays } from '~/modules/households/temporary-approval-warning';

describe('temporaryApprovalWarningFor', () => {
  it('warns 3 weeks before a Regulation 24 end, inside its 6-week window', () => {
    // Monday 31 August 2026 to Monday 21 September 2026: 21 days.
    expect(temporaryApprovalWarningFor({ rule: 'reg24End', dueOn: '2026-09-21' }, '2026-08-31')).toEqual({
      regulation: 24,
      endsOn: '2026-09-21',
      flag: 'dueSoon',
      calendarDaysLeft: 21,
    });
  });

  it('says nothing 7 weeks before a Regulation 24 end, and from 6 weeks before it warns', () => {
    // 21 September 2026 - 49 days = 3 August; - 42 days = 10 August.
    expect(temporaryApprovalWarningFor({ rule: 'reg24End', dueOn: '2026-09-21' }, '2026-08-03')).toBeNull();
    expect(temporaryApprovalWarningFor({ rule: 'reg24End', dueOn: '2026-09-21' }, '2026-08-10')).toMatchObject({ flag: 'dueSoon', calendarDaysLeft: 42 });
  });

  it('warns from 4 weeks before a Regulation 25 extension ends, and after it has passed', () => {
    // Friday 30 October 2026: 29 days before is 1 October, 28 days before is 2 October.
    expect(temporaryApprovalWarningFor({ rule: 'reg25ExtensionEnd', dueOn: '2026-10-30' }, '2026-10-01')).toBeNull();
    expect(temporaryApprovalWarningFor({ rule: 'reg25ExtensionEnd', dueOn: '2026-10-30' }, '2026-10-02')).toMatchObject({ regulation: 25, flag: 'dueSoon' });
    expect(temporaryApprovalWarningFor({ rule: 'reg25ExtensionEnd', dueOn: '2026-10-30' }, '2026-11-02')).toEqual({
      regulation: 25,
      endsOn: '2026-10-30',
      flag: 'overdue',
      calendarDaysLeft: -3,
    });
  });

  it('ignores other deadlines, however close', () => {
    expect(temporaryApprovalWarningFor({ rule: 'panelPapers', dueOn: '2026-09-01' }, '2026-09-01')).toBeNull();
    expect(temporaryApprovalWarningFor(null, '2026-09-01')).toBeNull();
  });
});

describe('weeksAndDays', () => {
  it('counts whole weeks, then the days left over', () => {
    expect(weeksAndDays(21)).toBe('3 weeks');
    expect(weeksAndDays(23)).toBe('3 weeks and 2 days');
    expect(weeksAndDays(8)).toBe('1 week and 1 day');
    expect(weeksAndDays(4)).toBe('4 days');
    expect(weeksAndDays(1)).toBe('1 day');
  });
});
