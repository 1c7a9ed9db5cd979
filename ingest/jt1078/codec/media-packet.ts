/** JT/T 1078 real-time media packet (RTP-like, over TCP): header `30 31 63 64`, then the fields below, then the body. */
export const MAGIC = Buffer.from([0x30, 0x31, 0x63, 0x64]);
export const MAX_BODY = 950;

export const DataType = { VideoI: 0, VideoP: 1, VideoB: 2, Audio: 3, Passthrough: 4 } as const;
export const Fragment = { Atomic: 0, First: 1, Last: 2, Middle: 3 } as const;

export interface MediaPacket {
  /** V/P/X/CC byte, 0x81 in practice. */
  label1: number;
  marker: boolean;
  /** 98 H.264, 99 H.265, 6 G.711A, 7 G.711U, 26 ADPCMA, … */
  payloadType: number;
  sequence: number;
  /** SIM digits as sent (12 for BCD[6], 20 for the 2019 BCD[10]). */
  sim: string;
  channel: number;
  dataType: number;
  fragment: number;
  /** ms, as the terminal stamped it (absent for passthrough data). */
  timestamp: bigint | null;
  lastIFrameIntervalMs: number | null;
  lastFrameIntervalMs: number | null;
  body: Buffer;
}

export type DecodeResult = { kind: 'packet'; packet: MediaPacket; length: number } | { kind: 'need_more' } | { kind: 'malformed'; reason: string };

const isVideo = (t: number) => t <= DataType.VideoB;

/** Header length for a data type and SIM size: video carries the two frame intervals, passthrough no timestamp. */
export function headerLength(dataType: number, simBytes: 6 | 10): number {
  const base = 4 + 1 + 1 + 2 + simBytes + 1 + 1;
  if (dataType === DataType.Passthrough) return base + 2;
  return base + 8 + (isVideo(dataType) ? 4 : 0) + 2;
}

/** Decodes one packet at the start of `buf` with the given SIM size. */
export function decodeMediaPacket(buf: Buffer, simBytes: 6 | 10): DecodeResult {
  if (buf.length < 4) return { kind: 'need_more' };
  if (!buf.subarray(0, 4).equals(MAGIC)) return { kind: 'malformed', reason: 'bad_magic' };
  const typeAt = 8 + simBytes + 1;
  if (buf.length <= typeAt) return { kind: 'need_more' };
  const dataType = buf[typeAt] >> 4;
  const fragment = buf[typeAt] & 0x0f;
  if (dataType > DataType.Passthrough) return { kind: 'malformed', reason: 'bad_data_type' };
  if (fragment > Fragment.Middle) return { kind: 'malformed', reason: 'bad_fragment_flag' };
  const hl = headerLength(dataType, simBytes);
  if (buf.length < hl) return { kind: 'need_more' };
  const bodyLength = buf.readUInt16BE(hl - 2);
  if (bodyLength > MAX_BODY) return { kind: 'malformed', reason: 'body_too_long' };
  if (buf.length < hl + bodyLength) return { kind: 'need_more' };
  const sim = buf.toString('hex', 8, 8 + simBytes);
  if (!/^[0-9]+$/.test(sim)) return { kind: 'malformed', reason: 'bad_sim_bcd' };
  let at = typeAt + 1;
  let timestamp: bigint | null = null;
  let lastI: number | null = null;
  let lastFrame: number | null = null;
  if (dataType !== DataType.Passthrough) {
    timestamp = buf.readBigUInt64BE(at);
    at += 8;
    if (isVideo(dataType)) {
      lastI = buf.readUInt16BE(at);
      lastFrame = buf.readUInt16BE(at + 2);
      at += 4;
    }
  }
  return {
    kind: 'packet',
    length: hl + bodyLength,
    packet: {
      label1: buf[4],
      marker: (buf[5] & 0x80) !== 0,
      payloadType: buf[5] & 0x7f,
      sequence: buf.readUInt16BE(6),
      sim,
      channel: buf[8 + simBytes],
      dataType,
      fragment,
      timestamp,
      lastIFrameIntervalMs: lastI,
      lastFrameIntervalMs: lastFrame,
      body: Buffer.from(buf.subarray(hl, hl + bodyLength)),
    },
  };
}

export function encodeMediaPacket(p: Omit<MediaPacket, 'label1'> & { label1?: number }, simBytes: 6 | 10 = 6): Buffer {
  if (p.body.length > MAX_BODY) throw new RangeError(`1078 body of ${p.body.length} bytes exceeds ${MAX_BODY}`);
  const hl = headerLength(p.dataType, simBytes);
  const out = Buffer.alloc(hl + p.body.length);
  MAGIC.copy(out, 0);
  out[4] = p.label1 ?? 0x81;
  out[5] = (p.marker ? 0x80 : 0) | (p.payloadType & 0x7f);
  out.writeUInt16BE(p.sequence & 0xffff, 6);
  Buffer.from(p.sim.padStart(simBytes * 2, '0'), 'hex').copy(out, 8);
  out[8 + simBytes] = p.channel;
  out[9 + simBytes] = (p.dataType << 4) | p.fragment;
  let at = 10 + simBytes;
  if (p.dataType !== DataType.Passthrough) {
    out.writeBigUInt64BE(p.timestamp ?? 0n, at);
    at += 8;
    if (isVideo(p.dataType)) {
      out.writeUInt16BE(p.lastIFrameIntervalMs ?? 0, at);
      out.writeUInt16BE(p.lastFrameIntervalMs ?? 0, at + 2);
      at += 4;
    }
  }
  out.writeUInt16BE(p.body.length, at);
  p.body.copy(out, hl);
  return out;
}

/** Splits a frame's payload into packets of at most MAX_BODY bytes with the fragment flags set. */
export function fragmentsOf(payload: Buffer, max = MAX_BODY): Array<{ fragment: number; body: Buffer }> {
  if (payload.length <= max) return [{ fragment: Fragment.Atomic, body: payload }];
  const parts: Array<{ fragment: number; body: Buffer }> = [];
  for (let at = 0; at < payload.length; at += max) {
    const body = payload.subarray(at, at + max);
    const fragment = at === 0 ? Fragment.First : at + max >= payload.length ? Fragment.Last : Fragment.Middle;
    parts.push({ fragment, body });
  }
  return parts;
}
