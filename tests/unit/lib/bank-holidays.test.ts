import { describe, expect, test } from 'vitest';
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from '~/lib/bank-holidays';

// These tests check reference data, so the expectations are rebuilt here from the published rules, independently of
// the list: Easter from the computus, the fixed and Monday holidays from their definitions, and the one-offs by hand.

const YEARS = Array.from({ length: 11 }, (_, index) => 2020 + index);
const SUNDAY = 0;
const MONDAY = 1;
const SATURDAY = 6;

function iso(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

function weekdayOf(date: string): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

function plusDays(date: string, days: number): string {
  const instant = new Date(`${date}T12:00:00Z`);
  instant.setUTCDate(instant.getUTCDate() + days);
  return instant.toISOString().slice(0, 10);
}

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

function firstMonday(year: number, month: number): string {
  let date = iso(year, month, 1);
  while (weekdayOf(date) !== MONDAY) date = plusDays(date, 1);
  return date;
}

function lastMonday(year: number, month: number): string {
  let date = plusDays(iso(year, month + 1, 1), -1);
  while (weekdayOf(date) !== MONDAY) date = plusDays(date, -1);
  return date;
}

/** A fixed holiday at a weekend moves to the next weekday not already taken (the substitute day). */
function observed(date: string, taken: Set<string>): string {
  let day = date;
  while (weekdayOf(day) === SATURDAY || weekdayOf(day) === SUNDAY || taken.has(day)) day = plusDays(day, 1);
  taken.add(day);
  return day;
}

function expectedDatesFor(year: number): string[] {
  const easter = easterSunday(year);
  const christmasAndBoxing = new Set<string>();
  const dates = [
    observed(iso(year, 1, 1), new Set()),
    plusDays(easter, -2),
    plusDays(easter, 1),
    year === 2020 ? '2020-05-08' : firstMonday(year, 5),
    year === 2022 ? '2022-06-02' : lastMonday(year, 5),
    lastMonday(year, 8),
    observed(iso(year, 12, 25), christmasAndBoxing),
    observed(iso(year, 12, 26), christmasAndBoxing),
  ];
  if (year === 2022) dates.push('2022-06-03', '2022-09-19');
  if (year === 2023) dates.push('2023-05-08');
  return dates.sort();
}

function listedDatesFor(year: number): string[] {
  return ENGLAND_AND_WALES_BANK_HOLIDAYS.filter((holiday) => holiday.date.startsWith(`${year}-`)).map(
    (holiday) => holiday.date,
  );
}

function listedDate(name: string, year: number): string | undefined {
  return ENGLAND_AND_WALES_BANK_HOLIDAYS.find((holiday) => holiday.name === name && holiday.date.startsWith(`${year}-`))
    ?.date;
}

describe('the computus used as the independent check', () => {
  test('gives the Easter Sundays we know', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2038)).toBe('2038-04-25');
  });
});

