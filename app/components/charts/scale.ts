// Axis arithmetic for the server-rendered charts. Pure, so it is unit-tested without rendering.

/** A round step (1, 2 or 5 times a power of ten) that splits 0..max into about `intervals` parts. */
export function niceStep(max: number, intervals = 4): number {
  if (!(max > 0)) return 1;
  const rough = max / intervals;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((multiple) => multiple * power).find((candidate) => candidate >= rough) ?? 10 * power;
  // Counts are whole numbers: a step below 1 would label the axis 0.5, 1.5…
  return Math.max(1, step);
}

/** The y-axis ticks from 0 to the first multiple of the step at or above max. */
export function axisTicks(max: number, intervals = 4): number[] {
  const step = niceStep(max, intervals);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks: number[] = [];
  for (let tick = 0; tick <= top; tick += step) ticks.push(tick);
  return ticks;
}

/** Label every nth category so at most `maxLabels` fit under the axis; always at least every one. */
export function labelInterval(count: number, maxLabels = 12): number {
  return Math.max(1, Math.ceil(count / maxLabels));
}

/**
 * Moves end-of-line labels apart so none is closer than `gap` to the next, keeping their order top to bottom and
 * moving each as little as it can. Positions are SVG y coordinates (down is larger).
 */
export function spreadLabels(positions: readonly number[], gap: number): number[] {
  const order = positions.map((y, index) => ({ y, index })).sort((a, b) => a.y - b.y || a.index - b.index);
  const placed: number[] = [];
  for (const { y } of order) placed.push(placed.length === 0 ? y : Math.max(y, placed[placed.length - 1] + gap));
  const result = new Array<number>(positions.length);
  order.forEach(({ index }, rank) => {
    result[index] = placed[rank];
  });
  return result;
}
