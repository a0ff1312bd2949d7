import { describe, expect, it } from 'vitest';
import { lastFullFinancialYear, parseDashboardFilter } from '~/modules/reporting/dashboard-filter';

const COUNCILS = ['derby-city', 'derbyshire', 'nottingham-city', 'nottinghamshire'];
const TODAY = '2026-11-23';

function parse(query: Record<string, string>) {
  return parseDashboardFilter(new URLSearchParams(query), TODAY, COUNCILS);
}

describe('lastFullFinancialYear', () => {
  it('is the year to the last 31 March that has passed', () => {
    // 23 November 2026 is in 2026/27, so the last full year is 2025/26.
    expect(lastFullFinancialYear('2026-11-23')).toEqual({ from: '2025-04-01', to: '2026-03-31' });
    // On 31 March 2026, 2025/26 has not ended yet: 2024/25. On 1 April 2026 it has.
    expect(lastFullFinancialYear('2026-03-31')).toEqual({ from: '2024-04-01', to: '2025-03-31' });
    expect(lastFullFinancialYear('2026-04-01')).toEqual({ from: '2025-04-01', to: '2026-03-31' });
  });
});

describe('parseDashboardFilter', () => {
  it('defaults to the last full financial year, all councils, both routes, as at today', () => {
    expect(parse({})).toEqual({
      filter: { from: '2025-04-01', to: '2026-03-31', asAt: TODAY, councilId: null, route: null },
      errors: {},
      values: {},
    });
  });

  it('reads dates, a council and a route', () => {
    const parsed = parse({
      'from-day': '1', 'from-month': '7', 'from-year': '2025',
      'to-day': '30', 'to-month': '9', 'to-year': '2025',
      'asAt-day': '31', 'asAt-month': '10', 'asAt-year': '2025',
      council: 'derbyshire', route: 'kinship',
    });
    expect(parsed.errors).toEqual({});
    expect(parsed.filter).toEqual({ from: '2025-07-01', to: '2025-09-30', asAt: '2025-10-31', councilId: 'derbyshire', route: 'kinship' });
  });

  it('refuses a period that ends before it starts, a date that does not exist, an unknown council or route', () => {
    const parsed = parse({
      'from-day': '1', 'from-month': '4', 'from-year': '2026',
      'to-day': '31', 'to-month': '3', 'to-year': '2026',
      'asAt-day': '30', 'asAt-month': '2', 'asAt-year': '2026',
      council: 'leicester', route: 'adoption',
    });
    expect(Object.keys(parsed.errors).sort()).toEqual(['asAt', 'council', 'route', 'to']);
    expect(parsed.errors.to).toBe('The end date must be the same as or after the start date');
    // Never a wrong number: the default period is shown beside the errors, not half of what was asked.
    expect(parsed.filter).toEqual({ from: '2025-04-01', to: '2026-03-31', asAt: TODAY, councilId: null, route: null });
  });
});
