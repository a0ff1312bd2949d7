import { describe, expect, it } from 'vitest';
import { parseForm } from '~/lib/forms';
import { lastQuarter, lastTwelveMonths, satelliteAdvice, vacancies } from '~/modules/mockingbird/rules';
import { logActivitySchema } from '~/modules/mockingbird/schema';

describe('vacancies and advice', () => {
  it.each([
    [0, 10, 'belowAdvised'],
    [5, 5, 'belowAdvised'],
    [6, 4, null],
    [9, 1, null],
    [10, 0, 'full'],
    [11, 0, 'full'],
  ] as const)('%i satellites leave %i places (%s)', (satellites, places, advice) => {
    expect(vacancies(satellites)).toBe(places);
    expect(satelliteAdvice(satellites)).toBe(advice);
  });
});

describe('periods', () => {
  it('counts the last quarter as the three months up to and including today', () => {
    expect(lastQuarter('2026-11-23')).toEqual({ from: '2026-08-24', to: '2026-11-23' });
    // 31 May less three months is 28 February (clamped), so the quarter starts on 1 March.
    expect(lastQuarter('2026-05-31')).toEqual({ from: '2026-03-01', to: '2026-05-31' });
  });

  it('counts twelve months the same way', () => {
    expect(lastTwelveMonths('2026-11-23')).toEqual({ from: '2025-11-24', to: '2026-11-23' });
  });
});

describe('logActivitySchema', () => {
  function form(fields: Record<string, string | string[]>) {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) data.append(name, one);
    return data;
  }
  const date = { 'occurredOn-day': '20', 'occurredOn-month': '11', 'occurredOn-year': '2026' };

  it('needs nights for a sleepover, from 1 to 14', () => {
    for (const nights of ['', '0', '15', '1.5', 'two']) {
      const parsed = parseForm(logActivitySchema, form({ type: 'plannedSleepover', ...date, nights, householdIds: ['a'] }));
      expect(parsed.ok ? null : parsed.fieldErrors.nights, nights).toBe('Enter the number of nights, from 1 to 14');
    }
    const parsed = parseForm(logActivitySchema, form({ type: 'plannedSleepover', ...date, nights: '2', householdIds: ['a', 'b'] }));
    expect(parsed.ok ? parsed.data : null).toMatchObject({ type: 'plannedSleepover', occurredOn: '2026-11-20', nights: 2, householdIds: ['a', 'b'] });
  });

  it('ignores nights for a meeting, and needs at least one household', () => {
    const meeting = parseForm(logActivitySchema, form({ type: 'meeting', ...date, nights: '3', householdIds: 'a' }));
    expect(meeting.ok ? meeting.data.nights : 'failed').toBeNull();
    const nobody = parseForm(logActivitySchema, form({ type: 'meeting', ...date }));
    expect(nobody.ok ? null : nobody.fieldErrors.householdIds).toBe('Select the households that took part');
  });
});
