import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { FileSpool } from '../../../monitor/telemetry-store/spool/file-spool.ts';
import { SpoolDrainer } from '../../../monitor/telemetry-store/spool-drainer.ts';
import { eventually } from '../../support/eventually.ts';

describe('SpoolDrainer', () => {
  it('delivers every record in order through failures, in batches no larger than the batch size', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hazwatch-drainer-'));
    const spool = await FileSpool.open({ dir, maxBytes: 1 << 20, segmentBytes: 256 });
    const delivered: string[] = [];
    const batchSizes: number[] = [];
    let down = true;
    const drainer = new SpoolDrainer(
      spool,
      async (text) => {
        if (down) throw new Error('InfluxDB down');
        const lines = text.split('\n');
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

describe('SpoolDrainer flush', () => {
  it('sends every partial batch at once while a flush waits, not only the first after the call', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hazwatch-drainer-'));
    const spool = await FileSpool.open({ dir, maxBytes: 1 << 20 });
    const delivered: string[] = [];
    let release: () => void = () => undefined;
    const drainer = new SpoolDrainer(
      spool,
      async (text) => {
        delivered.push(...text.split('\n'));
        // The first send is slow: what is appended meanwhile is again less than a batch.
        if (delivered.length === 3) await new Promise<void>((r) => (release = r));
      },
      // An interval far beyond the test's time: only flush() can make these partial batches go.
      { batchSize: 100, flushIntervalMs: 3_600_000, log: pino({ level: 'silent' }) },
    );
    await spool.append(['a', 'b', 'c']);
    const flushed = drainer.flush(20_000);
    while (delivered.length < 3) await new Promise((r) => setTimeout(r, 5));
    await spool.append(['d', 'e']);
    release();
    expect(await flushed).toBe(true);
    expect(delivered).toEqual(['a', 'b', 'c', 'd', 'e']);
    await drainer.stop();
    await spool.close();
    await rm(dir, { recursive: true, force: true });
  });
});

describe('SpoolDrainer with a busy spool', () => {
  it('delivers everything exactly in order while appends roll small segments under two batches in flight', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hazwatch-drainer-'));
    const spool = await FileSpool.open({ dir, maxBytes: 1 << 24, segmentBytes: 200 });
    const delivered: string[] = [];
    const drainer = new SpoolDrainer(
      spool,
      async (text) => {
        // Recorded when sent: with two in flight, completion order is InfluxDB's business.
        delivered.push(...text.split('\n'));
        await new Promise((r) => setTimeout(r, Math.random() * 3));
      },
      { batchSize: 7, flushIntervalMs: 5, maxInFlight: 2, log: pino({ level: 'silent' }) },
    );
    const expected = Array.from({ length: 3000 }, (_, i) => `record-${i}`);
    const appends: Array<Promise<void>> = [];
    for (let i = 0; i < expected.length; ) {
      const n = 1 + Math.floor(Math.random() * 9);
      appends.push(spool.append(expected.slice(i, i + n)).then(() => drainer.nudge()));
      i += n;
      if (appends.length % 20 === 0) await Promise.all(appends.splice(0));
    }
    await Promise.all(appends);
    expect(await drainer.flush(30_000)).toBe(true);
    await drainer.stop();
    // Each batch is sent once and acknowledged in order, so nothing is repeated either.
    expect(delivered).toEqual(expected);
    await spool.close();
    await rm(dir, { recursive: true, force: true });
  });
});

describe('SpoolDrainer with records InfluxDB refuses for good', () => {
  const permanent = (err: Error) => err.message.startsWith('400');

  it('writes the rest of the batch, hands on only the refused records, and goes on with the records behind them', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hazwatch-drainer-'));
    const spool = await FileSpool.open({ dir, maxBytes: 1 << 20 });
    const stored = new Set<string>();
    let sends = 0;
    let down = false;
    const rejected: Array<{ line: string; reason: string }> = [];
    const drainer = new SpoolDrainer(
      spool,
      async (text) => {
        sends++;
        if (down) throw new Error('connect ECONNREFUSED');
        const lines = text.split('\n');
        // As InfluxDB does on a partial write: the good lines are taken, the answer is still an error.
        for (const l of lines) if (!l.startsWith('old')) stored.add(l);
        const bad = lines.filter((l) => l.startsWith('old'));
        if (bad.length) throw new Error(`400 partial write: points beyond retention policy dropped=${bad.length}`);
      },
      {
        batchSize: 16, flushIntervalMs: 20, log: pino({ level: 'silent' }),
        rejections: { permanent, onRejected: async (lines) => void rejected.push(...lines) },
      },
    );
    const records = Array.from({ length: 40 }, (_, i) => (i === 3 || i === 17 || i === 18 ? `old${i}` : `r${i}`));
    await spool.append(records);
    expect(await drainer.flush(20_000)).toBe(true);
    expect(rejected.map((r) => r.line)).toEqual(['old3', 'old17', 'old18']);
    expect(rejected[0].reason).toMatch(/beyond retention/);
    expect([...stored].sort()).toEqual(records.filter((r) => r.startsWith('r')).sort());
    expect(spool.depth().records).toBe(0);

    // An outage while a batch is being split is retried as a whole: the refused record is handed on once, later.
    sends = 0;
    down = true;
    await spool.append(['r40', 'old41', 'r42']);
    drainer.nudge();
    void drainer.flush(60_000);
    await eventually(() => drainer.consecutiveFailures > 0, 'a failed send');
    expect(sends).toBeGreaterThan(0);
    expect(rejected).toHaveLength(3);
    expect(spool.depth().records).toBe(3);
    down = false;
    expect(await drainer.flush(20_000)).toBe(true);
    expect(rejected.map((r) => r.line)).toEqual(['old3', 'old17', 'old18', 'old41']);
    expect(stored.has('r42')).toBe(true);
    await drainer.stop();
    await spool.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('without a rejection policy keeps retrying, and never drops a record', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hazwatch-drainer-'));
    const spool = await FileSpool.open({ dir, maxBytes: 1 << 20 });
    const drainer = new SpoolDrainer(spool, async () => Promise.reject(new Error('400 partial write')), { batchSize: 16, flushIntervalMs: 20, log: pino({ level: 'silent' }) });
    await spool.append(['old1', 'r2']);
    const flushed = drainer.flush(500);
    await eventually(() => drainer.consecutiveFailures > 1, 'a retry');
    expect(await flushed).toBe(false);
    expect(spool.depth().records).toBe(2);
    await drainer.stop();
    await spool.close();
    await rm(dir, { recursive: true, force: true });
  });
});
