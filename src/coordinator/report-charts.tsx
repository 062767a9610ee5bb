import { useId } from 'react';

// The report's charts are drawn as SVG, not on a canvas: they print sharp at any size, and each
// part is told apart without colour, by a pattern or a marker and by its label written beside
// it, so a black-and-white print reads as well as the screen. Each is a picture of the table that
// comes with it, hidden from screen readers, which read the table.

/** Fills for the parts of a stacked bar, darkest first: solid, hatched, dotted, light, outlined. */
const FILLS = ['solid', 'hatch', 'dots', 'light', 'cross', 'blank'] as const;

function Patterns({ id }: { id: string }) {
  return (
    <defs>
      <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill="#ffffff" />
        <line x1="0" y1="0" x2="0" y2="6" stroke="#1f1f1f" strokeWidth="3" />
      </pattern>
      <pattern id={`${id}-dots`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill="#ffffff" />
        <circle cx="3" cy="3" r="1.6" fill="#1f1f1f" />
      </pattern>
      <pattern id={`${id}-cross`} width="8" height="8" patternUnits="userSpaceOnUse">
        <rect width="8" height="8" fill="#ffffff" />
        <path d="M0 0L8 8M8 0L0 8" stroke="#1f1f1f" strokeWidth="1" />
      </pattern>
    </defs>
  );
}

function fillOf(id: string, index: number): { fill: string; ink: string } {
  const kind = FILLS[index % FILLS.length]!;
  if (kind === 'solid') return { fill: '#1f1f1f', ink: '#ffffff' };
  if (kind === 'light') return { fill: '#bdbdbd', ink: '#000000' };
  if (kind === 'blank') return { fill: '#ffffff', ink: '#000000' };
  return { fill: `url(#${id}-${kind})`, ink: '#000000' };
}

const percent = (share: number, locale: string) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);

/** The key to a chart's parts: each part's fill beside its name. */
export function PatternKey({ names }: { names: string[] }) {
  const id = useId().replace(/:/g, '');
  return (
    <ul className="pattern-key" aria-hidden="true">
      {names.map((name, i) => (
        <li key={name}>
          <svg width="18" height="18" viewBox="0 0 18 18">
            <Patterns id={id} />
            <rect x="1" y="1" width="16" height="16" fill={fillOf(id, i).fill} stroke="#000000" />
          </svg>{' '}
          {name}
        </li>
      ))}
    </ul>
  );
}

/**
 * 100 % stacked bars, one row per group (a week): each part's share is written inside it when
 * it is wide enough to hold the number.
 */
export function StackedPercentBars({ rows, parts, locale }: { rows: { label: string; counts: number[] }[]; parts: string[]; locale: string }) {
  const id = useId().replace(/:/g, '');
  const labelWidth = 90;
  const width = 600;
  const row = 26;
  const barWidth = width - labelWidth - 8;
  return (
    <div className="report-chart" aria-hidden="true">
      <PatternKey names={parts} />
      <svg viewBox={`0 0 ${width} ${rows.length * row + 4}`} width="100%" role="presentation">
        <Patterns id={id} />
        {rows.map((r, ri) => {
          const total = r.counts.reduce((sum, n) => sum + n, 0);
          let x = labelWidth;
          return (
            <g key={r.label} transform={`translate(0 ${ri * row + 2})`}>
              <text x={labelWidth - 6} y={row / 2 + 4} textAnchor="end" fontSize="12">
                {r.label}
              </text>
              {total === 0 ? (
                <text x={labelWidth} y={row / 2 + 4} fontSize="12">
                  –
                </text>
              ) : (
                r.counts.map((count, i) => {
                  const w = (count / total) * barWidth;
                  const part = fillOf(id, i);
                  const at = x;
                  x += w;
                  return w > 0 ? (
                    <g key={parts[i]}>
                      <rect x={at} y={2} width={w} height={row - 6} fill={part.fill} stroke="#000000" strokeWidth="0.8" />
                      {w >= 34 ? (
                        <>
                          {/* On a pattern, the number sits on a white patch of its own. */}
                          {part.ink === '#000000' ? <rect x={at + w / 2 - 15} y={row / 2 - 7} width="30" height="13" fill="#ffffff" /> : null}
                          <text x={at + w / 2} y={row / 2 + 3} textAnchor="middle" fontSize="11" fill={part.ink}>
                            {percent(count / total, locale)}
                          </text>
                        </>
                      ) : null}
                    </g>
                  ) : null;
                })
              )}
            </g>
          );
        })}
      </svg>
    </div>
  );
}

