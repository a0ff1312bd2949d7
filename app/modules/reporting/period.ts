import { parseDayMonthYear } from '~/lib/uk';

// Report periods are London calendar dates ('YYYY-MM-DD'), inclusive at both ends (DOMAIN.md §6.1).
export type ReportPeriod = { from: string; to: string };

/** The rolling 12 months that end today: 8 April 2025 to 7 April 2026. */
export function rollingTwelveMonths(today: string): ReportPeriod {
  const [year, month, day] = today.split('-').map(Number);
  // A year before 29 February is 28 February, so the period starts on 1 March, not 2 March.
  const lastDayOfMonthAYearEarlier = new Date(Date.UTC(year - 1, month, 0)).getUTCDate();
  const sameDayAYearEarlier = Date.UTC(year - 1, month - 1, Math.min(day, lastDayOfMonthAYearEarlier));
  const from = new Date(sameDayAYearEarlier + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  return { from, to: today };
}

/**
 * A date written 'YYYY-MM-DD' (the CLI's form) → the same string, or null unless it is exactly that shape and a day
 * that exists: '2025-02-30', '2025-2-3' and '2025-02-03T00:00' are all refused.
 */
export function parseIsoDate(text: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  return parseDayMonthYear(match[3], match[2], match[1]);
}

type PeriodField = 'from' | 'to';

export type ParsedReportPeriod = {
  period: ReportPeriod;
  /** Field id → message, for the error summary; the default period is used while there are errors. */
  errors: Record<string, string>;
  /** What was typed, to show back in the date inputs. */
  values: Record<string, string>;
};

const FIELD_NAMES: Record<PeriodField, string> = { from: 'start date', to: 'end date' };

/** Reads `from-day`, `from-month`, `from-year` and the same for `to` from a GET form. No dates: the default period. */
export function parseReportPeriod(params: URLSearchParams, today: string): ParsedReportPeriod {
  const fallback = rollingTwelveMonths(today);
  const values: Record<string, string> = {};
  for (const field of ['from', 'to'] as const) {
    for (const part of ['day', 'month', 'year']) {
      const value = params.get(`${field}-${part}`);
      if (value !== null) values[`${field}-${part}`] = value;
    }
  }
  if (Object.values(values).every((value) => value.trim() === '')) return { period: fallback, errors: {}, values };

  const errors: Record<string, string> = {};
  const dates: Partial<Record<PeriodField, string>> = {};
  for (const field of ['from', 'to'] as const) {
    const date = parseDayMonthYear(values[`${field}-day`] ?? '', values[`${field}-month`] ?? '', values[`${field}-year`] ?? '');
    if (date) dates[field] = date;
    else errors[field] = `Enter a real ${FIELD_NAMES[field]}, like 1 4 2025`;
  }
  if (dates.from && dates.to && dates.from > dates.to) errors.to = 'The end date must be the same as or after the start date';
  if (Object.keys(errors).length > 0 || !dates.from || !dates.to) return { period: fallback, errors, values };
  return { period: { from: dates.from, to: dates.to }, errors, values };
}
