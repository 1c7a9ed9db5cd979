// A sensor's gauge: its range, the alarm bands coloured on the dial (low-low and high-high red, low and high amber).
import type { EChartsCoreOption } from '../../shared/charts/echarts';
import type { SensorView } from './detail-types';

const RED = '#ff4d4f';
const AMBER = '#faad14';
const OK = '#2f9bff';

/** Colour stops [fraction, colour] of the dial for the thresholds within [min, max]. */
export function gaugeBands(s: Pick<SensorView, 'rangeMin' | 'rangeMax' | 'thresholds'>): { min: number; max: number; bands: [number, string][] } {
  const t = s.thresholds;
  const values = [t.lowLow, t.low, t.high, t.highHigh].filter((v): v is number => v !== null);
  const min = s.rangeMin ?? Math.min(0, ...values);
  const max = s.rangeMax ?? (values.length ? Math.max(...values) * 1.2 : 100);
  const at = (v: number) => Math.min(1, Math.max(0, (v - min) / (max - min || 1)));
  const bands: [number, string][] = [];
  if (t.lowLow !== null) bands.push([at(t.lowLow), RED]);
  if (t.low !== null) bands.push([at(t.low), AMBER]);
  const okTo = t.high ?? t.highHigh;
  bands.push([okTo !== null ? at(okTo) : 1, OK]);
  if (t.high !== null && t.highHigh !== null) bands.push([at(t.highHigh), AMBER]);
  if (okTo !== null) bands.push([1, t.highHigh !== null ? RED : AMBER]);
  return { min, max, bands };
}

export function gaugeOption(s: SensorView, name: string, unit: string): EChartsCoreOption {
  const { min, max, bands } = gaugeBands(s);
  return {
    series: [
      {
        type: 'gauge',
        min,
        max,
        radius: '92%',
        axisLine: { lineStyle: { width: 10, color: bands } },
        axisTick: { distance: -10, length: 4, lineStyle: { color: '#8fb3e0' } },
        splitLine: { distance: -10, length: 10, lineStyle: { color: '#8fb3e0' } },
        axisLabel: { distance: 14, color: '#8fb3e0', fontSize: 10 },
        pointer: { width: 4 },
        title: { offsetCenter: [0, '72%'], color: '#cfe0ff', fontSize: 12 },
        detail: { valueAnimation: false, offsetCenter: [0, '40%'], color: '#fff', fontSize: 18, formatter: (v: number) => (s.value === null ? '—' : `${v}${unit}`) },
        data: [{ value: s.value ?? min, name }],
      },
    ],
  };
}
