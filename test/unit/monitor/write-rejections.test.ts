import { HttpError } from '@influxdata/influxdb-client';
import { describe, expect, it } from 'vitest';
import { isolateRejectedLines, isPermanentRejection } from '../../../monitor/telemetry-store/write-rejections.ts';

describe('write rejections', () => {
  it('counts only a refusal of the content as permanent', () => {
    for (const status of [400, 413, 422]) expect(isPermanentRejection(new HttpError(status, 'x', 'partial write'))).toBe(true);
    for (const status of [401, 403, 404, 429, 500, 503]) expect(isPermanentRejection(new HttpError(status, 'x'))).toBe(false);
    expect(isPermanentRejection(new Error('connect ECONNREFUSED'))).toBe(false);
  });

  it('finds every refused line by halving, with few sends for few bad lines', async () => {
    const lines = Array.from({ length: 1000 }, (_, i) => `l${i}`);
    const bad = new Set(['l0', 'l500', 'l999']);
    let sends = 0;
    const rejected = await isolateRejectedLines(
      lines,
      async (text) => {
        sends++;
        if (text.split('\n').some((l) => bad.has(l))) throw new HttpError(400, 'Bad Request', 'points beyond retention policy');
      },
      isPermanentRejection,
    );
    expect(rejected.map((r) => r.line)).toEqual(['l0', 'l500', 'l999']);
    // Each bad line costs at most two sends per halving level (log2 1000 ≈ 10).
    expect(sends).toBeLessThanOrEqual(1 + 3 * 2 * 10);
  });

  it('gives up on the first error a retry could fix, so the batch stays whole', async () => {
    let calls = 0;
    const send = async () => {
      calls++;
      throw calls === 1 ? new HttpError(400, 'Bad Request') : new HttpError(503, 'Service Unavailable');
    };
    await expect(isolateRejectedLines(['a', 'b'], send, isPermanentRejection)).rejects.toMatchObject({ statusCode: 503 });
  });
});
