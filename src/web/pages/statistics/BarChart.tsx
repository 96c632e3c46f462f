import type { ShownCount } from '../../../contract/statistics.js';

export interface Bar {
  key: string;
  label: string;
  value: ShownCount;
}

/**
 * A plain horizontal bar chart drawn with CSS: no chart library, so the page stays small. It is a
 * picture of the table next to it, which is what assistive technology reads; the chart itself is
 * hidden from it. A hidden count ("< 5", "×") gets a hatched stub and its sign, never a length.
 */
export function BarChart({ bars }: { bars: readonly Bar[] }) {
  const max = Math.max(1, ...bars.map((b) => (typeof b.value === 'number' ? b.value : 0)));
  return (
    <div className="stats-chart" aria-hidden="true">
      {bars.map((bar) => (
        <div key={bar.key} className="stats-chart-row">
          <span className="stats-chart-label">{bar.label}</span>
          <span className="stats-chart-track">
            {typeof bar.value === 'number' ? (
              bar.value > 0 && <span className="stats-chart-bar" style={{ width: `max(3px, ${(bar.value / max) * 100}%)` }} />
            ) : (
              <span className="stats-chart-bar stats-chart-bar-hidden" />
            )}
          </span>
          <span className="stats-chart-value">{bar.value}</span>
        </div>
      ))}
    </div>
  );
}

export interface Span {
  key: string;
  label: string;
  min: number | null;
  median: number | null;
  max: number | null;
}

/** Each step's range (shortest to longest, in days) as a band, with the median as a mark on it. */
export function RangeChart({ spans, daysLabel }: { spans: readonly Span[]; daysLabel: (days: number) => string }) {
  const top = Math.max(1, ...spans.map((s) => s.max ?? 0));
  const at = (days: number) => `${(days / top) * 100}%`;
  return (
    <div className="stats-chart" aria-hidden="true">
      {spans.map((s) => (
        <div key={s.key} className="stats-chart-row">
          <span className="stats-chart-label">{s.label}</span>
          <span className="stats-chart-track">
            {s.min !== null && s.max !== null && s.median !== null ? (
              <>
                <span className="stats-range-band" style={{ left: at(s.min), width: `max(3px, ${at(s.max - s.min)})` }} />
                <span className="stats-range-median" style={{ left: at(s.median) }} />
              </>
            ) : null}
          </span>
          <span className="stats-chart-value">{s.median !== null ? daysLabel(s.median) : '–'}</span>
        </div>
      ))}
    </div>
  );
}
