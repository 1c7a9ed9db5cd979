import { expect, it } from 'vitest';
import { SpoolFullError, type Spool, type SpoolBatch } from '../../../monitor/telemetry-store/spool/spool.ts';

/** What every Spool implementation must do. `reopen` simulates a restart over the same storage. */
export interface SpoolHarness {
  open(opts: { maxBytes: number; segmentBytes?: number }): Promise<Spool>;
  reopen(opts: { maxBytes: number; segmentBytes?: number }): Promise<Spool>;
}

/** The records of a batch, checked against its count. */
export function recordsOf(b: SpoolBatch): string[] {
  const records = b.count === 0 ? [] : b.text.split('\n');
  expect(records.length).toBe(b.count);
  return records;
}

const lines = (from: number, n: number) => Array.from({ length: n }, (_, i) => `r${from + i}`);

async function drainAll(spool: Spool, batch = 7): Promise<string[]> {
  const out: string[] = [];
  for (let b = await spool.peek(batch); b; b = await spool.peek(batch)) {
    if (b.count === 0) break;
    out.push(...recordsOf(b));
    await spool.ack(b);
  }
  return out;
}

export function spoolContract(harness: () => SpoolHarness): void {
  it('returns records in append order, across many appends and small segments', async () => {
    const spool = await harness().open({ maxBytes: 1 << 20, segmentBytes: 64 });
    for (let i = 0; i < 50; i++) await spool.append(lines(i * 3, 3));
    expect(spool.depth().records).toBe(150);
    expect(await drainAll(spool)).toEqual(lines(0, 150));
    expect(spool.depth()).toMatchObject({ records: 0, oldestAppendedAt: null });
    await spool.close();
  });

  it('peek without ack returns the same records again (a failed send is retried from the spool)', async () => {
    const spool = await harness().open({ maxBytes: 1 << 20 });
    await spool.append(lines(0, 10));
    const first = await spool.peek(4);
    const again = await spool.peek(4);
    expect(recordsOf(again!)).toEqual(recordsOf(first!));
    await spool.ack(again!);
    expect(recordsOf((await spool.peek(100))!)).toEqual(lines(4, 6));
    await spool.close();
  });

  it('peeks past batches not yet acknowledged, across segments, and acks them in order', async () => {
    const spool = await harness().open({ maxBytes: 1 << 20, segmentBytes: 32 });
    await spool.append(lines(0, 10));
    await spool.append(lines(10, 10));
    const first = await spool.peek(6);
    const second = await spool.peek(6, first!);
    const third = await spool.peek(100, second!);
    expect([...recordsOf(first!), ...recordsOf(second!)]).toEqual(lines(0, 12));
    await spool.ack(first!);
    await spool.ack(second!);
    await spool.ack(third!);
    expect(await drainAll(spool)).toEqual(lines(12 + recordsOf(third!).length, 8 - recordsOf(third!).length));
    expect(spool.depth().records).toBe(0);
    await spool.close();
  });

  it('group-commits concurrent appends and resolves each once durable', async () => {
    const spool = await harness().open({ maxBytes: 1 << 20 });
    await Promise.all(Array.from({ length: 100 }, (_, i) => spool.append([`r${i}`])));
    expect(spool.depth().records).toBe(100);
    expect(await drainAll(spool, 1000)).toEqual(lines(0, 100));
    await spool.close();
  });

  it('refuses appends past the bound instead of dropping, and accepts again once drained', async () => {
    const spool = await harness().open({ maxBytes: 200, segmentBytes: 64 });
    const accepted: string[] = [];
    let refused = 0;
    for (let i = 0; i < 100; i++) {
      try {
        await spool.append([`record-${i}`]);
        accepted.push(`record-${i}`);
      } catch (err) {
        expect(err).toBeInstanceOf(SpoolFullError);
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(0);
    expect(spool.depth().bytes).toBeLessThanOrEqual(200);
    expect(await drainAll(spool)).toEqual(accepted);
    await spool.append(['after-drain']);
    expect(await drainAll(spool)).toEqual(['after-drain']);
    await spool.close();
  });

  it('frees the whole bound once drained, however it lays out its storage', async () => {
    const spool = await harness().open({ maxBytes: 300 });
    const fill = async () => {
      let n = 0;
      while (await spool.append([`record-${n}`]).then(() => true, () => false)) n++;
      return n;
    };
    const first = await fill();
    expect(first).toBeGreaterThan(10);
    await drainAll(spool);
    expect(await fill()).toBe(first);
    await spool.close();
  });

  it('keeps unacknowledged records across a restart and appends after them', async () => {
    const h = harness();
    const before = await h.open({ maxBytes: 1 << 20, segmentBytes: 64 });
    await before.append(lines(0, 20));
    const b = await before.peek(5);
    await before.ack(b!);
    await before.close();
    const after = await h.reopen({ maxBytes: 1 << 20, segmentBytes: 64 });
    await after.append(['late']);
    const replayed = await drainAll(after);
    // At least once: what was acknowledged may come again (InfluxDB overwrites the same point), nothing is lost.
    expect(replayed.slice(-16)).toEqual([...lines(5, 15), 'late']);
    expect(replayed.length).toBeLessThanOrEqual(21);
    await after.close();
  });

  it('reports how old the oldest waiting record is', async () => {
    const spool = await harness().open({ maxBytes: 1 << 20 });
    const before = Date.now();
    await spool.append(['a']);
    const oldest = spool.depth().oldestAppendedAt;
    expect(oldest!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    await drainAll(spool);
    expect(spool.depth().oldestAppendedAt).toBeNull();
    await spool.close();
  });

  it('rejects acks out of order', async () => {
    const spool = await harness().open({ maxBytes: 1 << 20 });
    await spool.append(lines(0, 4));
    const b = await spool.peek(2);
    await spool.ack(b!);
    await expect(spool.ack(b!)).rejects.toThrow();
    await spool.close();
  });
}
