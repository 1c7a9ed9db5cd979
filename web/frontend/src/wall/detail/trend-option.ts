// The tank detail's trend chart: one line per sensor (the mean of each step), threshold lines, and the periods
// an alarm was active shaded, all on the Shanghai clock.
import type { EChartsCoreOption } from '../../shared/charts/echarts';
import { fmtDateTime, fmtShortDateTime } from '../../shared/format';

export interface TrendSeries {
  name: string;
  unit: string;
  points: readonly { ts: string; mean: number | null; min: number | null; max: number | null }[];
  thresholds: readonly { label: string; value: number }[];
}

export interface AlarmPeriod {
  from: string;
  /** null while the alarm is still active: shaded up to the end of the range. */
  to: string | null;
  label: string;
}

const COLOURS = ['#4dabf7', '#ffa94d', '#69db7c', '#f783ac'];

export function trendOption(series: readonly TrendSeries[], periods: readonly AlarmPeriod[], range: { from: string; to: string }): EChartsCoreOption {
  const axes = series.map((s, i) => ({
    type: 'value',
    name: s.unit,
    position: i % 2 === 0 ? 'left' : 'right',
    offset: Math.floor(i / 2) * 48,
    scale: true,
    axisLine: { show: true, lineStyle: { color: COLOURS[i % COLOURS.length] } },
    splitLine: { show: i === 0, lineStyle: { color: 'rgba(255,255,255,0.08)' } },
  }));
  return {
    animation: false,
    color: COLOURS,
    legend: { top: 0, textStyle: { color: '#cfe0ff' } },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? v.toFixed(2) : String(v ?? '—')) },
    grid: { left: 56, right: 56, top: 36, bottom: 56 },
    xAxis: { type: 'time', min: range.from, max: range.to, axisLabel: { color: '#8fb3e0', hideOverlap: true, formatter: (v: number) => fmtShortDateTime(v) } },
    yAxis: axes.length ? axes : [{ type: 'value' }],
    dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8, labelFormatter: (v: number) => fmtDateTime(v) }],
    series: series.map((s, i) => {
      const lone = loneSteps(s.points);
      return {
        name: s.name,
        type: 'line',
        yAxisIndex: i,
        // A step with no neighbour draws no line: a dot, so a sensor heard once still shows on the chart.
        showSymbol: true,
        symbol: 'circle',
        symbolSize: (_: unknown, p: { dataIndex: number }) => (lone.has(p.dataIndex) ? 6 : 0),
        connectNulls: false,
        data: s.points.map((p) => [p.ts, p.mean]),
        markLine: {
          symbol: 'none',
          label: { formatter: '{b} {c}', color: '#ff8787' },
          lineStyle: { type: 'dashed', color: '#ff6b6b' },
          data: s.thresholds.map((t) => ({ name: t.label, yAxis: t.value })),
        },
        // The alarm periods belong to the tank, not to one sensor: shaded once, behind the first line.
        markArea:
          i === 0
            ? { silent: true, itemStyle: { color: 'rgba(255, 82, 82, 0.18)' }, label: { color: '#ff8787', fontSize: 11 }, data: periods.map((p) => [{ name: p.label, xAxis: p.from }, { xAxis: p.to ?? range.to }]) }
            : undefined,
      };
    }),
  };
}

/** Indexes of the steps with a value whose neighbours have none. */
export function loneSteps(points: readonly { mean: number | null }[]): Set<number> {
  const has = (i: number) => i >= 0 && i < points.length && points[i].mean != null;
  const out = new Set<number>();
  points.forEach((_, i) => {
    if (has(i) && !has(i - 1) && !has(i + 1)) out.add(i);
  });
  return out;
}

/** The presets of the range selector; custom takes a date-time range. */
export const RANGE_PRESETS = [
  { key: '1h', label: '近1小时', ms: 3_600_000 },
  { key: '24h', label: '近24小时', ms: 86_400_000 },
  { key: '7d', label: '近7天', ms: 7 * 86_400_000 },
  { key: '30d', label: '近30天', ms: 30 * 86_400_000 },
] as const;
