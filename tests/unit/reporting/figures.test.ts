import { describe, expect, it } from 'vitest';
import { percentage, suppressColumnWithTotal, suppressSmallNumber } from '~/modules/reporting/figures';

describe('suppressSmallNumber (DOMAIN.md §6.8)', () => {
  it.each([
    [0, 0],
    [1, 'x'],
    [7, 'x'],
    [10, 'x'],
    [11, 11],
    [250, 250],
  ])('shows %i as %s', (n, shown) => {
    expect(suppressSmallNumber(n)).toBe(shown);
  });

  it('takes another threshold and symbol', () => {
    expect(suppressSmallNumber(5, { threshold: 5, symbol: '<6' })).toBe('<6');
    expect(suppressSmallNumber(6, { threshold: 5, symbol: '<6' })).toBe(6);
  });

  it('refuses something that is not a count', () => {
    expect(() => suppressSmallNumber(-1)).toThrow(RangeError);
    expect(() => suppressSmallNumber(2.5)).toThrow(RangeError);
  });
});

describe('percentage', () => {
  it.each([
    [1, 8, 12.5],
    [1, 3, 33.3],
    [2, 3, 66.7],
    [1, 16, 6.3], // 6.25 exactly: half up, not to even
    [3, 16, 18.8], // 18.75
    [0, 5, 0],
    [9, 4, 225],
  ])('%i of %i is %d%%', (numerator, denominator, expected) => {
    expect(percentage(numerator, denominator)).toBe(expected);
  });

  it('is null when there is nothing to divide by', () => {
    expect(percentage(0, 0)).toBeNull();
    expect(percentage(3, 0)).toBeNull();
  });
});

describe('suppressColumnWithTotal', () => {
  it('hides a council with 7 approvals and the next smallest, so the total cannot give the 7 back', () => {
    const column = suppressColumnWithTotal([7, 25, 40, 0]);
    expect(column.cells).toEqual(['x', 'x', 40, 0]);
    expect(column.total).toBe(72);
    expect(column.hidden).toEqual([true, true, false, false]);
  });

  it('hides nothing more when two cells are already hidden', () => {
    expect(suppressColumnWithTotal([3, 4, 30, 12]).cells).toEqual(['x', 'x', 30, 12]);
  });

  it('hides nothing when every count is zero or large', () => {
    const column = suppressColumnWithTotal([0, 11, 30, 0]);
    expect(column.cells).toEqual([0, 11, 30, 0]);
    expect(column.hidden).toEqual([false, false, false, false]);
  });

  it('suppresses a small total, as when one council has all of a handful', () => {
    const column = suppressColumnWithTotal([6, 0, 0, 0]);
    expect(column.cells).toEqual(['x', 0, 0, 0]);
    expect(column.total).toBe('x');
  });
});
