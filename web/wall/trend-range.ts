/** The range presets of the tank trend chart. */
export const trendPresets = { '1h': 3600, '24h': 86_400, '7d': 7 * 86_400, '30d': 30 * 86_400 } as const;
export type TrendPreset = keyof typeof trendPresets;

// Steps a chart axis reads well at; the smallest that keeps the series within maxPoints is taken.
const NICE_STEPS_S = [1, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400];

export function pickStep(spanS: number, maxPoints: number): number {
  const needed = spanS / maxPoints;
  return NICE_STEPS_S.find((s) => s >= needed) ?? Math.ceil(needed / 86_400) * 86_400;
}

/** The period a request names: a preset ending at `to` (default now), or a custom from/to. Null when it is not valid. */
export function resolveRange(q: { range: TrendPreset | 'custom'; from?: Date; to?: Date }, now: Date): { from: Date; to: Date } | null {
  const to = q.to ?? now;
  if (q.range === 'custom') return q.from && q.from < to ? { from: q.from, to } : null;
  return { from: new Date(to.getTime() - trendPresets[q.range] * 1000), to };
}
