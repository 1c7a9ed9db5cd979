import type { Jt808Frame } from './frame.ts';
import type { Jt808Header } from './header.ts';

export { encodeResendRequest, decodeResendRequest } from './messages/resend-request.ts';
export type { ResendRequest } from './messages/resend-request.ts';

export interface SubpackageAssemblerOptions {
  /** Silence after which an incomplete set is reported by expire(). */
  timeoutMs: number;
  maxPendingSets: number;
  /** Total body bytes held across all sets. */
  maxBytes: number;
  /**
   * Times a set is reported for a resend (0x8003) before it is discarded.
   * Each report restarts its timeout so the resent packages can arrive.
   */
  maxResendRounds?: number;
  now?: () => number;
}

export interface AssembledMessage {
  /** Header of package 1 with subpackage cleared and bodyLength set to the merged length. */
  header: Jt808Header;
  body: Buffer;
}

export interface AddResult {
  complete?: AssembledMessage;
  /** Why the frame was not used, when it was not. */
  ignored?: 'bad_index' | 'too_large';
}

export interface ExpiredSet {
  phone: string;
  msgId: number;
  total: number;
  /** 1-based indexes not received. */
  missing: number[];
  /** Serial of package 1 (derived from a later package when package 1 is missing). */
  firstSerial: number;
  /** Header of the first package received; gives edition and phone for the 0x8003. */
  header: Jt808Header;
  /** True when the set was dropped: no more resend requests should be sent for it. */
  discarded: boolean;
}

interface PendingSet {
  key: string;
  phone: string;
  msgId: number;
  total: number;
  parts: Map<number, { header: Jt808Header; body: Buffer }>;
  bytes: number;
  lastActivity: number;
  rounds: number;
  firstHeader: Jt808Header;
}

/**
 * Reassembles sub-packaged messages keyed on (phone, msgId, total). Serials are
 * not part of the key because real terminals do not number packages consecutively.
 */
export class SubpackageAssembler {
  private readonly sets = new Map<string, PendingSet>();
  private readonly timeoutMs: number;
  private readonly maxPendingSets: number;
  private readonly maxBytes: number;
  private readonly maxResendRounds: number;
  private readonly now: () => number;
  private totalBytes = 0;
  /** Sets dropped to stay within maxPendingSets / maxBytes. */
  evictedSets = 0;
  /** Sets dropped by expire() after their resend rounds. */
  discardedSets = 0;

  constructor(opts: SubpackageAssemblerOptions) {
    this.timeoutMs = opts.timeoutMs;
    this.maxPendingSets = Math.max(1, opts.maxPendingSets);
    this.maxBytes = opts.maxBytes;
    this.maxResendRounds = opts.maxResendRounds ?? 1;
    this.now = opts.now ?? Date.now;
  }

  get pendingSets(): number {
    return this.sets.size;
  }

  get pendingBytes(): number {
    return this.totalBytes;
  }

  /** Unpackaged frames are returned as complete straight away. */
  add(frame: Jt808Frame): AddResult {
    const h = frame.header;
    if (!h.subpackage) return { complete: { header: { ...h }, body: frame.body } };
    const total = h.packageTotal ?? 0;
    const index = h.packageIndex ?? 0;
    if (total < 1 || index < 1 || index > total) return { ignored: 'bad_index' };
    if (frame.body.length > this.maxBytes) return { ignored: 'too_large' };
    if (total === 1) return { complete: { header: mergedHeader(h, frame.body.length), body: frame.body } };

    const key = `${h.phone}|${h.msgId}|${total}`;
    let set = this.sets.get(key);
    if (!set) {
      while (this.sets.size >= this.maxPendingSets) this.evictOldest();
      set = {
        key,
        phone: h.phone,
        msgId: h.msgId,
        total,
        parts: new Map(),
        bytes: 0,
        lastActivity: this.now(),
        rounds: 0,
        firstHeader: h,
      };
      this.sets.set(key, set);
    }
    const previous = set.parts.get(index);
    if (previous) this.account(set, -previous.body.length);
    set.parts.set(index, { header: h, body: frame.body });
    this.account(set, frame.body.length);
    set.lastActivity = this.now();

    if (set.parts.size === total) {
      this.remove(set);
      const bodies: Buffer[] = [];
      for (let i = 1; i <= total; i++) bodies.push(set.parts.get(i)!.body);
      const body = Buffer.concat(bodies);
      return { complete: { header: mergedHeader(set.parts.get(1)!.header, body.length), body } };
    }
    // Oldest sets go first; the one just added goes last, and only if it alone is too big.
    while (this.totalBytes > this.maxBytes && this.sets.size > 0) this.evictOldest();
    return {};
  }

  /**
   * Reports sets silent for timeoutMs. A set is reported (discarded=false) up to
   * maxResendRounds times so the caller can send 0x8003, then dropped (discarded=true).
   */
  expire(): ExpiredSet[] {
    const now = this.now();
    const out: ExpiredSet[] = [];
    for (const set of [...this.sets.values()]) {
      if (now - set.lastActivity < this.timeoutMs) continue;
      const discarded = set.rounds >= this.maxResendRounds;
      if (discarded) {
        this.remove(set);
        this.discardedSets++;
      } else {
        set.rounds++;
        set.lastActivity = now;
      }
      out.push({
        phone: set.phone,
        msgId: set.msgId,
        total: set.total,
        missing: missingIndexes(set),
        firstSerial: firstSerial(set),
        header: { ...set.firstHeader },
        discarded,
      });
    }
    return out;
  }

  private account(set: PendingSet, delta: number): void {
    set.bytes += delta;
    this.totalBytes += delta;
  }

  private remove(set: PendingSet): void {
    this.sets.delete(set.key);
    this.totalBytes -= set.bytes;
  }

  private evictOldest(): void {
    const oldest = this.sets.values().next().value;
    if (!oldest) return;
    this.remove(oldest);
    this.evictedSets++;
  }
}

function mergedHeader(h: Jt808Header, length: number): Jt808Header {
  const { packageTotal: _t, packageIndex: _i, ...rest } = h;
  return { ...rest, subpackage: false, bodyLength: length };
}

function missingIndexes(set: PendingSet): number[] {
  const missing: number[] = [];
  for (let i = 1; i <= set.total; i++) if (!set.parts.has(i)) missing.push(i);
  return missing;
}

/** Assumes consecutive serials only when package 1 itself is missing. */
function firstSerial(set: PendingSet): number {
  const first = set.parts.get(1);
  if (first) return first.header.serial;
  const lowest = Math.min(...set.parts.keys());
  return (set.parts.get(lowest)!.header.serial - (lowest - 1)) & 0xffff;
}
