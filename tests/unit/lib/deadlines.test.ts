import { describe, expect, test } from 'vitest';
import { DEADLINE_RULES, deadlineStatus, dueDate, type DeadlineRuleName } from '~/lib/deadlines';

// Every row of DOMAIN.md §2.4's worked-examples table, with the weekday the table gives, plus hand-counted cases
// for the rules the table does not illustrate.

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function weekdayOf(date: string): string {
  return WEEKDAYS[new Date(`${date}T12:00:00Z`).getUTCDay()];
}

interface WorkedExample {
  rule: DeadlineRuleName;
  start: string;
  startWeekday: string;
  kinship?: boolean;
  due: string;
  dueWeekday: string;
}

const WORKED_EXAMPLES: WorkedExample[] = [
  { rule: 'enquiryResponse', start: '2026-04-02', startWeekday: 'Thursday', due: '2026-04-07', dueWeekday: 'Tuesday' },
  { rule: 'panelRecommendation', start: '2026-01-15', startWeekday: 'Thursday', due: '2026-09-15', dueWeekday: 'Tuesday' },
  { rule: 'panelRecommendation', start: '2026-06-30', startWeekday: 'Tuesday', due: '2027-02-28', dueWeekday: 'Sunday' },
  { rule: 'admDecision', start: '2026-12-17', startWeekday: 'Thursday', due: '2026-12-30', dueWeekday: 'Wednesday' },
  { rule: 'panelPapers', start: '2027-01-06', startWeekday: 'Wednesday', due: '2026-12-29', dueWeekday: 'Tuesday' },
  { rule: 'qdWindow', start: '2026-11-02', startWeekday: 'Monday', due: '2026-11-30', dueWeekday: 'Monday' },
  { rule: 'reg24End', start: '2026-06-01', startWeekday: 'Monday', due: '2026-09-21', dueWeekday: 'Monday' },
  { rule: 'reg25ExtensionEnd', start: '2026-09-21', startWeekday: 'Monday', due: '2026-11-16', dueWeekday: 'Monday' },
  { rule: 'resignationEffective', start: '2026-03-03', startWeekday: 'Tuesday', due: '2026-03-31', dueWeekday: 'Tuesday' },
  { rule: 'firstReview', start: '2026-03-10', startWeekday: 'Tuesday', due: '2027-03-10', dueWeekday: 'Wednesday' },
  { rule: 'tsd', start: '2026-03-10', startWeekday: 'Tuesday', due: '2027-03-10', dueWeekday: 'Wednesday' },
  {
    rule: 'tsd',
    start: '2026-03-10',
    startWeekday: 'Tuesday',
    kinship: true,
    due: '2027-09-10',
    dueWeekday: 'Friday',
  },
];

describe('dueDate: DOMAIN.md §2.4 worked examples', () => {
  test.each(WORKED_EXAMPLES)(
    '$rule from $startWeekday $start is due $dueWeekday $due',
    ({ rule, start, startWeekday, kinship, due, dueWeekday }) => {
      expect(weekdayOf(start)).toBe(startWeekday);
      expect(weekdayOf(due)).toBe(dueWeekday);
      expect(dueDate(rule, start, { kinship })).toBe(due);
    },
  );
});

describe('dueDate: the other rules', () => {
  test('initial visit: 5 working days from Thursday 2 April 2026 is Monday 13 April', () => {
    // Easter, then Tue 7 (1), Wed 8 (2), Thu 9 (3), Fri 10 (4), Mon 13 (5).
    expect(dueDate('initialVisit', '2026-04-02')).toBe('2026-04-13');
  });

  test('Stage 1 "not suitable" notice: 10 working days from Friday 1 May 2026 is Monday 18 May', () => {
    // Mon 4 May is the early May holiday: Tue 5 to Fri 8 (4), Mon 11 to Fri 15 (9), Mon 18 (10).
    expect(dueDate('stage1NotSuitableNotice', '2026-05-01')).toBe('2026-05-18');
  });

  test('previous provider records: 15 working days from Monday 17 August 2026 is Tuesday 8 September', () => {
    // Tue 18 to Fri 21 (4), Mon 24 to Fri 28 (9), Mon 31 is the summer holiday, Tue 1 to Fri 4 Sep (13), Mon 7 (14), Tue 8 (15).
    expect(dueDate('previousProviderRecords', '2026-08-17')).toBe('2026-09-08');
  });

  test('IRM papers: 10 working days from Monday 21 December 2026 is Thursday 7 January 2027', () => {
    // Tue 22 to Thu 24 (3), 25 and 28 are holidays, Tue 29 to Thu 31 (6), 1 January is a holiday, Mon 4 to Thu 7 (10).
    expect(dueDate('irmPapers', '2026-12-21')).toBe('2027-01-07');
  });

  test('panel after assessment: 6 weeks from Monday 1 June 2026 is Monday 13 July', () => {
    expect(dueDate('panelAfterAssessment', '2026-06-01')).toBe('2026-07-13');
  });

  test('later review: 12 months after the previous review, clamped in a short February', () => {
    expect(dueDate('laterReview', '2027-03-10')).toBe('2028-03-10');
    expect(dueDate('laterReview', '2028-02-29')).toBe('2029-02-28');
  });

  test('kinship TSD clamps to 29 February 2028 from 31 August 2026', () => {
    expect(dueDate('tsd', '2026-08-31', { kinship: true })).toBe('2028-02-29');
    expect(dueDate('tsd', '2026-08-31')).toBe('2027-08-31');
  });

  test('kinship changes only the rules that have a kinship length', () => {
    expect(dueDate('firstReview', '2026-03-10', { kinship: true })).toBe('2027-03-10');
    expect(dueDate('panelRecommendation', '2026-01-15', { kinship: true })).toBe('2026-09-15');
  });

  test('panel papers skip Easter counting back from a panel on Tuesday 7 April 2026', () => {
    // Mon 6 and Fri 3 are holidays: Thu 2 (1), Wed 1 (2), Tue 31 (3), Mon 30 (4), Fri 27 March (5).
    expect(dueDate('panelPapers', '2026-04-07')).toBe('2026-03-27');
  });
});

