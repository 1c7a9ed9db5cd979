import { describe, expect, it } from 'vitest';
import { DataType, decodeMediaPacket, encodeMediaPacket, Fragment, fragmentsOf, type MediaPacket } from '../../../ingest/jt1078/codec/media-packet.ts';
import { MediaStreamDecoder } from '../../../ingest/jt1078/codec/media-stream-decoder.ts';
import { FrameAssembler } from '../../../ingest/jt1078/codec/frame-assembler.ts';
import { H264FlvMuxer } from '../../../ingest/video/h264-flv-muxer.ts';
import { avcDecoderConfiguration, splitAnnexB } from '../../../ingest/video/h264.ts';

/**
 * Real packets as SmallChi/JT1078 asserts them in its tests (src/JT1078.Protocol.Test/JT1078SerializerTest.cs,
 * commit 084ec0d): a P-frame video packet (30 header bytes) and a G.711A audio packet (no frame intervals).
 */
const VIDEO_P = '3031636481E2108801123456781001100000016BB392CA7C02800028002E00000001' + '61E1A2BF0098CFC0EE1E1728340778' + '8E39A403FDDBD1D546BFB063013F59AC34C97A021AB96A28A42C08';
const AUDIO = '3031636481881 0BA01123456781001300000016BB392CF8D0078'.replace(/ /g, '') +
  'FE6D3BBEEF3E4E7DFFB76D5FF56FC7BE6FDF77DCDF8EED3B6FE33FB573DF6FECF8FDFFFEBEEFDBF76FDBBFFDD7BF6FFB6F6EF7FF5FDFBFD3F78FFDFAB2EF3EF75FFFF15D3FBFFB26BEEDC7B77D3FAEE3FBEF1D3BAE93FEEF7FDF7793FEB6653BBDFAE68EEDF8F7EFDBB1FFC66F7CFFEFFDDB717FFF6EEE3E';

const packet = (hex: string) => {
  const r = decodeMediaPacket(Buffer.from(hex, 'hex'), 6);
  if (r.kind !== 'packet') throw new Error(r.kind);
  return r;
};

describe('JT/T 1078 media packets', () => {
  it('decodes a real video packet as SmallChi/JT1078 reads it', () => {
    const { packet: p, length } = packet(VIDEO_P);
    expect(length).toBe(VIDEO_P.length / 2);
    expect(p).toMatchObject({ label1: 0x81, marker: true, payloadType: 98, sequence: 0x1088, sim: '011234567810', channel: 1, dataType: DataType.VideoP, fragment: Fragment.Atomic, timestamp: 1562085870204n, lastIFrameIntervalMs: 0x0280, lastFrameIntervalMs: 0x28 });
    expect(p.body.length).toBe(0x2e);
    expect(p.body.subarray(0, 5).toString('hex')).toBe('0000000161');
  });

  it('decodes a real audio packet, which has no frame intervals', () => {
    const { packet: p } = packet(AUDIO);
    expect(p).toMatchObject({ payloadType: 8, sequence: 0x10ba, dataType: DataType.Audio, timestamp: 1562085871501n, lastIFrameIntervalMs: null });
    expect(p.body.length).toBe(0x78);
  });

  it('encodes what it decodes, byte for byte', () => {
    for (const hex of [VIDEO_P, AUDIO]) expect(encodeMediaPacket(packet(hex).packet).toString('hex').toUpperCase()).toBe(hex.toUpperCase());
  });

  it('reads the 2019 layout (SIM in BCD[10]) from a stream, learning it from the first packet', () => {
    const base: Omit<MediaPacket, 'label1'> = { marker: false, payloadType: 98, sequence: 7, sim: '00000000013900001078', channel: 2, dataType: DataType.VideoI, fragment: Fragment.Atomic, timestamp: 5n, lastIFrameIntervalMs: 0, lastFrameIntervalMs: 40, body: Buffer.from('00000001650102', 'hex') };
    const bytes = Buffer.concat([encodeMediaPacket(base, 10), encodeMediaPacket({ ...base, sequence: 8 }, 10)]);
    const d = new MediaStreamDecoder();
    const events = [...d.push(bytes.subarray(0, 13)), ...d.push(bytes.subarray(13))];
    expect(events.map((e) => (e.kind === 'packet' ? [e.packet.sequence, e.packet.sim] : e.kind))).toEqual([[7, '00000000013900001078'], [8, '00000000013900001078']]);
  });

  it('skips garbage and a corrupt packet, reports each, and keeps the packets after them', () => {
    const good = Buffer.from(VIDEO_P, 'hex');
    const corrupt = Buffer.from(good);
    corrupt[15] = 0x70; // data type 7 does not exist
    const d = new MediaStreamDecoder();
    const events = d.push(Buffer.concat([good, Buffer.from('noise'), corrupt, good]));
    expect(events.map((e) => (e.kind === 'packet' ? 'packet' : e.reason))).toEqual(['packet', 'bad_magic', 'bad_data_type', 'packet']);
  });
});

