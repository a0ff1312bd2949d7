import { describe, expect, it } from 'vitest';
import { formatCell } from '~/components/charts/ReportTableView';

describe('formatCell', () => {
  it('formats counts, rates, days and money the British way', () => {
    expect(formatCell({ kind: 'count', value: 1254 })).toBe('1,254');
    expect(formatCell({ kind: 'count', value: -17 })).toBe('-17');
    expect(formatCell({ kind: 'percent', value: 12.5 })).toBe('12.5%');
    expect(formatCell({ kind: 'percent', value: 25 })).toBe('25%');
    expect(formatCell({ kind: 'days', value: 426.5 })).toBe('426.5');
    expect(formatCell({ kind: 'pounds', pence: 3_715_714 })).toBe('£37,157.14');
  });
  it('prints hidden figures as x and missing ones in words', () => {
    expect(formatCell({ kind: 'count', value: 'x' })).toBe('x');
    expect(formatCell({ kind: 'percent', value: 'x' })).toBe('x');
    expect(formatCell({ kind: 'percent', value: null })).toBe('Not applicable');
    expect(formatCell({ kind: 'pounds', pence: null })).toBe('Not recorded');
    expect(formatCell({ kind: 'rag', value: null })).toBe('Not applicable');
  });
});