describe('ENGLAND_AND_WALES_BANK_HOLIDAYS', () => {
  test('covers 2020 to 2030 and nothing else', () => {
    const years = new Set(ENGLAND_AND_WALES_BANK_HOLIDAYS.map((holiday) => Number(holiday.date.slice(0, 4))));
    expect([...years]).toEqual(YEARS);
  });

  test('holds real dates, sorted, each once', () => {
    const dates = ENGLAND_AND_WALES_BANK_HOLIDAYS.map((holiday) => holiday.date);
    for (const date of dates) {
      expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(new Date(`${date}T12:00:00Z`).toISOString().slice(0, 10)).toBe(date);
    }
    expect(dates).toEqual([...dates].sort());
    expect(new Set(dates).size).toBe(dates.length);
  });

  test('names every holiday', () => {
    for (const holiday of ENGLAND_AND_WALES_BANK_HOLIDAYS) expect(holiday.name.trim()).not.toBe('');
  });

  test('never puts a holiday on a Saturday or Sunday', () => {
    const weekendDates = ENGLAND_AND_WALES_BANK_HOLIDAYS.filter((holiday) =>
      [SATURDAY, SUNDAY].includes(weekdayOf(holiday.date)),
    );
    expect(weekendDates).toEqual([]);
  });

  test('has 8 holidays a year, 10 in 2022 and 9 in 2023', () => {
    const counts = Object.fromEntries(YEARS.map((year) => [year, listedDatesFor(year).length]));
    expect(counts).toEqual({
      2020: 8,
      2021: 8,
      2022: 10,
      2023: 9,
      2024: 8,
      2025: 8,
      2026: 8,
      2027: 8,
      2028: 8,
      2029: 8,
      2030: 8,
    });
  });

  test.each(YEARS)('lists exactly the holidays the rules give for %i', (year) => {
    expect(listedDatesFor(year)).toEqual(expectedDatesFor(year));
  });

  test.each(YEARS)('puts Good Friday and Easter Monday of %i either side of Easter Sunday', (year) => {
    const easter = easterSunday(year);
    expect(listedDate('Good Friday', year)).toBe(plusDays(easter, -2));
    expect(listedDate('Easter Monday', year)).toBe(plusDays(easter, 1));
  });

  test('matches the 2025 to 2027 table in DOMAIN.md §8.2', () => {
    const table = [
      ['Wed', '2025-01-01'], ['Thu', '2026-01-01'], ['Fri', '2027-01-01'],
      ['Fri', '2025-04-18'], ['Fri', '2026-04-03'], ['Fri', '2027-03-26'],
      ['Mon', '2025-04-21'], ['Mon', '2026-04-06'], ['Mon', '2027-03-29'],
      ['Mon', '2025-05-05'], ['Mon', '2026-05-04'], ['Mon', '2027-05-03'],
      ['Mon', '2025-05-26'], ['Mon', '2026-05-25'], ['Mon', '2027-05-31'],
      ['Mon', '2025-08-25'], ['Mon', '2026-08-31'], ['Mon', '2027-08-30'],
      ['Thu', '2025-12-25'], ['Fri', '2026-12-25'], ['Mon', '2027-12-27'],
      ['Fri', '2025-12-26'], ['Mon', '2026-12-28'], ['Tue', '2027-12-28'],
    ] as const;
    const weekdayNames = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
    for (const [weekday, date] of table) expect(weekdayNames[weekdayOf(date)]).toBe(weekday);

    const listed = [2025, 2026, 2027].flatMap(listedDatesFor);
    expect(listed).toEqual(table.map(([, date]) => date).sort());
  });

  test('includes the one-off holidays and moves the regular days they replaced', () => {
    const dates = new Set(ENGLAND_AND_WALES_BANK_HOLIDAYS.map((holiday) => holiday.date));
    for (const oneOff of ['2020-05-08', '2022-06-02', '2022-06-03', '2022-09-19', '2023-05-08']) {
      expect(dates.has(oneOff), oneOff).toBe(true);
    }
    // Early May 2020 moved from Monday 4 May to VE Day; the spring holiday 2022 moved from Monday 30 May.
    expect(dates.has('2020-05-04')).toBe(false);
    expect(dates.has('2022-05-30')).toBe(false);
  });

  test('includes the substitute days for Christmas, Boxing Day and New Year at a weekend', () => {
    const dates = new Set(ENGLAND_AND_WALES_BANK_HOLIDAYS.map((holiday) => holiday.date));
    const substitutes = [
      '2020-12-28',
      '2021-12-27',
      '2021-12-28',
      '2022-01-03',
      '2022-12-27',
      '2023-01-02',
      '2026-12-28',
      '2027-12-27',
      '2027-12-28',
      '2028-01-03',
    ];
    for (const substitute of substitutes) expect(dates.has(substitute), substitute).toBe(true);
  });
});
