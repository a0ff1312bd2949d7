// How the charts tell series apart without relying on colour: each has its own marker shape and line or fill
// pattern, and the key shows both. Colours are GOV.UK's, dark enough against white.

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond';

export const SERIES_STYLES: readonly { colour: string; dash: string | undefined; marker: MarkerShape; fill: 'solid' | 'hatched' | 'dotted' }[] = [
  { colour: '#1d70b8', dash: undefined, marker: 'circle', fill: 'solid' },
  { colour: '#0b0c0c', dash: '6 3', marker: 'square', fill: 'hatched' },
  { colour: '#d4351c', dash: '2 3', marker: 'triangle', fill: 'dotted' },
  { colour: '#00703c', dash: '10 3 2 3', marker: 'diamond', fill: 'solid' },
];

export function SeriesMarker({ shape, x, y, colour }: { shape: MarkerShape; x: number; y: number; colour: string }) {
  switch (shape) {
    case 'circle':
      return <circle cx={x} cy={y} r={3.5} fill={colour} />;
    case 'square':
      return <rect x={x - 3.5} y={y - 3.5} width={7} height={7} fill="#ffffff" stroke={colour} strokeWidth={1.5} />;
    case 'triangle':
      return <polygon points={`${x},${y - 4.5} ${x + 4.5},${y + 3.5} ${x - 4.5},${y + 3.5}`} fill={colour} />;
    case 'diamond':
      return <polygon points={`${x},${y - 4.5} ${x + 4.5},${y} ${x},${y + 4.5} ${x - 4.5},${y}`} fill="#ffffff" stroke={colour} strokeWidth={1.5} />;
  }
}

/** The key above a chart with several series: a sample of each line with its marker, then its name. */
export function SeriesKey({ series }: { series: readonly string[] }) {
  return (
    <ul className="mb-2 flex flex-wrap gap-x-6 gap-y-1" aria-label="Key">
      {series.map((label, index) => {
        const style = SERIES_STYLES[index % SERIES_STYLES.length];
        return (
          <li key={label} className="flex items-center gap-2">
            <svg width="36" height="12" aria-hidden="true" focusable="false">
              <line x1="0" x2="36" y1="6" y2="6" stroke={style.colour} strokeWidth={2} strokeDasharray={style.dash} />
              <SeriesMarker shape={style.marker} x={18} y={6} colour={style.colour} />
            </svg>
            {label}
          </li>
        );
      })}
    </ul>
  );
}

/** SVG patterns for bar fills, so bars differ by texture as well as colour. */
export function BarPatterns({ idPrefix }: { idPrefix: string }) {
  return (
    <defs>
      <pattern id={`${idPrefix}-hatched`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill="#ffffff" />
        <line x1="0" y1="0" x2="0" y2="6" stroke="#0b0c0c" strokeWidth="3" />
      </pattern>
      <pattern id={`${idPrefix}-dotted`} width="5" height="5" patternUnits="userSpaceOnUse">
        <rect width="5" height="5" fill="#ffffff" />
        <circle cx="2.5" cy="2.5" r="1.5" fill="#d4351c" />
      </pattern>
    </defs>
  );
}
