import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { FileSpool } from '../../../monitor/telemetry-store/spool/file-spool.ts';
import { SpoolDrainer } from '../../../monitor/telemetry-store/spool-drainer.ts';

describe('SpoolDrainer', () => {
  it('delivers every record in order through failures, in batches no larger than the batch size', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hazwatch-drainer-'));
    const spool = await FileSpool.open({ dir, maxBytes: 1 << 20, segmentBytes: 256 });
    const delivered: string[] = [];
    const batchSizes: number[] = [];
    let down = true;
    const drainer = new SpoolDrainer(
      spool,
      async (lines) => {
        if (down) throw new Error('InfluxDB down');
        batchSizes.push(lines.length);
        delivered.push(...lines);
      },
      { batchSize: 10, flushIntervalMs: 20, log: pino({ level: 'silent' }) },
    );
    const expected = Array.from({ length: 95 }, (_, i) => `r${i}`);
    for (let i = 0; i < expected.length; i += 5) {
      await spool.append(expected.slice(i, i + 5));
      drainer.nudge();
    }
    expect(await drainer.flush(100)).toBe(false);
    expect(delivered).toEqual([]);
    expect(drainer.consecutiveFailures).toBeGreaterThan(0);
    down = false;
    expect(await drainer.flush(10_000)).toBe(true);
    expect(delivered).toEqual(expected);
    expect(Math.max(...batchSizes)).toBeLessThanOrEqual(10);
    expect(spool.depth().records).toBe(0);
    await drainer.stop();
    await spool.close();
    await rm(dir, { recursive: true, force: true });
  });
});
