import { describe, expect, it } from 'vitest';
import { parsePoundsToPence } from '~/modules/reporting/cost-schema';
import { cellMaker, tableToCsv, text, pounds, type ReportTable } from '~/modules/reporting/report-table';

const values = (cells: { value: unknown }[]) => cells.map((cell) => cell.value);

describe('cells for internal screens', () => {
  const cells = cellMaker(false);
  it('shows every count and rate exactly', () => {
    expect(cells.count(7).value).toBe(7);
    expect(cells.rate(3, 7, 42.9).value).toBe(42.9);
    expect(cells.derivedCount(-4, [3, 7]).value).toBe(-4);
    expect(values(cells.countsWithTotal([7, 20]).cells)).toEqual([7, 20]);
    expect(cells.countsWithTotal([7, 20]).total.value).toBe(27);
  });
});

describe('cells for the board (DOMAIN.md §6.8)', () => {
  const cells = cellMaker(true);
  it('hides counts from 1 to 10, keeps 0 and 11', () => {
    expect([0, 1, 10, 11].map((n) => cells.count(n).value)).toEqual([0, 'x', 'x', 11]);
  });
  it('hides a rate when its numerator or its denominator is hidden, and keeps an empty rate empty', () => {
    expect(cells.rate(7, 120, 5.8).value).toBe('x');
    expect(cells.rate(0, 9, 0).value).toBe('x');
    expect(cells.rate(30, 120, 25).value).toBe(25);
    expect(cells.rate(0, 0, null).value).toBeNull();
  });
  it('hides a figure worked out from a hidden count', () => {
    expect(cells.derivedCount(20 - 7, [20, 7]).value).toBe('x');
    expect(cells.derivedDays(190, [8]).value).toBe('x');
    expect(cells.derivedDays(190, [11]).value).toBe(190);
  });
  it('hides the next-smallest cell when one alone is hidden beside a total', () => {
    // 7 is hidden; 27 − 20 would give it back, so 20 goes too, and the total stays.
    const { cells: shown, total, hidden } = cells.countsWithTotal([7, 20, 45]);
    expect(values(shown)).toEqual(['x', 'x', 45]);
    expect(total.value).toBe(72);
    expect(hidden).toEqual([true, true, false]);
  });
});

describe('tableToCsv', () => {
  it('writes the header and one line per row, with x for hidden counts and nothing for empty figures', () => {
    const cells = cellMaker(true);
    const table: ReportTable = {
      id: 'example',
      title: 'Example',
      columns: [{ label: 'Measure' }, { label: 'Number', numeric: true }, { label: 'Rate (%)', numeric: true }, { label: 'Weekly (£)', numeric: true }],
      rows: [
        { id: 'a', cells: [text('Approvals, new'), cells.count(7), cells.rate(0, 0, null), pounds(63_450)] },
        { id: 'b', cells: [text('=SUM(A1)'), cells.count(12), cells.rate(3, 12, 25), pounds(null)] },
      ],
      notes: ['Not in the file'],
    };
    expect(tableToCsv(table)).toBe(
      'Measure,Number,Rate (%),Weekly (£)\r\n"Approvals, new",x,,634.5\r\n\'=SUM(A1),12,x,\r\n',
    );
  });
});

describe('parsePoundsToPence', () => {
  it('reads pounds as typed, with or without a pound sign, commas and pence', () => {
    expect(parsePoundsToPence('634')).toBe(63_400);
    expect(parsePoundsToPence('£974.5')).toBe(97_450);
    expect(parsePoundsToPence(' 1,254.05 ')).toBe(125_405);
  });
  it('refuses anything that is not a sum of money', () => {
    expect(parsePoundsToPence('')).toBeNull();
    expect(parsePoundsToPence('-5')).toBeNull();
    expect(parsePoundsToPence('6.345')).toBeNull();
    expect(parsePoundsToPence('lots')).toBeNull();
  });
});
