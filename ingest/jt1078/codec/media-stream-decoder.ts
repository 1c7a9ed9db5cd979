import { decodeMediaPacket, MAGIC, type MediaPacket } from './media-packet.ts';

export type StreamEvent = { kind: 'packet'; packet: MediaPacket } | { kind: 'malformed'; reason: string; skipped: number; head: string };

/** A connection's packets bigger than this never complete; the buffer is dropped rather than grown. */
const MAX_BUFFER = 64 * 1024;

/**
 * Cuts a TCP byte stream into 1078 packets. The SIM size (BCD[6] before 2019, BCD[10] in 2019) is learnt from the
 * first packet: the layout whose packet is followed by the next header (or ends the data) wins. Garbage is skipped
 * up to the next `30 31 63 64` and reported, so one bad packet never costs the ones after it.
 */
export class MediaStreamDecoder {
  private buf: Buffer = Buffer.alloc(0);
  private simBytes: 6 | 10 | null = null;

  push(chunk: Buffer): StreamEvent[] {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    const events: StreamEvent[] = [];
    for (;;) {
      if (this.buf.length === 0) break;
      const r = this.decodeOne();
      if (r === 'need_more') break;
      if (r.kind === 'packet') {
        events.push({ kind: 'packet', packet: r.packet });
        this.buf = this.buf.subarray(r.length);
        continue;
      }
      // Resynchronise on the next magic after this position.
      const next = this.buf.indexOf(MAGIC, 1);
      const skipped = next < 0 ? Math.max(0, this.buf.length - 3) : next;
      events.push({ kind: 'malformed', reason: r.reason, skipped, head: this.buf.subarray(0, 32).toString('hex') });
      this.buf = this.buf.subarray(skipped);
      if (next < 0) break;
    }
    if (this.buf.length > MAX_BUFFER) {
      events.push({ kind: 'malformed', reason: 'oversize', skipped: this.buf.length, head: this.buf.subarray(0, 32).toString('hex') });
      this.buf = Buffer.alloc(0);
    }
    return events;
  }

  private decodeOne(): 'need_more' | { kind: 'packet'; packet: MediaPacket; length: number } | { kind: 'malformed'; reason: string } {
    if (this.simBytes) {
      const r = decodeMediaPacket(this.buf, this.simBytes);
      return r.kind === 'need_more' ? 'need_more' : r;
    }
    let waiting = false;
    let decoded: { kind: 'packet'; packet: MediaPacket; length: number } | null = null;
    let firstError: { kind: 'malformed'; reason: string } | null = null;
    for (const size of [6, 10] as const) {
      const r = decodeMediaPacket(this.buf, size);
      if (r.kind === 'need_more') {
        waiting = true;
        continue;
      }
      if (r.kind === 'malformed') {
        firstError ??= r;
        continue;
      }
      decoded ??= r;
      const after = this.buf.subarray(r.length, r.length + 4);
      if (after.length === 0 || MAGIC.subarray(0, after.length).equals(after)) {
        if (after.length < 4 && after.length > 0) {
          waiting = true;
          continue;
        }
        this.simBytes = size;
        return r;
      }
    }
    if (waiting) return 'need_more';
    // Garbage after the packet: take the layout that decoded, without learning from it.
    if (decoded) return decoded;
    return firstError ?? { kind: 'malformed', reason: 'no_layout_fits' };
  }
}
