import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from '~/lib/bank-holidays';

// Calendar-date arithmetic for the seed. Dates are 'YYYY-MM-DD' strings for the Europe/London day (STYLE.md §7);
// they compare correctly as strings.

const DAY_MS = 86_400_000;

function toUtcMidnight(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day);
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromUtc(toUtcMidnight(date) + days * DAY_MS);
}

/** Same day N months later, clamped to the month's last day (DOMAIN.md §2.4). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return fromUtc(target.getTime());
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcMidnight(to) - toUtcMidnight(from)) / DAY_MS);
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

export function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(date: string): number {
  return (new Date(toUtcMidnight(date)).getUTCDay() + 6) % 7;
}

const BANK_HOLIDAYS = new Set(ENGLAND_AND_WALES_BANK_HOLIDAYS.map((holiday) => holiday.date));

/** The date itself if it is a working day, otherwise the next one (DOMAIN.md §8.2): staff act on working days. */
export function nextWorkingDay(date: string): string {
  let day = date;
  while (weekdayIndex(day) >= 5 || BANK_HOLIDAYS.has(day)) day = addDays(day, 1);
  return day;
}

/** First day of each month from the month of `from` to the month of `to`, inclusive. */
export function monthStartsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let month = `${from.slice(0, 7)}-01`;
  while (month <= to) {
    months.push(month);
    month = addMonths(month, 1);
  }
  return months;
}

export function daysInMonth(monthStart: string): number {
  return daysBetween(monthStart, addMonths(monthStart, 1));
}

// UK summer time runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.
function lastSundayUtc(year: number, monthIndex: number): number {
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0));
  return Date.UTC(year, monthIndex, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

/** The UTC instant of a London wall-clock time on a calendar date. */
export function londonInstant(date: string, hour: number, minute: number): Date {
  const year = Number(date.slice(0, 4));
  const asIfUtc = toUtcMidnight(date) + (hour * 60 + minute) * 60_000;
  const summer = asIfUtc - 3_600_000 >= lastSundayUtc(year, 2) && asIfUtc - 3_600_000 < lastSundayUtc(year, 9);
  return new Date(summer ? asIfUtc - 3_600_000 : asIfUtc);
}
