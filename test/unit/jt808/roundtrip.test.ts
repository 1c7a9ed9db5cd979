import { describe, it, expect } from 'vitest';
import { decodeFrame, encodeFrame } from '../../../ingest/jt808/codec/index.ts';
import { bodyCodecs } from './codecs.ts';
import { LENIENT_ONLY, REFUSED, content, vectors, wire } from './helpers.ts';

const strictVectors = vectors.map((v, i) => ({ v, i })).filter(({ i }) => i !== LENIENT_ONLY && i !== REFUSED);

describe('round trips', () => {
  it.each(strictVectors.map(({ v, i }) => [i, v] as const))('#%i whole frame: decode -> encode gives the wire bytes', (_i, v) => {
    const f = decodeFrame(content(v));
    const { bodyLength, ...header } = f.header;
    expect(bodyLength).toBe(f.body.length);
    expect(encodeFrame(header, f.body).toString('hex')).toBe(wire(v).toString('hex'));
  });

  it('#15 (bad checksum) re-encodes with a correct checksum and otherwise identical bytes', () => {
    const v = vectors[LENIENT_ONLY];
    const f = decodeFrame(content(v), { lenient: true });
    const { bodyLength: _len, ...header } = f.header;
    const again = encodeFrame(header, f.body);
    const g = decodeFrame(again.subarray(1, -1));
    expect(g.checksumOk).toBe(true);
    expect(g.header).toEqual(f.header);
    expect(g.body).toEqual(f.body);
    expect(again.subarray(0, -2)).toEqual(wire(v).subarray(0, -2));
  });

  const bodies = strictVectors.filter(({ v }) => {
    const f = decodeFrame(content(v));
    return !f.header.subpackage && bodyCodecs[f.header.msgId];
  });

  it('covers every message family present in the vectors', () => {
    const ids = new Set(bodies.map(({ v }) => decodeFrame(content(v)).header.msgId));
    expect([...ids].sort((a, b) => a - b)).toEqual([0x0001, 0x0100, 0x0102, 0x0200, 0x0704, 0x8100, 0x8103, 0x8300, 0x9101]);
  });

  it.each(bodies.map(({ v, i }) => [i, v] as const))('#%i body: decode -> encode is byte-exact and decode is stable', (_i, v) => {
    const { header, body } = decodeFrame(content(v));
    const codec = bodyCodecs[header.msgId];
    const decoded = codec.decode(body, header);
    const encoded = codec.encode(decoded, header);
    expect(encoded.toString('hex')).toBe(body.toString('hex'));
    expect(codec.decode(encoded, header)).toEqual(decoded);
  });

  it('merged 0x0104 body of #13/#14 round-trips', () => {
    const body = Buffer.concat([decodeFrame(content(vectors[13])).body, decodeFrame(content(vectors[14])).body]);
    const codec = bodyCodecs[0x0104];
    const decoded = codec.decode(body, decodeFrame(content(vectors[13])).header);
    expect(codec.encode(decoded, decodeFrame(content(vectors[13])).header)).toEqual(body);
  });
});
