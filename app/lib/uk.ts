// UK conventions for display and input (DOMAIN.md §8.1, §8.3). Every date and time is formatted with the en-GB
// locale and an explicit Europe/London time zone, so the server's own zone never leaks into what people see.
const LOCALE = 'en-GB';
const TIME_ZONE = 'Europe/London';

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const dateParts = new Intl.DateTimeFormat(LOCALE, {
  timeZone: TIME_ZONE,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const isoDateParts = new Intl.DateTimeFormat(LOCALE, {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const timeParts = new Intl.DateTimeFormat(LOCALE, {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

type Instant = Date | string;

// Strings must be ISO 8601 with a time: new Date('7/4/2026') would quietly read it as 4 July.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function toInstant(value: Instant): Date {
  if (typeof value === 'string' && !ISO_INSTANT.test(value)) {
    throw new RangeError(`Not an ISO 8601 instant: ${value}`);
  }
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a valid instant: ${String(value)}`);
  return date;
}

function pick(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  const part = parts.find((candidate) => candidate.type === type);
  if (!part) throw new RangeError(`Date formatting gave no ${type}`);
  return part.value;
}

/** Noon UTC lies on the same calendar day in London whether it is GMT or BST. */
function calendarDateToNoonUtc(calendarDate: string): Date {
  const match = CALENDAR_DATE.exec(calendarDate);
  const iso = match ? isRealDate(Number(match[1]), Number(match[2]), Number(match[3])) : null;
  if (!match || !iso) throw new RangeError(`Not a calendar date in YYYY-MM-DD form: ${calendarDate}`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12));
}

function londonParts(value: string | Date): Intl.DateTimeFormatPart[] {
  const instant = typeof value === 'string' && CALENDAR_DATE.test(value) ? calendarDateToNoonUtc(value) : toInstant(value);
  return dateParts.formatToParts(instant);
}

/** '2026-04-07' → '7 April 2026'. An instant is shown as its London calendar date. */
export function formatDate(value: string | Date): string {
  const parts = londonParts(value);
  return `${pick(parts, 'day')} ${pick(parts, 'month')} ${pick(parts, 'year')}`;
}

/** '2026-04-07' → 'Tuesday 7 April 2026', for deadlines (DOMAIN.md §8.3). */
export function formatDateWithWeekday(value: string | Date): string {
  const parts = londonParts(value);
  return `${pick(parts, 'weekday')} ${pick(parts, 'day')} ${pick(parts, 'month')} ${pick(parts, 'year')}`;
}

/** An instant → '14:30' on the 24-hour clock in London time. */
export function formatTime(instant: Instant): string {
  const parts = timeParts.formatToParts(toInstant(instant));
  return `${pick(parts, 'hour')}:${pick(parts, 'minute')}`;
}

/** An instant → '7 April 2026, 14:30' in London time. */
export function formatDateTime(instant: Instant): string {
  const date = toInstant(instant);
  return `${formatDate(date)}, ${formatTime(date)}`;
}

/** The London calendar day ('YYYY-MM-DD') on which an instant falls. */
export function londonDateOf(instant: Instant): string {
  const parts = isoDateParts.formatToParts(toInstant(instant));
  return `${pick(parts, 'year')}-${pick(parts, 'month')}-${pick(parts, 'day')}`;
}

export function todayInLondon(now: Date = new Date()): string {
  return londonDateOf(now);
}

/** The instant to store for something that happened on a London calendar date. Keyed in on the day: the real time. */
export function instantOnLondonDate(date: string, now: Date = new Date()): Date {
  return date === todayInLondon(now) ? now : noonOnLondonDate(date);
}

/** Noon UTC falls on the same London calendar day in GMT and BST, so the stored instant keeps its date. */
export function noonOnLondonDate(date: string): Date {
  return new Date(`${date}T12:00:00.000Z`);
}

function isRealDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** GOV.UK date inputs accept a month as a number, a full name or its first three letters ("Jan"). */
function parseMonth(raw: string): number | null {
  if (/^\d{1,2}$/.test(raw)) return Number(raw);
  const lower = raw.toLowerCase();
  if (lower.length < 3) return null;
  const index = MONTH_NAMES.findIndex((name) => name === lower || name.slice(0, 3) === lower);
  return index === -1 ? null : index + 1;
}

/** Day, month and year as typed into a GOV.UK date input → 'YYYY-MM-DD', or null unless it is a real date. */
export function parseDayMonthYear(day: string, month: string, year: string): string | null {
  const dayText = day.trim();
  const monthText = month.trim();
  const yearText = year.trim();
  if (!/^\d{1,2}$/.test(dayText) || !/^\d{4}$/.test(yearText)) return null;
  const monthNumber = parseMonth(monthText);
  if (monthNumber === null) return null;
  return isRealDate(Number(yearText), monthNumber, Number(dayText));
}

// Outward code: one or two letters, a digit, then an optional letter or digit (2–4 characters).
// Inward code: a digit and two letters (DOMAIN.md §8.1).
const POSTCODE = /^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$/;

/** 'de12fs', ' DE1  2FS ' → 'DE1 2FS'; null when it is not shaped like a UK postcode. */
export function normalisePostcode(raw: string): string | null {
  const compact = raw.replace(/\s+/g, '').toUpperCase();
  const match = POSTCODE.exec(compact);
  return match ? `${match[1]} ${match[2]}` : null;
}

// UK numbers in national form: 0 then 10 digits (most numbers), or 0 then 9 digits for some 01 area codes and
// 0800 numbers. 04 and 06 are not in use.
const UK_NATIONAL_NUMBER = /^0(?:[1235789]\d{9}|1\d{8}|800\d{6})$/;

/** '+44 7700 900123', '(07700) 900-123' → '07700900123'; null when it is not a UK phone number. */
export function normalisePhone(raw: string): string | null {
  let digits = raw.trim().replace(/[\s().-]/g, '');
  if (digits.startsWith('+44')) digits = digits.slice(3);
  else if (digits.startsWith('0044')) digits = digits.slice(4);
  else if (!digits.startsWith('0')) return null;
  // '+44 (0)7700…' keeps the trunk zero after the country code; a bare '+447700…' drops it.
  if (!digits.startsWith('0')) digits = `0${digits}`;
  return UK_NATIONAL_NUMBER.test(digits) ? digits : null;
}

export function isValidUkPhone(raw: string): boolean {
  return normalisePhone(raw) !== null;
}

const numberFormat = new Intl.NumberFormat(LOCALE);

/** 1254388 → '1,254,388'. */
export function formatNumber(value: number, options: { maximumFractionDigits?: number } = {}): string {
  if (options.maximumFractionDigits === undefined) return numberFormat.format(value);
  return new Intl.NumberFormat(LOCALE, { maximumFractionDigits: options.maximumFractionDigits }).format(value);
}

const wholePounds = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });
const poundsAndPence = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'GBP', minimumFractionDigits: 2 });

/** Pence → '£1,254,388' or '£139.76': pence are shown only when there are some, as the GOV.UK style guide asks. */
export function formatPounds(pence: number): string {
  if (!Number.isInteger(pence)) throw new RangeError(`Money must be a whole number of pence: ${pence}`);
  return pence % 100 === 0 ? wholePounds.format(pence / 100) : poundsAndPence.format(pence / 100);
}
