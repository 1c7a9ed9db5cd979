import { describe, expect, it } from 'vitest';
import { DEFAULT_CATCH_UP as o, bufferedAhead, catchUpRate } from '../../../web/frontend/src/shared/video/live-latency.ts';

const ranges = (...r: Array<[number, number]>) => ({ length: r.length, end: (i: number) => r[i][1] });

describe('live pane catch-up', () => {
  it('plays at normal speed up to the target buffered ahead, and when nothing is buffered', () => {
    expect(catchUpRate(0)).toBe(1);
    expect(catchUpRate(o.targetS)).toBe(1);
    expect(catchUpRate(Number.NaN)).toBe(1);
  });

  it('speeds up in steps as the excess grows, so a short stall\'s backlog is given back too, up to the cap', () => {
    const rates = [0.05, 0.1, 0.2, 0.5, 3].map((excess) => catchUpRate(o.targetS + excess + 1e-9));
    expect(rates).toEqual([1.05, 1.1, 1.2, o.maxRate, o.maxRate]);
    expect(catchUpRate(o.targetS + o.step / 2)).toBe(1);
  });

  it('measures from the current position to the end of the last buffered range', () => {
    expect(bufferedAhead({ buffered: ranges(), currentTime: 3 })).toBe(0);
    expect(bufferedAhead({ buffered: ranges([0, 1], [2, 5.5]), currentTime: 5 })).toBeCloseTo(0.5);
    expect(bufferedAhead({ buffered: ranges([0, 5]), currentTime: 6 })).toBe(0);
  });
});
