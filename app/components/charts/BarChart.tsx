import type { BarChartData } from './chart-data';
import { axisTicks } from './scale';
import { BarPatterns, SERIES_STYLES } from './series-style';

// A grouped bar chart drawn on the server as SVG. Bars differ by fill pattern (solid, hatched, dotted) and carry their
// value above them; a hidden (suppressed) value is marked x at the baseline instead of a bar.

const WIDTH = 640;
const HEIGHT = 260;
const MARGIN = { top: 20, right: 16, bottom: 40, left: 48 };

export function BarChart({ chart }: { chart: BarChartData }) {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const values = chart.series.flatMap((series) => series.values.filter((value): value is number => value !== null));
  const references = chart.referenceLines ?? [];
  const unit = chart.unit ?? '';
  const ticks = axisTicks(Math.max(0, ...values, ...references.map((line) => line.value)));
  const top = ticks[ticks.length - 1];
  const groupWidth = plotWidth / Math.max(1, chart.categories.length);
  const barWidth = (groupWidth * 0.7) / Math.max(1, chart.series.length);
  const y = (value: number) => MARGIN.top + plotHeight - (value / top) * plotHeight;
  const titleId = `${chart.id}-title`;
  const descId = `${chart.id}-desc`;
  // Bars and their key share one fill per series: a colour, or a pattern defined under the given id prefix.
  const fillOf = (index: number, prefix: string) => {
    const style = SERIES_STYLES[index % SERIES_STYLES.length];
    return style.fill === 'solid' ? style.colour : `url(#${prefix}-${style.fill})`;
  };

  return (
    <figure className="mb-6">
      <figcaption className="mb-2 font-bold">{chart.title}</figcaption>
      <ul className="mb-2 flex flex-wrap gap-x-6 gap-y-1" aria-label="Key">
        {chart.series.map((series, index) => (
          <li key={series.key} className="flex items-center gap-2">
            <svg width="20" height="14" aria-hidden="true" focusable="false">
              <BarPatterns idPrefix={`${chart.id}-key-${index}`} />
              <rect x="1" y="1" width="18" height="12" fill={fillOf(index, `${chart.id}-key-${index}`)} stroke="#0b0c0c" />
            </svg>
            {series.label}
          </li>
        ))}
      </ul>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full max-w-3xl" role="img" aria-labelledby={`${titleId} ${descId}`}>
        <title id={titleId}>{chart.title}</title>
        <desc id={descId}>
          {`Bar chart, ${chart.categories.join(', ')}: ${chart.series.map((series) => series.label).join(' and ')}.${references.map((line) => ` ${line.label}.`).join('')} The figures are in the table that follows.`}
        </desc>
        <BarPatterns idPrefix={chart.id} />
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={MARGIN.left} x2={MARGIN.left + plotWidth} y1={y(tick)} y2={y(tick)} stroke="#b1b4b6" strokeWidth={tick === 0 ? 1.5 : 0.5} />
            <text x={MARGIN.left - 6} y={y(tick) + 4} textAnchor="end" fontSize="12" fill="#0b0c0c">
              {`${tick}${unit}`}
            </text>
          </g>
        ))}
        {chart.categories.map((category, categoryIndex) => {
          const groupLeft = MARGIN.left + categoryIndex * groupWidth + groupWidth * 0.15;
          return (
            <g key={category}>
              {chart.series.map((series, seriesIndex) => {
                const value = series.values[categoryIndex];
                const left = groupLeft + seriesIndex * barWidth;
                const centre = left + barWidth / 2;
                if (value === null || value === undefined) {
                  return (
                    <text key={series.key} x={centre} y={y(0) - 4} textAnchor="middle" fontSize="12" fill="#0b0c0c">
                      x
                    </text>
                  );
                }
                return (
                  <g key={series.key}>
                    <rect x={left} y={y(value)} width={barWidth - 2} height={y(0) - y(value)} fill={fillOf(seriesIndex, chart.id)} stroke="#0b0c0c" strokeWidth={1} />
                    <text x={centre} y={y(value) - 4} textAnchor="middle" fontSize="12" fill="#0b0c0c">
                      {`${value}${unit}`}
                    </text>
                  </g>
                );
              })}
              <text x={MARGIN.left + categoryIndex * groupWidth + groupWidth / 2} y={HEIGHT - MARGIN.bottom + 18} textAnchor="middle" fontSize="12" fill="#0b0c0c">
                {category}
              </text>
            </g>
          );
        })}
        {references.map((line) => (
          <g key={line.label}>
            <line x1={MARGIN.left} x2={MARGIN.left + plotWidth} y1={y(line.value)} y2={y(line.value)} stroke="#0b0c0c" strokeWidth={1.5} strokeDasharray="8 4" />
            <text x={MARGIN.left + plotWidth} y={y(line.value) - 4} textAnchor="end" fontSize="12" fill="#0b0c0c">
              {line.label}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
