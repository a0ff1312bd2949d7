import { describe, expect, it } from 'vitest';
import { addMonths, financialYearLabel, financialYearOf, financialYearsEndingWith, monthLabel, monthsBetween } from '~/modules/reporting/months';

describe('monthsBetween', () => {
  it('lists every month the period touches, across a new year, partial months included', () => {
    expect(monthsBetween('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
  it('gives one month for a period inside it', () => {
    expect(monthsBetween('2026-03-01', '2026-03-31')).toEqual(['2026-03']);
  });
  it('gives twelve months for a financial year', () => {
    const months = monthsBetween('2025-04-01', '2026-03-31');
    expect(months).toHaveLength(12);
    expect([months[0], months[11]]).toEqual(['2025-04', '2026-03']);
  });
});

describe('labels and financial years', () => {
  it('names months briefly', () => {
    expect(monthLabel('2025-04')).toBe('Apr 2025');
    expect(monthLabel('2026-12')).toBe('Dec 2026');
  });
  it('puts 31 March in the year that started the April before, and 1 April in a new one', () => {
    expect(financialYearOf('2026-03-31')).toBe(2025);
    expect(financialYearOf('2026-04-01')).toBe(2026);
    expect(financialYearOf('2026-01-01')).toBe(2025);
  });
  it('writes a financial year as 2025/26, and 1999/00 across a century', () => {
    expect(financialYearLabel(2025)).toBe('2025/26');
    expect(financialYearLabel(1999)).toBe('1999/00');
  });
  it('lists the financial years ending with the one a date falls in, oldest first', () => {
    expect(financialYearsEndingWith('2026-02-10', 3)).toEqual([
      { startYear: 2023, from: '2023-04-01', to: '2024-03-31' },
      { startYear: 2024, from: '2024-04-01', to: '2025-03-31' },
      { startYear: 2025, from: '2025-04-01', to: '2026-03-31' },
    ]);
  });
});

describe('addMonths', () => {
  it('moves by calendar months, keeping the day where the month has it', () => {
    expect(addMonths('2026-03-31', 12)).toBe('2027-03-31');
    expect(addMonths('2026-03-31', 18)).toBe('2027-09-30');
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
  });
});
