import type { LineChartData } from './chart-data';
import { axisTicks, labelInterval, spreadLabels } from './scale';
import { SERIES_STYLES, SeriesKey, SeriesMarker } from './series-style';

// A line chart drawn on the server as SVG: no script, works when printed. Series differ by marker shape and line
// pattern as well as colour, and each line is labelled at its end, so the chart reads without colour (WCAG 1.4.1).
// The figures themselves are always in a table beside the chart.

const WIDTH = 640;
const HEIGHT = 260;
const MARGIN = { top: 16, right: 120, bottom: 40, left: 48 };

export function LineChart({ chart, compact = false }: { chart: LineChartData; compact?: boolean }) {
  const width = compact ? 420 : WIDTH;
  const height = compact ? 200 : HEIGHT;
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const plotHeight = height - MARGIN.top - MARGIN.bottom;
  const values = chart.series.flatMap((series) => series.values.filter((value): value is number => value !== null));
  const references = chart.referenceLines ?? [];
  const ticks = axisTicks(Math.max(0, ...values, ...references.map((line) => line.value)));
  const top = ticks[ticks.length - 1];
  const count = chart.categories.length;
  const x = (index: number) => MARGIN.left + (count <= 1 ? plotWidth / 2 : (index * plotWidth) / (count - 1));
  const y = (value: number) => MARGIN.top + plotHeight - (value / top) * plotHeight;
  const every = labelInterval(count, compact ? 4 : 8);
  const titleId = `${chart.id}-title`;
  const descId = `${chart.id}-desc`;
  const hidden = chart.series.some((series) => series.values.some((value) => value === null));
  // Each line is named at its last point; labels of lines that end close together are moved apart to stay legible.
  const lastPoints = chart.series.map((series) => lastValueIndex(series.values));
  const labelY = spreadLabels(
    chart.series.map((series, index) => y(series.values[lastPoints[index] ?? 0] ?? 0) + 4),
    14,
  );

  return (
    <figure className="mb-6">
      <figcaption className="mb-2 font-bold">{chart.title}</figcaption>
      {chart.series.length > 1 ? <SeriesKey series={chart.series.map((series) => series.label)} /> : null}
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="h-auto w-full max-w-3xl"
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
      >
        <title id={titleId}>{chart.title}</title>
        <desc id={descId}>
          {`Line chart, ${chart.categories[0] ?? ''} to ${chart.categories[count - 1] ?? ''}. ${chart.series.map((series) => series.label).join(', ')}.`}
          {references.map((line) => ` ${line.label}.`).join('')}
          {hidden ? ' Hidden small numbers are gaps.' : ''} The figures are in the table that follows.
        </desc>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={MARGIN.left} x2={MARGIN.left + plotWidth} y1={y(tick)} y2={y(tick)} stroke="#b1b4b6" strokeWidth={tick === 0 ? 1.5 : 0.5} />
            <text x={MARGIN.left - 6} y={y(tick) + 4} textAnchor="end" fontSize="12" fill="#0b0c0c">
              {tick}
            </text>
          </g>
        ))}
        {chart.categories.map((label, index) =>
          index % every === 0 ? (
            <text key={label} x={x(index)} y={height - MARGIN.bottom + 18} textAnchor="middle" fontSize="12" fill="#0b0c0c">
              {label}
            </text>
          ) : null,
        )}
        {references.map((line) => (
          <g key={line.label}>
            <line x1={MARGIN.left} x2={MARGIN.left + plotWidth} y1={y(line.value)} y2={y(line.value)} stroke="#0b0c0c" strokeWidth={1.5} strokeDasharray="8 4" />
            <text x={MARGIN.left + plotWidth + 6} y={y(line.value) + 4} fontSize="12" fill="#0b0c0c">
              {line.label}
            </text>
          </g>
        ))}
        {chart.series.map((series, seriesIndex) => {
          const style = SERIES_STYLES[seriesIndex % SERIES_STYLES.length];
          const segments = segmentsOf(series.values);
          const last = lastPoints[seriesIndex];
          return (
            <g key={series.key}>
              {segments.map((segment) => (
                <polyline
                  key={segment[0]}
                  points={segment.map((index) => `${x(index)},${y(series.values[index] ?? 0)}`).join(' ')}
                  fill="none"
                  stroke={style.colour}
                  strokeWidth={2}
                  strokeDasharray={style.dash}
                />
              ))}
              {series.values.map((value, index) =>
                value === null ? null : <SeriesMarker key={index} shape={style.marker} x={x(index)} y={y(value)} colour={style.colour} />,
              )}
              {last !== null && chart.series.length > 1 ? (
                <text x={MARGIN.left + plotWidth + 6} y={labelY[seriesIndex]} fontSize="12" fill="#0b0c0c">
                  {series.label}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** Runs of consecutive points that have a value: a hidden point breaks the line rather than dropping it to zero. */
function segmentsOf(values: readonly (number | null)[]): number[][] {
  const segments: number[][] = [];
  let current: number[] = [];
  values.forEach((value, index) => {
    if (value === null) {
      if (current.length > 0) segments.push(current);
      current = [];
    } else current.push(index);
  });
  if (current.length > 0) segments.push(current);
  return segments;
}

function lastValueIndex(values: readonly (number | null)[]): number | null {
  for (let index = values.length - 1; index >= 0; index -= 1) if (values[index] !== null) return index;
  return null;
}
