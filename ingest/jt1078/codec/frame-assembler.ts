import { DataType, Fragment, type MediaPacket } from './media-packet.ts';

export interface AssembledFrame {
  channel: number;
  dataType: number;
  timestamp: bigint | null;
  payload: Buffer;
}

export type AssemblyEvent = { kind: 'frame'; frame: AssembledFrame } | { kind: 'dropped'; reason: 'orphan_fragment' | 'sequence_gap' | 'too_large'; packets: number };

const MAX_FRAME = 4 * 1024 * 1024;

/**
 * Joins fragmented packets (first, middle…, last) into whole frames, per channel and data type. A fragment without
 * its first, or a gap in the sequence numbers, drops the partial frame (reported) and the stream goes on.
 */
export class FrameAssembler {
  private partial = new Map<string, { parts: Buffer[]; bytes: number; lastSeq: number; timestamp: bigint | null }>();

  push(p: MediaPacket): AssemblyEvent[] {
    const key = `${p.channel}:${p.dataType === DataType.Audio ? 'a' : 'v'}`;
    const open = this.partial.get(key);
    const events: AssemblyEvent[] = [];
    if (open && (p.fragment === Fragment.Atomic || p.fragment === Fragment.First)) {
      // The previous frame never got its last fragment.
      this.partial.delete(key);
      events.push({ kind: 'dropped', reason: 'sequence_gap', packets: open.parts.length });
    }
    if (p.fragment === Fragment.Atomic) {
      events.push({ kind: 'frame', frame: { channel: p.channel, dataType: p.dataType, timestamp: p.timestamp, payload: p.body } });
      return events;
    }
    if (p.fragment === Fragment.First) {
      this.partial.set(key, { parts: [p.body], bytes: p.body.length, lastSeq: p.sequence, timestamp: p.timestamp });
      return events;
    }
    const cur = this.partial.get(key);
    if (!cur) return [...events, { kind: 'dropped', reason: 'orphan_fragment', packets: 1 }];
    if (((cur.lastSeq + 1) & 0xffff) !== p.sequence) {
      this.partial.delete(key);
      return [...events, { kind: 'dropped', reason: 'sequence_gap', packets: cur.parts.length + 1 }];
    }
    cur.parts.push(p.body);
    cur.bytes += p.body.length;
    cur.lastSeq = p.sequence;
    if (cur.bytes > MAX_FRAME) {
      this.partial.delete(key);
      return [...events, { kind: 'dropped', reason: 'too_large', packets: cur.parts.length }];
    }
    if (p.fragment === Fragment.Last) {
      this.partial.delete(key);
      events.push({ kind: 'frame', frame: { channel: p.channel, dataType: p.dataType, timestamp: cur.timestamp, payload: Buffer.concat(cur.parts, cur.bytes) } });
    }
    return events;
  }
}
