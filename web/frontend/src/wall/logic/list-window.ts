// Which rows of a long list of known (or estimated) heights overlap the viewport: pure, for the windowed lists.

/** offsets[i] is where row i starts; offsets[n] is the height of all n rows. */
export function prefixOffsets(heights: ArrayLike<number>): Float64Array {
  const offsets = new Float64Array(heights.length + 1);
  for (let i = 0; i < heights.length; i++) offsets[i + 1] = offsets[i] + heights[i];
  return offsets;
}

/** First row ending below `top`, and one past the last row starting above `bottom`. */
export function windowRange(offsets: Float64Array, top: number, bottom: number): [number, number] {
  const n = offsets.length - 1;
  // Smallest i with offsets[i + 1] > top.
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid + 1] > top) hi = mid;
    else lo = mid + 1;
  }
  const first = lo;
  // Smallest j >= first with offsets[j] >= bottom.
  hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid] >= bottom) hi = mid;
    else lo = mid + 1;
  }
  return [first, Math.max(first, lo)];
}

/** The scroll position that brings row i fully into view with the least movement (block: 'nearest'). */
export function scrollToShow(offsets: Float64Array, i: number, scrollTop: number, viewHeight: number, margin: number): number {
  const start = offsets[i] - margin;
  const end = offsets[i + 1] + margin;
  if (start < scrollTop) return Math.max(0, start);
  if (end > scrollTop + viewHeight) return Math.min(start, end - viewHeight);
  return scrollTop;
}
