// Calendar arithmetic for every deadline in the product (DOMAIN.md §2.4 counting conventions, §8.2 working days).
// Dates are 'YYYY-MM-DD' strings for the Europe/London day. Internally each date becomes a whole number of days
// since 1970-01-01 in UTC, so neither the server's time zone nor British Summer Time can move a date.
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from '~/lib/bank-holidays';

export type HolidaySet = ReadonlySet<string>;

/** The built-in list; pass the BankHoliday table's dates instead once administrators have edited it. */
export const DEFAULT_HOLIDAY_SET: HolidaySet = new Set(ENGLAND_AND_WALES_BANK_HOLIDAYS.map((holiday) => holiday.date));

const MS_PER_DAY = 86_400_000;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const SUNDAY = 0;
const SATURDAY = 6;

function parseCalendarDate(date: string): { year: number; month: number; day: number } {
  const match = CALENDAR_DATE.exec(date);
  if (match) {
    const parts = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
    if (parts.month >= 1 && parts.month <= 12 && parts.day >= 1 && parts.day <= daysInMonth(parts.year, parts.month)) {
      return parts;
    }
  }
  throw new RangeError(`Not a calendar date in YYYY-MM-DD form: ${date}`);
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function formatCalendarDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function toDayNumber(date: string): number {
  const { year, month, day } = parseCalendarDate(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function fromDayNumber(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

function requireWholeNumber(n: number, what: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`${what} must be a whole number: ${n}`);
}

function requireCount(n: number): void {
  requireWholeNumber(n, 'A number of working days');
  if (n < 0) throw new RangeError(`A number of working days cannot be negative: ${n}`);
}

function isWorkingDayNumber(dayNumber: number, holidays: HolidaySet): boolean {
  // 1 January 1970 (day 0) was a Thursday.
  const weekday = (((dayNumber + 4) % 7) + 7) % 7;
  return weekday !== SATURDAY && weekday !== SUNDAY && !holidays.has(fromDayNumber(dayNumber));
}

/** Monday to Friday, and not an England and Wales bank holiday. */
export function isWorkingDay(date: string, holidays: HolidaySet = DEFAULT_HOLIDAY_SET): boolean {
  return isWorkingDayNumber(toDayNumber(date), holidays);
}

function stepWorkingDays(date: string, count: number, direction: 1 | -1, holidays: HolidaySet): string {
  requireCount(count);
  let dayNumber = toDayNumber(date);
  let remaining = count;
  while (remaining > 0) {
    dayNumber += direction;
    if (isWorkingDayNumber(dayNumber, holidays)) remaining -= 1;
  }
  return fromDayNumber(dayNumber);
}

/**
 * The Nth working day after `date`; the start is day 0 and need not be a working day itself.
 * "Within 1 working day" of Thursday 2 April 2026 is Tuesday 7 April (Good Friday and Easter Monday skipped).
 */
export function addWorkingDays(date: string, count: number, holidays: HolidaySet = DEFAULT_HOLIDAY_SET): string {
  return stepWorkingDays(date, count, 1, holidays);
}

/** The Nth working day before `date`: "at least 5 working days before" a panel on 6 January 2027 is 29 December 2026. */
export function subtractWorkingDays(date: string, count: number, holidays: HolidaySet = DEFAULT_HOLIDAY_SET): string {
  return stepWorkingDays(date, count, -1, holidays);
}

export function addCalendarDays(date: string, days: number): string {
  requireWholeNumber(days, 'A number of days');
  return fromDayNumber(toDayNumber(date) + days);
}

export function addWeeks(date: string, weeks: number): string {
  requireWholeNumber(weeks, 'A number of weeks');
  return addCalendarDays(date, weeks * 7);
}

/** The same day of the month N months later, or the month's last day if it is shorter: 30 June + 8 months = 28 February. */
export function addMonthsClamped(date: string, months: number): string {
  requireWholeNumber(months, 'A number of months');
  const { year, month, day } = parseCalendarDate(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return formatCalendarDate(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/**
 * Working days after `from` up to and including `to`, so that workingDaysBetween(d, addWorkingDays(d, n)) is n.
 * Negative when `to` is earlier: then it counts the working days after `to` up to and including `from`.
 */
export function workingDaysBetween(from: string, to: string, holidays: HolidaySet = DEFAULT_HOLIDAY_SET): number {
  const fromDay = toDayNumber(from);
  const toDay = toDayNumber(to);
  const [earlier, later] = fromDay <= toDay ? [fromDay, toDay] : [toDay, fromDay];
  let count = 0;
  for (let dayNumber = earlier + 1; dayNumber <= later; dayNumber += 1) {
    if (isWorkingDayNumber(dayNumber, holidays)) count += 1;
  }
  return fromDay <= toDay || count === 0 ? count : -count;
}

/** `to` minus `from` in days: positive when `to` is later. */
export function calendarDaysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}
