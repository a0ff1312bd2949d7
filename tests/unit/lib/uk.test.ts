import { describe, expect, test } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatDateWithWeekday,
  formatNumber,
  formatPounds,
  formatTime,
  instantOnLondonDate,
  isValidUkPhone,
  londonDateOf,
  normalisePhone,
  normalisePostcode,
  parseDayMonthYear,
  todayInLondon,
} from '~/lib/uk';

describe('formatDate', () => {
  test('writes a calendar date the GOV.UK way', () => {
    expect(formatDate('2026-04-07')).toBe('7 April 2026');
    expect(formatDate('2026-11-22')).toBe('22 November 2026');
  });

  test('shows an instant as its London date: 23:30 UTC on 30 June is already 1 July in BST', () => {
    expect(formatDate(new Date('2026-06-30T23:30:00Z'))).toBe('1 July 2026');
  });

  test('refuses a date that does not exist', () => {
    expect(() => formatDate('2026-02-30')).toThrow(RangeError);
    expect(() => formatDate('7/4/2026')).toThrow(RangeError);
  });
});

describe('formatDateWithWeekday', () => {
  test('7 April 2026 is a Tuesday and 22 November 2026 a Sunday', () => {
    expect(formatDateWithWeekday('2026-04-07')).toBe('Tuesday 7 April 2026');
    expect(formatDateWithWeekday('2026-11-22')).toBe('Sunday 22 November 2026');
  });
});

describe('times', () => {
  test('uses the 24-hour clock in BST (UTC+1) during summer', () => {
    expect(formatTime('2026-04-07T13:30:00Z')).toBe('14:30');
    expect(formatDateTime(new Date('2026-04-07T13:30:00Z'))).toBe('7 April 2026, 14:30');
  });

  test('uses GMT (UTC+0) in winter, with leading zeros', () => {
    expect(formatDateTime('2026-01-05T09:05:00Z')).toBe('5 January 2026, 09:05');
  });

  test('midnight is 00:00, not 24:00', () => {
    expect(formatTime('2026-01-05T00:00:00Z')).toBe('00:00');
  });
});

describe('londonDateOf and todayInLondon', () => {
  test('an instant at 2026-06-30T23:30:00Z is London date 2026-07-01 (BST)', () => {
    expect(londonDateOf(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
  });

  test('in winter London is on UTC, so 23:30 UTC stays on the same day', () => {
    expect(londonDateOf('2026-12-31T23:30:00Z')).toBe('2026-12-31');
  });

  test('the clocks go forward at 01:00 UTC on 29 March 2026', () => {
    expect(formatTime('2026-03-29T00:59:00Z')).toBe('00:59');
    expect(formatTime('2026-03-29T01:00:00Z')).toBe('02:00');
  });

  test('todayInLondon uses the time it is given', () => {
    expect(todayInLondon(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(todayInLondon(new Date('2026-06-30T22:59:00Z'))).toBe('2026-06-30');
  });
});

describe('normalisePostcode', () => {
  test.each([
    ['DE1 2FS', 'DE1 2FS'],
    ['de12fs', 'DE1 2FS'],
    ['  ng7  2rd ', 'NG7 2RD'],
    ['S40 1LP', 'S40 1LP'],
    ['SK17 6XN', 'SK17 6XN'],
    ['M1 1AE', 'M1 1AE'],
    ['EC1A 1BB', 'EC1A 1BB'],
  ])('%s → %s', (raw, expected) => {
    expect(normalisePostcode(raw)).toBe(expected);
  });

  test.each(['', 'DE1', 'DE1 2F', 'DE1 22S', '12 3AB', 'DE123 4FS', 'DE1-2FS', 'not a postcode'])(
    'refuses %j',
    (raw) => {
      expect(normalisePostcode(raw)).toBeNull();
    },
  );
});

describe('UK phone numbers', () => {
  test.each([
    ['07700 900123', '07700900123'],
    ['+44 7700 900123', '07700900123'],
    ['+44 (0)7700 900123', '07700900123'],
    ['0044 7700 900123', '07700900123'],
    ['(01332) 642-000', '01332642000'],
    ['0115 876 4000', '01158764000'],
    ['0800 123 456', '0800123456'],
  ])('%s → %s', (raw, expected) => {
    expect(normalisePhone(raw)).toBe(expected);
    expect(isValidUkPhone(raw)).toBe(true);
  });

  test.each(['', '7700900123', '0770090012', '077009001234', '+1 202 555 0100', '04123 456789', 'phone me'])(
    'refuses %j',
    (raw) => {
      expect(normalisePhone(raw)).toBeNull();
      expect(isValidUkPhone(raw)).toBe(false);
    },
  );
});

describe('parseDayMonthYear', () => {
  test('pads a real date to YYYY-MM-DD', () => {
    expect(parseDayMonthYear('7', '4', '2026')).toBe('2026-04-07');
    expect(parseDayMonthYear(' 22 ', '11', '2026')).toBe('2026-11-22');
  });

  test('accepts a month name or its abbreviation, as GOV.UK date inputs do', () => {
    expect(parseDayMonthYear('7', 'April', '2026')).toBe('2026-04-07');
    expect(parseDayMonthYear('7', 'sep', '2026')).toBe('2026-09-07');
  });

  test('knows leap years: 2028 has 29 February, 2026 and 2100 do not', () => {
    expect(parseDayMonthYear('29', '2', '2028')).toBe('2028-02-29');
    expect(parseDayMonthYear('29', '2', '2026')).toBeNull();
    expect(parseDayMonthYear('29', '2', '2100')).toBeNull();
  });

  test.each([
    ['31', '4', '2026'],
    ['0', '1', '2026'],
    ['1', '13', '2026'],
    ['1', '1', '26'],
    ['', '', ''],
    ['1.5', '1', '2026'],
    ['1', 'Ap', '2026'],
  ])('refuses %s/%s/%s', (day, month, year) => {
    expect(parseDayMonthYear(day, month, year)).toBeNull();
  });
});

describe('numbers and money', () => {
  test('formatNumber uses thousands separators', () => {
    expect(formatNumber(1254388)).toBe('1,254,388');
    expect(formatNumber(12.345, { maximumFractionDigits: 1 })).toBe('12.3');
  });

  test('formatPounds shows pence only when there are some', () => {
    expect(formatPounds(125438800)).toBe('£1,254,388');
    expect(formatPounds(13976)).toBe('£139.76');
    expect(formatPounds(7550)).toBe('£75.50');
    expect(formatPounds(0)).toBe('£0');
  });

  test('formatPounds refuses fractions of a penny', () => {
    expect(() => formatPounds(12.5)).toThrow(RangeError);
  });
});

describe('instantOnLondonDate', () => {
  // 00:30 BST on Wednesday 1 July 2026 is still 30 June in UTC.
  const now = new Date('2026-06-30T23:30:00Z');

  test('something keyed in on the day keeps the real time', () => {
    expect(instantOnLondonDate('2026-07-01', now)).toEqual(now);
  });

  test('a back-dated day is stored at noon UTC, which is the same London day in summer and winter', () => {
    expect(instantOnLondonDate('2026-06-15', now).toISOString()).toBe('2026-06-15T12:00:00.000Z');
    expect(londonDateOf(instantOnLondonDate('2026-06-15', now))).toBe('2026-06-15');
    expect(londonDateOf(instantOnLondonDate('2026-01-15', now))).toBe('2026-01-15');
  });
});
