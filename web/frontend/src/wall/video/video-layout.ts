// The video grid's layout, as GET/PUT /api/video-layout hold it per user, and the pure steps that change it.

export type PaneSource = { kind: 'camera'; id: number } | { kind: 'vehicle'; id: number; channel: number };
export type GridSize = 1 | 4 | 9 | 16;
export interface VideoLayout {
  grid: GridSize;
  panes: (PaneSource | null)[];
  patrol: { enabled: boolean; intervalS: number; items: PaneSource[] };
}

export const GRID_SIZES: readonly GridSize[] = [1, 4, 9, 16];
export const DEFAULT_LAYOUT: VideoLayout = { grid: 4, panes: [], patrol: { enabled: false, intervalS: 30, items: [] } };

export const sameSource = (a: PaneSource | null | undefined, b: PaneSource | null | undefined): boolean =>
  !!a && !!b && a.kind === b.kind && a.id === b.id && (a.kind === 'camera' || (b.kind === 'vehicle' && a.channel === b.channel));

/** The smallest grid that holds n panes. */
export const gridFor = (n: number): GridSize => GRID_SIZES.find((g) => g >= n) ?? 16;

/** Sources an alarm asks to show come first, then what was shown before; the grid grows so every asked one shows. */
export function openSources(layout: VideoLayout, sources: readonly PaneSource[]): VideoLayout {
  const asked = sources.filter((s, i) => sources.findIndex((o) => sameSource(o, s)) === i);
  const others = layout.panes.slice(0, layout.grid).filter((p): p is PaneSource => p !== null && !asked.some((s) => sameSource(s, p)));
  const grid = Math.max(layout.grid, gridFor(asked.length)) as GridSize;
  return { ...layout, grid, panes: [...asked, ...others].slice(0, grid) };
}

/** The panes of one patrol step: the next `grid` items of the round, wrapping. */
export function patrolPanes(items: readonly PaneSource[], grid: GridSize, step: number): PaneSource[] {
  if (!items.length) return [];
  const n = Math.min(grid, items.length);
  const start = (step * n) % items.length;
  return Array.from({ length: n }, (_, i) => items[(start + i) % items.length]);
}
