// The arithmetic on top of SQL counts (STYLE.md §7). Pure: no database, no clock.

/** A count as shown: the number, or the suppression symbol. */
export type Figure = number | string;

type SuppressionOptions = { threshold?: number; symbol?: string };

/**
 * DOMAIN.md §6.8: the councils publish counts from one to ten inclusive as a cross, so a small group of people
 * cannot be picked out. Zero stays zero: it identifies nobody.
 */
export function suppressSmallNumber(n: number, { threshold = 10, symbol = 'x' }: SuppressionOptions = {}): Figure {
  assertCount(n);
  return n >= 1 && n <= threshold ? symbol : n;
}

/** numerator ÷ denominator as a percentage to one decimal place, half up; null when there is nothing to divide by. */
export function percentage(numerator: number, denominator: number): number | null {
  assertCount(numerator);
  assertCount(denominator);
  if (denominator === 0) return null;
  // In whole tenths of a per cent with integer arithmetic, so a half (1/16 = 6.25 %) never lands a hair below
  // itself in floating point and rounds down.
  const tenths = Math.floor((2 * numerator * 1000 + denominator) / (2 * denominator));
  return tenths / 10;
}

/**
 * Suppresses a column of counts that is printed with its total (DOMAIN.md §6.8). When exactly one cell is hidden,
 * the total minus the others would give it back, so the next-smallest non-zero cell is hidden as well (secondary
 * suppression). Returns which cells are hidden; the total itself is suppressed like any other count.
 */
export function suppressColumnWithTotal(
  cells: readonly number[],
  options: SuppressionOptions = {},
): { cells: Figure[]; total: Figure; hidden: boolean[] } {
  const threshold = options.threshold ?? 10;
  const hidden = cells.map((n) => suppressSmallNumber(n, options) !== n);
  if (hidden.filter(Boolean).length === 1) {
    const nextSmallest = cells
      .map((n, index) => ({ n, index }))
      .filter(({ n, index }) => !hidden[index] && n > 0)
      .sort((a, b) => a.n - b.n || a.index - b.index)[0];
    if (nextSmallest) hidden[nextSmallest.index] = true;
  }
  const symbol = options.symbol ?? 'x';
  const total = cells.reduce((sum, n) => sum + n, 0);
  return {
    cells: cells.map((n, index) => (hidden[index] ? symbol : n)),
    total: suppressSmallNumber(total, { threshold, symbol }),
    hidden,
  };
}

function assertCount(n: number) {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`A count must be a whole number of zero or more: ${n}`);
}
