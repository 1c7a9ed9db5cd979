import { describe, expect, it } from 'vitest';
import { AttemptLimiter } from '../../../ingest/jt808/gateway/attempt-limiter.ts';

const MIN = 60_000;

function limiter(opts: { maxFailures?: number; perMs?: number; maxKeys?: number } = {}) {
  let now = 0;
  const l = new AttemptLimiter({ maxFailures: opts.maxFailures ?? 3, perMs: opts.perMs ?? 9 * MIN, maxKeys: opts.maxKeys, now: () => now });
  return { l, advance: (ms: number) => void (now += ms) };
}

describe('attempt limiter', () => {
  it('blocks a key at its last allowed refusal, and says so once', () => {
    const { l } = limiter();
    expect(l.blocked('13800000001')).toBe(false);
    expect([l.fail('13800000001'), l.fail('13800000001')]).toEqual([false, false]);
    expect(l.blocked('13800000001')).toBe(false);
    expect(l.fail('13800000001')).toBe(true);
    expect(l.blocked('13800000001')).toBe(true);
    expect(l.fail('13800000001')).toBe(false); // already blocked: not announced again
  });

  it('keys are independent', () => {
    const { l } = limiter({ maxFailures: 1 });
    l.fail('a');
    expect(l.blocked('a')).toBe(true);
    expect(l.blocked('b')).toBe(false);
  });

  it('gives one attempt back every perMs / maxFailures on its clock, never more than maxFailures', () => {
    const { l, advance } = limiter(); // 3 per 9 minutes: one back every 3 minutes
    for (let i = 0; i < 3; i++) l.fail('x');
    advance(3 * MIN - 1);
    expect(l.blocked('x')).toBe(true);
    advance(1);
    expect(l.blocked('x')).toBe(false);
    expect(l.fail('x')).toBe(true); // the one attempt back is used up again
    advance(60 * MIN);
    expect([l.fail('x'), l.fail('x')]).toEqual([false, false]);
    expect(l.fail('x')).toBe(true);
  });

  it('a success costs nothing: only refusals are counted', () => {
    const { l } = limiter({ maxFailures: 2 });
    for (let i = 0; i < 100; i++) expect(l.blocked('shared-nat-address')).toBe(false);
  });

  it('stays bounded under many keys, forgetting the oldest refusal first', () => {
    const { l, advance } = limiter({ maxFailures: 1, maxKeys: 3 });
    for (const k of ['a', 'b', 'c', 'd']) {
      l.fail(k);
      advance(1);
    }
    expect(['a', 'b', 'c', 'd'].map((k) => l.blocked(k))).toEqual([false, true, true, true]);
  });
});