describe('frame reassembly', () => {
  const frame = Buffer.alloc(2500, 7);
  const packets = (seqStart: number) =>
    fragmentsOf(frame).map((f, i) => decodeMediaPacket(encodeMediaPacket({ marker: false, payloadType: 98, sequence: seqStart + i, sim: '13900001078', channel: 1, dataType: DataType.VideoI, fragment: f.fragment, timestamp: 1n, lastIFrameIntervalMs: 0, lastFrameIntervalMs: 0, body: f.body }), 6));

  it('joins first, middle and last fragments into the frame', () => {
    const parts = packets(65534);
    expect(parts.map((p) => (p.kind === 'packet' ? p.packet.fragment : -1))).toEqual([Fragment.First, Fragment.Middle, Fragment.Last]);
    const a = new FrameAssembler();
    const out = parts.flatMap((p) => (p.kind === 'packet' ? a.push(p.packet) : []));
    expect(out).toHaveLength(1);
    expect(out[0].kind === 'frame' && out[0].frame.payload.equals(frame)).toBe(true);
  });

  it('drops a frame with a lost fragment, and the next frame still comes through', () => {
    const a = new FrameAssembler();
    const lost = packets(10).filter((_, i) => i !== 1);
    const next = packets(20);
    const out = [...lost, ...next].flatMap((p) => (p.kind === 'packet' ? a.push(p.packet) : []));
    expect(out.map((e) => (e.kind === 'frame' ? 'frame' : e.reason))).toEqual(['sequence_gap', 'frame']);
  });
});

describe('H.264 to FLV', () => {
  const sps = Buffer.from('6742c01e95a0a0fc80', 'hex');
  const pps = Buffer.from('68ce3c80', 'hex');
  const annexB = (...nals: Buffer[]) => Buffer.concat(nals.flatMap((n) => [Buffer.from([0, 0, 0, 1]), n]));

  it('builds the AVC decoder configuration from SPS and PPS', () => {
    const rec = avcDecoderConfiguration(sps, pps);
    expect(rec.subarray(0, 8).toString('hex')).toBe('0142c01effe10009');
    expect(rec.subarray(8 + sps.length).toString('hex')).toBe('010004' + pps.toString('hex'));
  });

  it('sends the sequence header first and no frame before the first keyframe', () => {
    const m = new H264FlvMuxer();
    expect(m.push(annexB(Buffer.from('41e1', 'hex')))).toEqual([]);
    const tags = m.push(annexB(sps, pps, Buffer.from('658884', 'hex')));
    expect(tags.map((t) => t.subarray(0, 2).toString('hex'))).toEqual(['1700', '1701']);
    expect(tags[1].subarray(5).toString('hex')).toBe('00000003658884');
    expect(m.push(annexB(Buffer.from('41e1', 'hex')))[0].subarray(0, 2).toString('hex')).toBe('2701');
  });

  it('splits Annex B with 3- and 4-byte start codes', () => {
    expect(splitAnnexB(Buffer.from('0000000167aa00000168bb000001650102', 'hex')).map((n) => n.toString('hex'))).toEqual(['67aa', '68bb', '650102']);
  });
});
