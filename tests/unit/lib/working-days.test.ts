import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  addCalendarDays,
  addMonthsClamped,
  addWeeks,
  addWorkingDays,
  calendarDaysBetween,
  isWorkingDay,
  subtractWorkingDays,
  workingDaysBetween,
} from '~/lib/working-days';

// Expected values are counted by hand against a 2026/27 calendar; the worked examples are DOMAIN.md §2.4's table.

describe('isWorkingDay', () => {
  test('Monday to Friday are working days', () => {
    expect(isWorkingDay('2026-04-07')).toBe(true); // Tuesday
    expect(isWorkingDay('2026-04-10')).toBe(true); // Friday
  });

  test('Saturdays and Sundays are not', () => {
    expect(isWorkingDay('2026-04-11')).toBe(false);
    expect(isWorkingDay('2026-04-12')).toBe(false);
  });

  test('bank holidays, substitute days and one-off holidays are not', () => {
    expect(isWorkingDay('2026-04-03')).toBe(false); // Good Friday
    expect(isWorkingDay('2026-04-06')).toBe(false); // Easter Monday
    expect(isWorkingDay('2026-12-28')).toBe(false); // Boxing Day, substitute for Saturday 26 December
    expect(isWorkingDay('2022-09-19')).toBe(false); // State Funeral of Queen Elizabeth II
    expect(isWorkingDay('2023-05-08')).toBe(false); // Coronation of King Charles III
  });

  test('a holiday list passed in replaces the built-in one', () => {
    expect(isWorkingDay('2026-04-03', new Set())).toBe(true);
    expect(isWorkingDay('2026-04-08', new Set(['2026-04-08']))).toBe(false);
  });

  test('refuses anything that is not a real YYYY-MM-DD date', () => {
    expect(() => isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => isWorkingDay('2026-4-7')).toThrow(RangeError);
    expect(() => isWorkingDay('2026-04-07T00:00:00Z')).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  test('worked example: an enquiry on Thursday 2 April 2026 is answered by Tuesday 7 April (Easter skipped)', () => {
    expect(addWorkingDays('2026-04-02', 1)).toBe('2026-04-07');
  });

  test('worked example: minutes received Thursday 17 December 2026 give an ADM decision by Wednesday 30 December', () => {
    // Fri 18 (1), Mon 21 (2), Tue 22 (3), Wed 23 (4), Thu 24 (5), holidays 25 and 28, Tue 29 (6), Wed 30 (7).
    expect(addWorkingDays('2026-12-17', 7)).toBe('2026-12-30');
  });

  test('day 0 is the start itself, working day or not', () => {
    expect(addWorkingDays('2026-04-07', 0)).toBe('2026-04-07');
    expect(addWorkingDays('2026-04-04', 0)).toBe('2026-04-04');
  });

  test('a start at a weekend or on a holiday counts from the next working day', () => {
    expect(addWorkingDays('2026-04-04', 1)).toBe('2026-04-07'); // Easter Saturday
    expect(addWorkingDays('2026-04-03', 1)).toBe('2026-04-07'); // Good Friday
    expect(addWorkingDays('2026-12-25', 1)).toBe('2026-12-29'); // Christmas Day, then the weekend and 28 December
  });

  test('runs over the new year and its holiday', () => {
    // Tue 29 (1), Wed 30 (2), Thu 31 (3), Fri 1 January is a holiday, Mon 4 (4).
    expect(addWorkingDays('2026-12-28', 4)).toBe('2027-01-04');
  });

  test('uses the holiday list passed in', () => {
    expect(addWorkingDays('2026-04-02', 1, new Set())).toBe('2026-04-03');
  });

  test('refuses a negative or fractional count', () => {
    expect(() => addWorkingDays('2026-04-02', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-04-02', 1.5)).toThrow(RangeError);
  });
});

describe('subtractWorkingDays', () => {
  test('worked example: papers for a panel on Wednesday 6 January 2027 go by Tuesday 29 December 2026', () => {
    // Tue 5 (1), Mon 4 (2), Fri 1 is New Year's Day, Thu 31 (3), Wed 30 (4), Tue 29 (5).
    expect(subtractWorkingDays('2027-01-06', 5)).toBe('2026-12-29');
  });

  test('skips Easter going backwards', () => {
    expect(subtractWorkingDays('2026-04-07', 1)).toBe('2026-04-02');
  });

  test('day 0 is the date itself', () => {
    expect(subtractWorkingDays('2027-01-06', 0)).toBe('2027-01-06');
  });

  test('refuses a negative count', () => {
    expect(() => subtractWorkingDays('2027-01-06', -5)).toThrow(RangeError);
  });
});

describe('addCalendarDays and addWeeks', () => {
  test('worked example: a QD letter dated Monday 2 November 2026 leaves until Monday 30 November', () => {
    expect(addCalendarDays('2026-11-02', 28)).toBe('2026-11-30');
  });

  test('worked example: notice received Tuesday 3 March 2026 ends approval on Tuesday 31 March', () => {
    expect(addCalendarDays('2026-03-03', 28)).toBe('2026-03-31');
  });

  test('worked example: reg 24 from Monday 1 June 2026 ends Monday 21 September; reg 25 adds up to Monday 16 November', () => {
    expect(addWeeks('2026-06-01', 16)).toBe('2026-09-21');
    expect(addWeeks('2026-09-21', 8)).toBe('2026-11-16');
  });

  test('knows leap years and goes backwards', () => {
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addCalendarDays('2027-01-01', -1)).toBe('2026-12-31');
  });
});

describe('addMonthsClamped', () => {
  test('worked example: application received Thursday 15 January 2026 → Tuesday 15 September 2026', () => {
    expect(addMonthsClamped('2026-01-15', 8)).toBe('2026-09-15');
  });

  test('worked example: 30 June 2026 + 8 months is Sunday 28 February 2027', () => {
    expect(addMonthsClamped('2026-06-30', 8)).toBe('2027-02-28');
  });

  test('clamps to 29 February in a leap year', () => {
    expect(addMonthsClamped('2027-06-30', 8)).toBe('2028-02-29');
    expect(addMonthsClamped('2026-08-31', 18)).toBe('2028-02-29');
  });

  test('29 February plus a year is 28 February; plus four years is 29 February again', () => {
    expect(addMonthsClamped('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonthsClamped('2028-02-29', 48)).toBe('2032-02-29');
  });

  test('worked example: approved Tuesday 10 March 2026 → 10 March 2027, or 10 September 2027 at 18 months', () => {
    expect(addMonthsClamped('2026-03-10', 12)).toBe('2027-03-10');
    expect(addMonthsClamped('2026-03-10', 18)).toBe('2027-09-10');
  });

  test('clamps to 30-day months and crosses year ends both ways', () => {
    expect(addMonthsClamped('2026-08-31', 1)).toBe('2026-09-30');
    expect(addMonthsClamped('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonthsClamped('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonthsClamped('2027-01-15', -13)).toBe('2025-12-15');
  });
});

describe('workingDaysBetween', () => {
  test('counts working days after the first date up to and including the second', () => {
    expect(workingDaysBetween('2026-04-02', '2026-04-07')).toBe(1);
    expect(workingDaysBetween('2026-12-17', '2026-12-30')).toBe(7);
    expect(workingDaysBetween('2026-04-07', '2026-04-07')).toBe(0);
  });

  test('is negative when the second date is earlier', () => {
    expect(workingDaysBetween('2027-01-06', '2026-12-29')).toBe(-5);
    expect(workingDaysBetween('2026-04-07', '2026-04-02')).toBe(-1);
  });

  test('is plain zero, not minus zero, across a weekend either way', () => {
    expect(workingDaysBetween('2026-04-10', '2026-04-12')).toBe(0);
    expect(workingDaysBetween('2026-04-12', '2026-04-10')).toBe(0);
  });

  test('2026 has 253 working days after New Year’s Day', () => {
    // 2026 starts on a Thursday: 52 weeks and a Thursday make 261 weekdays, less 8 holidays, all on weekdays.
    expect(workingDaysBetween('2026-01-01', '2026-12-31')).toBe(253);
  });
});

describe('calendarDaysBetween', () => {
  test('is the later date minus the earlier, signed', () => {
    // Eight months from 15 January: 31 + 28 + 31 + 30 + 31 + 30 + 31 + 31.
    expect(calendarDaysBetween('2026-01-15', '2026-09-15')).toBe(243);
    expect(calendarDaysBetween('2026-09-15', '2026-01-15')).toBe(-243);
    expect(calendarDaysBetween('2026-04-07', '2026-04-07')).toBe(0);
  });
});

// Midnight UTC is the previous evening in Los Angeles and mid-afternoon in Kiritimati, and local midnight in London
// during BST is 23:00 UTC the day before: any use of local time in the code lands on the wrong day in one of them.
describe.each(['Europe/London', 'America/Los_Angeles', 'Pacific/Kiritimati'])('with the server in %s', (timeZone) => {
  const originalTimeZone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = timeZone;
  });
  afterAll(() => {
    process.env.TZ = originalTimeZone;
  });

  test('the days the clocks change are ordinary days long', () => {
    expect(calendarDaysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(calendarDaysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(addCalendarDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addCalendarDays('2026-10-25', 1)).toBe('2026-10-26');
  });

  test('dates in summer time keep their day', () => {
    expect(addWeeks('2026-06-01', 16)).toBe('2026-09-21');
    expect(addMonthsClamped('2026-06-30', 8)).toBe('2027-02-28');
    expect(isWorkingDay('2026-08-31')).toBe(false); // summer bank holiday, a Monday
    expect(isWorkingDay('2026-09-01')).toBe(true);
  });

  test('working days across a clock change land on the right date', () => {
    expect(addWorkingDays('2026-03-27', 1)).toBe('2026-03-30');
    expect(subtractWorkingDays('2026-10-26', 1)).toBe('2026-10-23');
    expect(isWorkingDay('2026-03-29')).toBe(false);
  });
});
