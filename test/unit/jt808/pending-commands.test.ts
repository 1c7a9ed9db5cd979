import { describe, it, expect, vi } from 'vitest';
import { PendingCommands } from '../../../ingest/jt808/gateway/pending-commands.ts';

describe('pending commands', () => {
  it('settles by (message id, serial) only', async () => {
    const p = new PendingCommands();
    const waiting = p.wait(0x8103, 5, 10_000);
    expect(p.settle(0x8300, 5, { status: 'answered', result: 0 })).toBe(false);
    expect(p.settle(0x8103, 6, { status: 'answered', result: 0 })).toBe(false);
    expect(p.settle(0x8103, 5, { status: 'answered', result: 1 })).toBe(true);
    expect(await waiting).toEqual({ status: 'answered', result: 1 });
    expect(p.size).toBe(0);
  });

  it('times out, and a late answer then changes nothing', async () => {
    vi.useFakeTimers();
    try {
      const p = new PendingCommands();
      const waiting = p.wait(0x8103, 1, 10_000);
      vi.advanceTimersByTime(10_000);
      expect(await waiting).toEqual({ status: 'timeout' });
      expect(p.settle(0x8103, 1, { status: 'answered', result: 0 })).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('abandons every wait as offline when the connection ends', async () => {
    const p = new PendingCommands();
    const a = p.wait(0x8103, 1, 10_000);
    const b = p.wait(0x8300, 2, 10_000);
    p.abandonAll();
    expect(await Promise.all([a, b])).toEqual([{ status: 'offline' }, { status: 'offline' }]);
  });
});
