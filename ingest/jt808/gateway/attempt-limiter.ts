/**
 * Refused attempts per key (a terminal phone, a source address) as a token bucket: `maxFailures` refusals in a row
 * block the key, and one more attempt is allowed back every `perMs / maxFailures`. Successes cost nothing, so many
 * terminals behind one carrier NAT address never block each other by connecting. In memory, on an injected clock.
 */
export class AttemptLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly refillPerMs: number;

  constructor(readonly opts: { readonly maxFailures: number; readonly perMs: number; readonly now: () => number; readonly maxKeys?: number }) {
    this.refillPerMs = opts.maxFailures / opts.perMs;
  }

  /** Whether the key has used up its refusals. */
  blocked(key: string): boolean {
    return this.tokens(key) < 1;
  }

  /** Records a refusal; true when it was the one that blocked the key. */
  fail(key: string): boolean {
    const before = this.tokens(key);
    const after = Math.max(0, before - 1);
    this.buckets.delete(key); // re-inserted last: the map stays ordered by last refusal for eviction
    this.buckets.set(key, { tokens: after, at: this.opts.now() });
    this.evict();
    return before >= 1 && after < 1;
  }

  private tokens(key: string): number {
    const b = this.buckets.get(key);
    if (!b) return this.opts.maxFailures;
    return Math.min(this.opts.maxFailures, b.tokens + (this.opts.now() - b.at) * this.refillPerMs);
  }

  /** Bounded memory under a flood of distinct keys: the keys whose last refusal is oldest go first. */
  private evict() {
    const max = this.opts.maxKeys ?? 100_000;
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= max) return;
      this.buckets.delete(key);
    }
  }
}
