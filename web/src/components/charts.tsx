import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { Overview } from '../../../src/model/api.js';
import { useI18n } from '../i18n/i18n.js';
import { useRouter } from '../router.js';
import { actTypes, vocabularyLabel } from '../vocabulary.js';

// Charts are plain SVG drawn by React: text stays text (no HTML from data), colours come from CSS
// classes (the CSP allows no inline styles), and each mark carries a <title> for exact numbers.

/** The drawing width of a chart: its container's width in CSS pixels, so text is drawn at its real size. */
function useWidth(): [RefObject<HTMLElement | null>, number] {
  const ref = useRef<HTMLElement | null>(null);
  const [width, setWidth] = useState(900);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setWidth(Math.max(320, Math.floor(element.clientWidth)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

const monthIndex = (month: string) => {
  const [year, number] = month.split('-').map(Number);
  return (year ?? 0) * 12 + ((number ?? 1) - 1);
};
const monthText = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/** Stacked bars of acts by type per month, or per year when the months would be too thin to read. */
export function ActsByMonthChart({ rows }: { rows: Overview['actsByMonth'] }) {
  const { t, locale, date } = useI18n();
  const [ref, width] = useWidth();
  if (rows.length === 0) return <p className="muted">{t('overview.noActs')}</p>;
  const months = rows.map((row) => monthIndex(row.month));
  const first = Math.min(...months);
  const last = Math.max(...months);
  const byYear = last - first + 1 > 72;
  const bucketOf = (month: string) => (byYear ? Math.floor(monthIndex(month) / 12) : monthIndex(month));
  const firstBucket = byYear ? Math.floor(first / 12) : first;
  const lastBucket = byYear ? Math.floor(last / 12) : last;
  const buckets = lastBucket - firstBucket + 1;
  const types = actTypes.filter((type) => rows.some((row) => row.type === type));
  const unknown = [...new Set(rows.map((row) => row.type).filter((type) => !actTypes.includes(type)))];
  const order = [...types, ...unknown];
  const stacks = new Map<number, Map<string, number>>();
  for (const row of rows) {
    const bucket = bucketOf(row.month);
    const stack = stacks.get(bucket) ?? new Map<string, number>();
    stack.set(row.type, (stack.get(row.type) ?? 0) + row.count);
    stacks.set(bucket, stack);
  }
  const highest = Math.max(1, ...[...stacks.values()].map((stack) => [...stack.values()].reduce((sum, value) => sum + value, 0)));
  const height = 220;
  const left = 36;
  const bottom = 24;
  const plotWidth = width - left - 8;
  const plotHeight = height - bottom - 8;
  const step = plotWidth / buckets;
  const barWidth = Math.max(1, step * 0.8);
  const ticks = niceTicks(highest);
  const labelEvery = Math.max(1, Math.ceil(buckets / Math.max(4, Math.floor(plotWidth / 70))));
  const bucketLabel = (bucket: number) => (byYear ? String(bucket) : date(monthText(bucket), 'month'));
  return (
    <figure className="chart" ref={ref}>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t(byYear ? 'overview.actsPerYear' : 'overview.actsPerMonth')}>
        {ticks.map((tick) => {
          const y = 8 + plotHeight - (tick / highest) * plotHeight;
          return (
            <g key={tick} className="tick">
              <line x1={left} x2={width - 8} y1={y} y2={y} />
              <text x={left - 6} y={y + 4} textAnchor="end">
                {tick}
              </text>
            </g>
          );
        })}
        {[...stacks.entries()].map(([bucket, stack]) => {
          let y = 8 + plotHeight;
          const x = left + (bucket - firstBucket) * step + (step - barWidth) / 2;
          return (
            <g key={bucket}>
              {order.map((type) => {
                const count = stack.get(type);
                if (!count) return null;
                const barHeight = (count / highest) * plotHeight;
                y -= barHeight;
                return (
                  <rect key={type} className={`fill-act-${actTypes.includes(type) ? type : 'other'}`} x={x} y={y} width={barWidth} height={barHeight}>
                    <title>{`${bucketLabel(bucket)} · ${vocabularyLabel('acts', type, locale)}: ${count}`}</title>
                  </rect>
                );
              })}
            </g>
          );
        })}
        {Array.from({ length: buckets }, (_, offset) => offset)
          .filter((offset) => offset % labelEvery === 0)
          .map((offset) => (
            <text key={offset} className="axis-label" x={left + offset * step + step / 2} y={height - 6} textAnchor="middle">
              {bucketLabel(firstBucket + offset)}
            </text>
          ))}
      </svg>
      <figcaption>
        <ul className="chart-legend">
          {order.map((type) => (
            <li key={type}>
              <span className={`legend-swatch fill-act-${actTypes.includes(type) ? type : 'other'}`} aria-hidden="true" />
              {vocabularyLabel('acts', type, locale)}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

function niceTicks(highest: number): number[] {
  const rough = highest / 4;
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(1, rough)));
  const step = [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough) ?? magnitude * 10;
  const ticks: number[] = [];
  for (let value = 0; value <= highest; value += Math.max(1, step)) ticks.push(value);
  return ticks;
}

/** One row per incident and figure: the range sources give (low to high), conflicts marked. */
export function FiguresByIncidentChart({ rows }: { rows: Overview['figuresByIncident'] }) {
  const { t, locale, number } = useI18n();
  const { navigate } = useRouter();
  const [ref, width] = useWidth();
  const lines = rows.flatMap((row) => row.figures.map((figure) => ({ incident: row.incident, title: row.title, figure })));
  if (lines.length === 0) return <p className="muted">{t('overview.noFigures')}</p>;
  const highest = Math.max(1, ...lines.map((line) => line.figure.high ?? line.figure.low));
  const rowHeight = 22;
  const labelWidth = Math.min(420, Math.floor(width * 0.38));
  const plotLeft = labelWidth + 10;
  const plotWidth = width - plotLeft - 80;
  const labelChars = Math.floor(labelWidth / 6.2);
  const height = lines.length * rowHeight + 24;
  // A square-root scale: tens and hundreds of victims both stay readable on one axis.
  const scale = (value: number) => plotLeft + (Math.sqrt(value) / Math.sqrt(highest)) * plotWidth;
  const ticks = niceTicks(highest).filter((_, index, all) => all.length < 6 || index % 2 === 0);
  return (
    <figure className="chart" ref={ref}>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t('overview.figuresByIncident')}>
        {ticks.map((tick) => (
          <g key={tick} className="tick">
            <line x1={scale(tick)} x2={scale(tick)} y1={0} y2={height - 20} />
            <text x={scale(tick)} y={height - 6} textAnchor="middle">
              {number(tick)}
            </text>
          </g>
        ))}
        {lines.map((line, index) => {
          const y = index * rowHeight + rowHeight / 2;
          const low = scale(line.figure.low);
          const open = line.figure.high === null;
          // An open range ("at least 12") trails off in a short dotted line: no source gives its top.
          const high = open ? Math.min(plotLeft + plotWidth, low + 48) : scale(line.figure.high ?? line.figure.low);
          const label = `${line.title} — ${vocabularyLabel('figures', line.figure.what, locale)}`;
          const range = open ? `≥ ${number(line.figure.low)}` : line.figure.high !== line.figure.low ? `${number(line.figure.low)}–${number(line.figure.high ?? line.figure.low)}` : number(line.figure.low);
          return (
            <g key={`${line.incident}:${line.figure.what}`} className={`figure-row${line.figure.conflict ? ' conflict' : ''}`} onClick={() => navigate(`/incidents/${encodeURIComponent(line.incident)}`)}>
              <title>{`${label}: ${range}${line.figure.conflict ? ` (${t('figure.conflict')})` : ''}`}</title>
              <text x={labelWidth} y={y + 4} textAnchor="end" className="row-label">
                {label.length > labelChars ? `${label.slice(0, labelChars - 1)}…` : label}
              </text>
              <line className={open ? 'range open' : 'range'} x1={low} x2={Math.max(high, low + 2)} y1={y} y2={y} />
              <circle className="low" cx={low} cy={y} r={4} />
              {high !== low && !open && <circle className="high" cx={high} cy={y} r={4} />}
              <text x={Math.max(high, low) + 8} y={y + 4} className="value-label">
                {range}
                {line.figure.conflict ? ' ⚠' : ''}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** Incidents across time: a bar from start to end (a dot when it is one day), by main act type. */
export function IncidentTimeline({ rows }: { rows: Overview['timeline'] }) {
  const { t, locale, date } = useI18n();
  const { navigate } = useRouter();
  const [ref, width] = useWidth();
  if (rows.length === 0) return <p className="muted">{t('overview.noTimeline')}</p>;
  const time = (text: string) => Date.parse(text.length === 7 ? `${text}-01` : text.length === 4 ? `${text}-01-01` : text);
  const starts = rows.map((row) => time(row.start));
  const ends = rows.map((row) => time(row.end ?? row.start));
  const firstYear = new Date(Math.min(...starts)).getUTCFullYear();
  const lastYear = new Date(Math.max(...ends)).getUTCFullYear() + 1;
  const from = Date.UTC(firstYear, 0, 1);
  const to = Date.UTC(lastYear, 0, 1);
  const rowHeight = 20;
  const labelWidth = Math.min(380, Math.floor(width * 0.34));
  const labelChars = Math.floor(labelWidth / 6.2);
  const plotLeft = labelWidth + 10;
  const plotWidth = width - plotLeft - 24;
  const height = rows.length * rowHeight + 26;
  const x = (value: number) => plotLeft + ((value - from) / (to - from)) * plotWidth;
  const yearStep = Math.max(1, Math.ceil((lastYear - firstYear) / 10));
  const years: number[] = [];
  for (let year = firstYear; year <= lastYear; year += yearStep) years.push(year);
  return (
    <figure className="chart" ref={ref}>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t('overview.timeline')}>
        {years.map((year) => (
          <g key={year} className="tick">
            <line x1={x(Date.UTC(year, 0, 1))} x2={x(Date.UTC(year, 0, 1))} y1={0} y2={height - 20} />
            <text x={x(Date.UTC(year, 0, 1))} y={height - 6} textAnchor="middle">
              {year}
            </text>
          </g>
        ))}
        {rows.map((row, index) => {
          const y = index * rowHeight + rowHeight / 2;
          const start = x(time(row.start));
          const end = x(time(row.end ?? row.start));
          const type = row.types[0] ?? 'other';
          const title = `${row.title} · ${date(row.start)}${row.end && row.end !== row.start ? ` – ${date(row.end)}` : ''} · ${row.types.map((value) => vocabularyLabel('acts', value, locale)).join(', ')}`;
          return (
            <g key={row.incident} className="timeline-row" onClick={() => navigate(`/incidents/${encodeURIComponent(row.incident)}`)}>
              <title>{title}</title>
              <text x={labelWidth} y={y + 4} textAnchor="end" className="row-label">
                {row.title.length > labelChars ? `${row.title.slice(0, labelChars - 1)}…` : row.title}
              </text>
              {end - start < 6 ? (
                <circle className={`fill-act-${actTypes.includes(type) ? type : 'other'}`} cx={start} cy={y} r={5} />
              ) : (
                <rect className={`fill-act-${actTypes.includes(type) ? type : 'other'}`} x={start} y={y - 5} width={end - start} height={10} rx={3} />
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
