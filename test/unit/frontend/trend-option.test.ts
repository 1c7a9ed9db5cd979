import { describe, expect, it } from 'vitest';
import { loneSteps, trendOption } from '../../../web/frontend/src/wall/detail/trend-option.ts';

describe('tank trend chart option', () => {
  const range = { from: '2030-01-01T00:00:00.000Z', to: '2030-01-02T00:00:00.000Z' };
  const level = { name: '液位', unit: 'm', points: [{ ts: '2030-01-01T01:00:00.000Z', mean: 3.2, min: 3.1, max: 3.3 }], thresholds: [{ label: '高报', value: 8 }, { label: '高高报', value: 9 }] };
  const temperature = { name: '温度', unit: '℃', points: [{ ts: '2030-01-01T01:00:00.000Z', mean: null, min: null, max: null }], thresholds: [] };

  it('draws each threshold as a line and shades each alarm period, an open one up to the end of the range', () => {
    const option = trendOption([level, temperature], [{ from: '2030-01-01T02:00:00.000Z', to: '2030-01-01T03:00:00.000Z', label: '高报' }, { from: '2030-01-01T20:00:00.000Z', to: null, label: '高高报' }], range) as {
      series: { data: unknown[]; markLine: { data: unknown[] }; markArea?: { data: unknown[] } }[];
      yAxis: unknown[];
    };
    expect(option.series).toHaveLength(2);
    expect(option.yAxis).toHaveLength(2);
    expect(option.series[0].data).toEqual([['2030-01-01T01:00:00.000Z', 3.2]]);
    expect(option.series[0].markLine.data).toEqual([{ name: '高报', yAxis: 8 }, { name: '高高报', yAxis: 9 }]);
    expect(option.series[0].markArea?.data).toEqual([
      [{ name: '高报', xAxis: '2030-01-01T02:00:00.000Z' }, { xAxis: '2030-01-01T03:00:00.000Z' }],
      [{ name: '高高报', xAxis: '2030-01-01T20:00:00.000Z' }, { xAxis: range.to }],
    ]);
    expect(option.series[1].markArea).toBeUndefined();
    expect(option.series[1].data).toEqual([['2030-01-01T01:00:00.000Z', null]]);
  });

  it('dots a step with no neighbour, which a line alone would not show', () => {
    const at = (mean: number | null) => ({ mean });
    expect([...loneSteps([at(1), at(null), at(2), at(3), at(null), at(4)])]).toEqual([0, 5]);
    expect([...loneSteps([at(null), at(16.5), at(null)])]).toEqual([1]);
    const option = trendOption([level], [], range) as { series: { symbolSize: (v: unknown, p: { dataIndex: number }) => number }[] };
    expect(option.series[0].symbolSize(null, { dataIndex: 0 })).toBeGreaterThan(0);
  });
});
