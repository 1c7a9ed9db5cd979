import { describe, expect, it } from 'vitest';
import { prefixOffsets, scrollToShow, windowRange } from '../../../web/frontend/src/wall/logic/list-window.ts';

describe('windowed list', () => {
  const offsets = prefixOffsets([100, 50, 50, 200, 100]); // 0 100 150 200 400 500

  it('sums heights into start offsets', () => {
    expect([...offsets]).toEqual([0, 100, 150, 200, 400, 500]);
  });

  it('takes the rows overlapping the viewport, partly visible ones included', () => {
    expect(windowRange(offsets, 0, 120)).toEqual([0, 2]);
    expect(windowRange(offsets, 100, 150)).toEqual([1, 2]);
    expect(windowRange(offsets, 120, 210)).toEqual([1, 4]);
    expect(windowRange(offsets, 450, 900)).toEqual([4, 5]);
  });

  it('clamps a viewport beyond either end', () => {
    expect(windowRange(offsets, -300, -1)).toEqual([0, 0]);
    expect(windowRange(offsets, -300, 50)).toEqual([0, 1]);
    expect(windowRange(offsets, 600, 900)).toEqual([5, 5]);
    expect(windowRange(prefixOffsets([]), 0, 500)).toEqual([0, 0]);
  });

  it('scrolls a row into view only as far as needed', () => {
    expect(scrollToShow(offsets, 3, 0, 250, 0)).toBe(150); // below: its bottom at the viewport's bottom
    expect(scrollToShow(offsets, 1, 300, 150, 10)).toBe(90); // above: its top at the viewport's top
    expect(scrollToShow(offsets, 2, 100, 150, 0)).toBe(100); // already visible
    expect(scrollToShow(offsets, 3, 0, 100, 0)).toBe(200); // taller than the viewport: its top
  });
});
