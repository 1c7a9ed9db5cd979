import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT, gridFor, openSources, patrolPanes, type PaneSource } from '../../../web/frontend/src/wall/video/video-layout.ts';

const cam = (id: number): PaneSource => ({ kind: 'camera', id });
const cab = (id: number, channel = 1): PaneSource => ({ kind: 'vehicle', id, channel });

describe('video grid layout', () => {
  it('puts what an alarm asks for first, keeps the rest after it, and grows the grid to hold every asked pane', () => {
    const layout = { ...DEFAULT_LAYOUT, grid: 4 as const, panes: [cam(1), null, cam(2), cam(3)] };
    expect(openSources(layout, [cam(3), cab(7)]).panes).toEqual([cam(3), cab(7), cam(1), cam(2)]);
    const five = openSources(layout, [cam(4), cam(5), cam(6), cam(7), cam(8)]);
    expect(five.grid).toBe(9);
    expect(five.panes).toEqual([cam(4), cam(5), cam(6), cam(7), cam(8), cam(1), cam(2), cam(3)]);
  });

  it('tells a truck\'s channels apart and shows a source once', () => {
    const layout = { ...DEFAULT_LAYOUT, grid: 1 as const, panes: [cab(7, 2)] };
    expect(openSources(layout, [cab(7, 1), cab(7, 1)])).toMatchObject({ grid: 1, panes: [cab(7, 1)] });
  });

  it('rotates a patrol through its list a grid at a time, wrapping', () => {
    const items = [cam(1), cam(2), cam(3), cam(4), cam(5)];
    expect(patrolPanes(items, 4, 0)).toEqual([cam(1), cam(2), cam(3), cam(4)]);
    expect(patrolPanes(items, 4, 1)).toEqual([cam(5), cam(1), cam(2), cam(3)]);
    expect(patrolPanes(items.slice(0, 2), 4, 3)).toEqual([cam(1), cam(2)]);
    expect(patrolPanes([], 4, 0)).toEqual([]);
    expect(gridFor(5)).toBe(9);
    expect(gridFor(17)).toBe(16);
  });
});
