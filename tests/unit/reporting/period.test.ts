import { describe, expect, it } from 'vitest';
import { parseIsoDate, parseReportPeriod, rollingTwelveMonths } from '~/modules/reporting/period';

describe('parseIsoDate', () => {
  it('reads a real date written YYYY-MM-DD', () => {
    expect(parseIsoDate('2025-04-01')).toBe('2025-04-01');
    expect(parseIsoDate('2024-02-29')).toBe('2024-02-29');
  });

  it('refuses a day that does not exist and any other shape', () => {
    for (const text of ['2025-02-30', '2025-02-29', '2025-13-01', '2025-00-10', '2025-04-00', '2025-4-1', '01/04/2025', '2025-04-01T00:00', ' 2025-04-01', '']) {
      expect(parseIsoDate(text), text).toBeNull();
    }
  });
});

describe('rollingTwelveMonths', () => {
  it('is the twelve months that end today', () => {
    expect(rollingTwelveMonths('2026-04-07')).toEqual({ from: '2025-04-08', to: '2026-04-07' });
  });

  it('starts on 1 March when today is 29 February', () => {
    expect(rollingTwelveMonths('2028-02-29')).toEqual({ from: '2027-03-01', to: '2028-02-29' });
  });
});

describe('parseReportPeriod', () => {
  const params = (entries: Record<string, string>) => new URLSearchParams(entries);
  const dates = { 'from-day': '1', 'from-month': '4', 'from-year': '2025', 'to-day': '31', 'to-month': '3', 'to-year': '2026' };

  it('reads both dates', () => {
    expect(parseReportPeriod(params(dates), '2026-11-23')).toMatchObject({ period: { from: '2025-04-01', to: '2026-03-31' }, errors: {} });
  });

  it('refuses a period that ends before it starts, and keeps the default period meanwhile', () => {
    const parsed = parseReportPeriod(params({ ...dates, 'to-year': '2024' }), '2026-11-23');
    expect(parsed.errors).toEqual({ to: 'The end date must be the same as or after the start date' });
    expect(parsed.period).toEqual({ from: '2025-11-24', to: '2026-11-23' });
  });

  it('refuses a date that does not exist', () => {
    expect(parseReportPeriod(params({ ...dates, 'from-day': '30', 'from-month': '2' }), '2026-11-23').errors).toEqual({
      from: 'Enter a real start date, like 1 4 2025',
    });
  });
});
