// Percentiles of a small list of day counts (time to approval, DOMAIN.md §6.4). Pure: the SQL fetches only the
// integer day differences, and the ordering and picking happen here.

/** The median: the middle value, or the mean of the two middle values for an even count; null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * The nearest-rank percentile: the smallest value with at least p% of the values at or below it. Always one of the
 * values themselves, so "90% of approvals took N days or fewer" is literally true.
 */
export function nearestRankPercentile(values: readonly number[], percent: number): number | null {
  if (percent <= 0 || percent > 100) throw new RangeError(`A percentile must be above 0 and at most 100: ${percent}`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil((percent / 100) * sorted.length) - 1];
}