describe('dueDate: starting on a weekend or holiday', () => {
  test('an enquiry on Easter Saturday is due on the Tuesday', () => {
    expect(dueDate('enquiryResponse', '2026-04-04')).toBe('2026-04-07');
  });

  test('minutes received on the Boxing Day substitute, Monday 28 December 2026, leave 7 working days to Thursday 7 January', () => {
    // Tue 29 to Thu 31 (3), Fri 1 January is a holiday, Mon 4 to Thu 7 (7).
    expect(dueDate('admDecision', '2026-12-28')).toBe('2027-01-07');
  });

  test('calendar-day and month clocks ignore weekends: notice on Saturday 7 March 2026 ends approval on Saturday 4 April', () => {
    expect(dueDate('resignationEffective', '2026-03-07')).toBe('2026-04-04');
  });
});

describe('dueDate: holidays passed in', () => {
  test('replace the built-in list', () => {
    expect(dueDate('enquiryResponse', '2026-04-02', { holidays: new Set() })).toBe('2026-04-03');
    expect(dueDate('enquiryResponse', '2026-04-08', { holidays: new Set(['2026-04-09']) })).toBe('2026-04-10');
  });
});

describe('DEADLINE_RULES', () => {
  test('marks the statutory clocks apart from local targets', () => {
    expect(DEADLINE_RULES.panelRecommendation.kind).toBe('statutoryStandard');
    expect(DEADLINE_RULES.resignationEffective.kind).toBe('statutory');
    expect(DEADLINE_RULES.enquiryResponse.kind).toBe('localTarget');
    expect(DEADLINE_RULES.stage1NotSuitableNotice.kind).toBe('probableLaw');
  });
});

describe('deadlineStatus', () => {
  // Due Tuesday 7 April 2026, after the Easter weekend.
  const dueOn = '2026-04-07';

  test('the day after the due date is overdue', () => {
    expect(deadlineStatus(dueOn, '2026-04-08')).toEqual({ state: 'overdue', workingDaysLeft: -1, calendarDaysLeft: -1 });
  });

  test('the due date itself is due today, and still on time', () => {
    expect(deadlineStatus(dueOn, '2026-04-07')).toEqual({ state: 'dueToday', workingDaysLeft: 0, calendarDaysLeft: 0 });
  });

  test('one working day before, across Easter, is due soon', () => {
    expect(deadlineStatus(dueOn, '2026-04-02')).toEqual({ state: 'dueSoon', workingDaysLeft: 1, calendarDaysLeft: 5 });
  });

  test('exactly 5 working days before is still due soon', () => {
    // Fri 27 March: Mon 30 (1), Tue 31 (2), Wed 1 (3), Thu 2 (4), Easter, Tue 7 (5).
    expect(deadlineStatus(dueOn, '2026-03-27')).toEqual({ state: 'dueSoon', workingDaysLeft: 5, calendarDaysLeft: 11 });
  });

  test('6 working days before is on track', () => {
    expect(deadlineStatus(dueOn, '2026-03-26')).toEqual({ state: 'onTrack', workingDaysLeft: 6, calendarDaysLeft: 12 });
  });

  test('a due date on a Sunday: due soon on the Friday before, overdue on the Monday after', () => {
    expect(deadlineStatus('2027-02-28', '2027-02-26')).toEqual({ state: 'dueSoon', workingDaysLeft: 0, calendarDaysLeft: 2 });
    expect(deadlineStatus('2027-02-28', '2027-03-01')).toEqual({ state: 'overdue', workingDaysLeft: -1, calendarDaysLeft: -1 });
  });

  test('a Friday due date is overdue on the Saturday with no working day yet lost', () => {
    expect(deadlineStatus('2026-04-10', '2026-04-11')).toEqual({ state: 'overdue', workingDaysLeft: 0, calendarDaysLeft: -1 });
  });

  test('overdue across Easter counts only the working day lost', () => {
    expect(deadlineStatus('2026-04-02', '2026-04-07')).toEqual({ state: 'overdue', workingDaysLeft: -1, calendarDaysLeft: -5 });
  });

  test('uses the holiday list passed in', () => {
    expect(deadlineStatus(dueOn, '2026-04-02', new Set())).toEqual({ state: 'dueSoon', workingDaysLeft: 3, calendarDaysLeft: 5 });
  });
});