export interface IntervalRow {
  label: string;
  share: number | null;
  lower: number | null;
  upper: number | null;
}

/**
 * Shares with their 95 % intervals on one 0–100 % axis, a row each: a filled circle for the first
 * group and an open square for the second, the line the interval, the figures written beside.
 */
export function IntervalChart({ rows, locale }: { rows: IntervalRow[]; locale: string }) {
  const labelWidth = 170;
  const width = 600;
  const axis = width - labelWidth - 120;
  const row = 30;
  const x = (share: number) => labelWidth + share * axis;
  const height = rows.length * row + 22;
  return (
    <div className="report-chart" aria-hidden="true">
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="presentation">
        {[0, 0.25, 0.5, 0.75, 1].map((tick) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={0} y2={rows.length * row} stroke="#9a9a9a" strokeDasharray="2 3" />
            <text x={x(tick)} y={rows.length * row + 16} textAnchor="middle" fontSize="11">
              {percent(tick, locale)}
            </text>
          </g>
        ))}
        {rows.map((r, i) => {
          const y = i * row + row / 2;
          return (
            <g key={r.label}>
              <text x={labelWidth - 8} y={y + 4} textAnchor="end" fontSize="12">
                {r.label}
              </text>
              {r.share === null ? null : (
                <>
                  {r.lower !== null && r.upper !== null ? <line x1={x(r.lower)} x2={x(r.upper)} y1={y} y2={y} stroke="#000000" strokeWidth="2" /> : null}
                  {i % 2 === 0 ? (
                    <circle cx={x(r.share)} cy={y} r="6" fill="#000000" />
                  ) : (
                    <rect x={x(r.share) - 6} y={y - 6} width="12" height="12" fill="#ffffff" stroke="#000000" strokeWidth="2" />
                  )}
                  <text x={labelWidth + axis + 10} y={y + 4} fontSize="12">
                    {percent(r.share, locale)}
                    {r.lower !== null && r.upper !== null ? ` (${Math.round(r.lower * 100)}–${percent(r.upper, locale)})` : ''}
                  </text>
                </>
              )}
            </g>
          );
        })}
      </svg>
    </div>
  );
}

/** Horizontal bars with each value written at the bar's end. */
export function ValueBars({ rows, format, max }: { rows: { label: string; value: number | null }[]; format: (value: number) => string; max?: number }) {
  const labelWidth = 190;
  const width = 600;
  const barSpace = width - labelWidth - 70;
  const row = 24;
  const top = max ?? Math.max(0, ...rows.map((r) => r.value ?? 0));
  return (
    <div className="report-chart" aria-hidden="true">
      <svg viewBox={`0 0 ${width} ${rows.length * row + 4}`} width="100%" role="presentation">
        {rows.map((r, i) => {
          const w = r.value === null || top === 0 ? 0 : (r.value / top) * barSpace;
          return (
            <g key={r.label} transform={`translate(0 ${i * row + 2})`}>
              <text x={labelWidth - 8} y={row / 2 + 3} textAnchor="end" fontSize="12">
                {r.label}
              </text>
              <rect x={labelWidth} y={3} width={w} height={row - 8} fill="#3d3d3d" />
              <text x={labelWidth + w + 6} y={row / 2 + 3} fontSize="12">
                {r.value === null ? '–' : format(r.value)}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}

/** A small line of weekly values for the dashboard's figures; gaps where a week has none. */
export function Sparkline({ values }: { values: (number | null)[] }) {
  const width = 120;
  const height = 32;
  const known = values.filter((v): v is number => v !== null);
  if (known.length < 2) return null;
  const low = Math.min(...known);
  const high = Math.max(...known);
  const y = (v: number) => (high === low ? height / 2 : height - 3 - ((v - low) / (high - low)) * (height - 6));
  const step = (width - 6) / Math.max(1, values.length - 1);
  const points = values.map((v, i) => (v === null ? null : `${3 + i * step},${y(v)}`));
  const segments: string[][] = [[]];
  for (const point of points) {
    if (point === null) segments.push([]);
    else segments.at(-1)!.push(point);
  }
  const last = values.length - 1;
  return (
    <svg className="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true">
      {segments
        .filter((segment) => segment.length > 0)
        .map((segment) => (
          <polyline key={segment[0]} points={segment.join(' ')} fill="none" stroke="currentColor" strokeWidth="2" />
        ))}
      {values[last] !== null && values[last] !== undefined ? <circle cx={3 + last * step} cy={y(values[last])} r="3" fill="currentColor" /> : null}
    </svg>
  );
}
