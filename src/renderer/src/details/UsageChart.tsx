/**
 * A volume's used bytes over its kept history, drawn by uPlot.
 *
 * Why uPlot: a well-kept time-series library (MIT, one dependency-free ES module of ~50 KB, canvas drawing, no
 * eval or inline scripts, so the renderer's CSP `script-src 'self'` holds; it only sets element styles, which
 * `style-src 'unsafe-inline'` already allows for the virtualised table). Recharts would add React-specific SVG
 * for thousands of points and pull in d3 modules several times larger. It is imported on first use, so views
 * without a chart load none of it.
 *
 * The canvas is decoration for sighted users; the figure's caption says the same in words (first and last
 * value, span), which is what a screen reader reads and what tests read.
 */
import { useEffect, useRef, useState } from 'react';
import type { UsagePoint } from '../../../shared/model/usage';
import { axisTime } from '../format/time';
import { formatBytes } from '../format/bytes';
import { useI18n } from '../i18n/i18n';

/** Gridline steps of the bytes axis: 1 B to 512 PiB in powers of two. */
const BINARY_STEPS = Array.from({ length: 60 }, (_, i) => 2 ** i);

/** Whether this page can draw on a canvas (jsdom in unit tests cannot: the caption is shown alone). */
function canDraw(): boolean {
  try {
    return typeof window.matchMedia === 'function' && document.createElement('canvas').getContext('2d') !== null;
  } catch {
    return false;
  }
}

export function UsageChart({ history, capacityBytes }: { history: readonly UsagePoint[]; capacityBytes?: number }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const box = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState<string | undefined>();
  const points = history.filter((p) => Number.isFinite(Date.parse(p.time)));

  useEffect(() => {
    const el = box.current;
    if (!el || points.length < 2 || !canDraw()) return;
    let plot: { destroy(): void } | undefined;
    let cancelled = false;
    const xs = points.map((p) => Date.parse(p.time) / 1000);
    const used = points.map((p) => p.usedBytes);
    const capacity = points.map((p) => p.capacityBytes ?? capacityBytes ?? null);
    const style = getComputedStyle(el);
    const color = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    void Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')])
      .then(([{ default: UPlot }]) => {
        if (cancelled) return;
        const bytes = (_u: unknown, values: number[]) => values.map((v) => formatBytes(v, i18n));
        // Times on the axis through Intl in the UI language (uPlot's own formats are English).
        const times = (_u: unknown, values: number[]) => values.map((v) => axisTime(v * 1000, lang));
        plot = new UPlot(
          {
            width: Math.max(200, el.clientWidth || 360),
            height: 160,
            legend: { show: false },
            cursor: { show: true, drag: { x: false, y: false } },
            scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(max, capacityBytes ?? 0) * 1.05 || 1] } },
            axes: [
              // At least 80 px between time ticks, so that "11:30 PM" and the next never run together.
              { stroke: color('--text-muted', '#666'), grid: { stroke: color('--border', '#ddd') }, values: times, space: 80 },
              // Gridlines at powers of two (256Mi, 512Mi, 1Gi), so binary-unit labels are round numbers.
              { stroke: color('--text-muted', '#666'), grid: { stroke: color('--border', '#ddd') }, values: bytes, size: 84, incrs: BINARY_STEPS },
            ],
            series: [
              {},
              { label: t('usage.chartUsed'), stroke: color('--accent', '#2563eb'), width: 2, fill: 'rgba(37, 99, 235, 0.12)' },
              { label: t('usage.chartCapacity'), stroke: color('--bad', '#c9312c'), width: 1, dash: [4, 4] },
            ],
          },
          [xs, used, capacity],
          el,
        );
      })
      .catch((error: unknown) => setFailed(error instanceof Error ? error.message : String(error)));
    return () => {
      cancelled = true;
      plot?.destroy();
    };
    // Redrawn when the history or the language changes (axis labels are formatted in the UI language).
  }, [points.map((p) => p.time + p.usedBytes).join(), capacityBytes, lang]);

  const first = points[0];
  const last = points[points.length - 1];
  const minutes = first && last ? Math.max(1, Math.round((Date.parse(last.time) - Date.parse(first.time)) / 60_000)) : 0;
  return (
    <figure className="usage-chart" data-testid="usage-chart" data-points={points.length}>
      <div ref={box} className="usage-chart-canvas" aria-hidden="true" />
      <figcaption className="small-text muted" data-testid="usage-chart-caption">
        {points.length < 2 || !first || !last
          ? t('usage.chartTooFew', { n: points.length })
          : t('usage.chartCaption', { from: formatBytes(first.usedBytes, i18n), to: formatBytes(last.usedBytes, i18n), minutes, n: points.length })}
        {failed && <span className="tone-text-bad"> {t('usage.chartFailed', { error: failed })}</span>}
      </figcaption>
    </figure>
  );
}
