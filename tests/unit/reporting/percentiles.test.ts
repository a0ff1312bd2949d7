import { describe, expect, it } from 'vitest';
import { median, nearestRankPercentile } from '~/modules/reporting/percentiles';

describe('median', () => {
  it('takes the middle value of an odd count, in any order', () => {
    // Sorted 10, 40, 70: the middle is 40.
    expect(median([70, 10, 40])).toBe(40);
  });
  it('averages the two middle values of an even count', () => {
    // Sorted 10, 20, 30, 40: (20 + 30) / 2 = 25.
    expect(median([40, 10, 30, 20])).toBe(25);
  });
  it('is empty with no values', () => {
    expect(median([])).toBeNull();
  });
});

describe('nearestRankPercentile', () => {
  it('picks the value at rank ceil(p × n)', () => {
    // 1..20: ceil(0.9 × 20) = 18th value = 18. With 1..10: ceil(9) = 9th = 9. With 3 values: ceil(2.7) = 3rd = 300.
    expect(nearestRankPercentile(Array.from({ length: 20 }, (_, index) => 20 - index), 90)).toBe(18);
    expect(nearestRankPercentile([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 90)).toBe(9);
    expect(nearestRankPercentile([100, 300, 200], 90)).toBe(300);
  });
  it('returns the only value of a list of one, and nothing for an empty list', () => {
    expect(nearestRankPercentile([61], 90)).toBe(61);
    expect(nearestRankPercentile([], 90)).toBeNull();
  });
  it('refuses a percentile outside 0 to 100', () => {
    expect(() => nearestRankPercentile([1], 0)).toThrow(RangeError);
    expect(() => nearestRankPercentile([1], 101)).toThrow(RangeError);
  });
});
