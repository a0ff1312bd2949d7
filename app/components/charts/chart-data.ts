// What a chart draws, built on the server beside the table holding the same figures. A null value is a figure the
// viewer may not see (suppressed, DOMAIN.md §6.8) and is drawn as a gap, never as zero.

export type ChartSeries = { key: string; label: string; values: (number | null)[] };

export type LineChartData = {
  id: string;
  title: string;
  /** One label per point along the x axis ("Apr 2025"). */
  categories: string[];
  series: ChartSeries[];
  /** Horizontal lines such as a monthly target, drawn dashed and labelled with their value. */
  referenceLines?: { label: string; value: number }[];
};

export type BarChartData = {
  id: string;
  title: string;
  categories: string[];
  series: ChartSeries[];
  /** Printed after each bar's value and on the axis, such as '%'. */
  unit?: string;
  /** Horizontal lines such as a benchmark, drawn dashed and labelled. */
  referenceLines?: { label: string; value: number }[];
};
