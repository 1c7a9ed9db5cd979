import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  FrameSplitter,
  FrameStreamDecoder,
  Jt808DecodeError,
  decodeAuthenticate,
  decodeFrame,
  decodeLocation,
  encodeLocation,
  MsgId,
} from '../../../ingest/jt808/codec/index.ts';
import type { Jt808Frame, Jt808Quirk } from '../../../ingest/jt808/codec/index.ts';
import { LENIENT_ONLY, REFUSED, fmtUtc8, hexId, vectors, wire as wireOfVector } from './helpers.ts';
import { pieceJoiningWith, quirkyWire, wireOf, with7eInBody, withChecksum, type FrameSpec } from './quirky-frames.ts';

interface QuirkFrame {
  source: string;
  url: string;
  hex: string;
  quirks: Jt808Quirk[];
  expect: Record<string, any>;
  note: string;
}

const publicFrames: QuirkFrame[] = JSON.parse(readFileSync(new URL('../../fixtures/jt808/quirk-frames.json', import.meta.url), 'utf8'));

interface Decoded {
  frames: Array<{ frame: Jt808Frame; quirks: readonly Jt808Quirk[] }>;
  malformed: string[];
}

/** The whole receive path of one connection: splitter, then the stream decoder; the stream ends after `wire`. */
function receive(wire: Buffer | Buffer[], opts: { lenient?: boolean; acceptQuirks?: boolean } = {}): Decoded {
  const out: Decoded = { frames: [], malformed: [] };
  const decoder = new FrameStreamDecoder({
    lenient: opts.lenient ?? false,
    acceptQuirks: opts.acceptQuirks ?? true,
    onMalformed: (_piece, err) => void out.malformed.push((err as Jt808DecodeError).code),
  });
  const splitter = new FrameSplitter();
  for (const chunk of Array.isArray(wire) ? wire : [wire]) {
    for (const piece of splitter.push(chunk)) {
      const frame = decoder.push(piece);
      if (frame) out.frames.push({ frame, quirks: decoder.quirks });
    }
  }
  decoder.flush();
  return out;
}

function decodeRefusal(wire: Buffer): string {
  try {
    decodeFrame(wire.subarray(1, wire.length - 1));
  } catch (err) {
    expect(err).toBeInstanceOf(Jt808DecodeError);
    return (err as Jt808DecodeError).code;
  }
  throw new Error('decodeFrame took the frame');
}

const location = encodeLocation({ alarm: 0, status: 3, rawLat: 32_041_234, rawLon: 118_781_234, altitude: 12, rawSpeed: 600, direction: 90, time: new Date('2026-11-23T08:00:00Z') });

const spec2013 = (msgId: number, body: Buffer, serial = 7, phone = '013800000001'): FrameSpec => ({
  header: { msgId, encryption: 0, subpackage: false, is2019: false, phone, serial },
  body,
});
const spec2019 = (msgId: number, body: Buffer, serial = 7): FrameSpec => ({
  header: { msgId, encryption: 0, subpackage: false, is2019: true, protocolVersion: 1, phone: '00000000013800000001', serial },
  body,
});
const heartbeat = (serial: number) => wireOf(spec2013(MsgId.Heartbeat, Buffer.alloc(0), serial));

function expectFrame(got: { frame: Jt808Frame; quirks: readonly Jt808Quirk[] }, spec: FrameSpec, quirks: Jt808Quirk[]) {
  expect(got.quirks).toEqual(quirks);
  expect(got.frame.header).toEqual({ ...spec.header, bodyLength: spec.body.length });
  expect(got.frame.body).toEqual(spec.body);
  expect(got.frame.checksumOk).toBe(true);
}

describe('JT/T 808 terminal quirks: version flag on a 2013 header', () => {
  const spec = spec2013(MsgId.Location, location);

  it('is refused by decodeFrame, and taken by the stream decoder as the 2013 frame it is', () => {
    const wire = quirkyWire(spec, 'version_flag_on_2013');
    expect(decodeRefusal(wire)).toBe('body_length');
    const { frames, malformed } = receive(wire);
    expect(malformed).toEqual([]);
    expect(frames).toHaveLength(1);
    expectFrame(frames[0], spec, ['version_flag_on_2013']);
  });

  it('is taken also when the frame is shorter than a 2019 header (heartbeat) and when sub-packaged', () => {
    const beat = spec2013(MsgId.Heartbeat, Buffer.alloc(0));
    expect(decodeRefusal(quirkyWire(beat, 'version_flag_on_2013'))).toBe('too_short');
    const part: FrameSpec = { header: { ...spec.header, msgId: MsgId.MediaUpload, subpackage: true, packageTotal: 3, packageIndex: 2 }, body: Buffer.alloc(40, 0x11) };
    const { frames } = receive([quirkyWire(beat, 'version_flag_on_2013'), quirkyWire(part, 'version_flag_on_2013')]);
    expectFrame(frames[0], beat, ['version_flag_on_2013']);
    expectFrame(frames[1], part, ['version_flag_on_2013']);
  });

  it('leaves a genuine 2019 frame alone', () => {
    const spec19 = spec2019(MsgId.Location, location);
    const { frames } = receive(wireOf(spec19));
    expectFrame(frames[0], spec19, []);
  });

  it('still refuses a body length that fits neither layout, and a wrong checksum unless lenient', () => {
    const lying = Buffer.from(quirkyWire(spec, 'version_flag_on_2013'));
    lying[4] += 1; // body length 28 → 29: no layout fits (checksum fixed below)
    lying[lying.length - 2] ^= 1;
    expect(receive(lying)).toEqual({ frames: [], malformed: ['body_length'] });

    const badSum = Buffer.from(quirkyWire(spec, 'version_flag_on_2013'));
    badSum[badSum.length - 2] ^= 0xff;
    expect(receive(badSum)).toEqual({ frames: [], malformed: ['checksum'] });
    const lenient = receive(badSum, { lenient: true });
    expect(lenient.frames[0].quirks).toEqual(['version_flag_on_2013']);
    expect(lenient.frames[0].frame.checksumOk).toBe(false);
  });
});

describe('JT/T 808 terminal quirks: checksum 0x7D sent unescaped', () => {
  const spec = withChecksum(spec2013(MsgId.Location, location), 0x7d);

  it('is a dangling 7D to decodeFrame, and taken by the stream decoder', () => {
    const wire = quirkyWire(spec, 'checksum_7d_unescaped');
    expect(wire.subarray(-2).toString('hex')).toBe('7d7e');
    expect(decodeRefusal(wire)).toBe('bad_escape');
    const { frames, malformed } = receive(wire);
    expect(malformed).toEqual([]);
    expectFrame(frames[0], spec, ['checksum_7d_unescaped']);
  });

  it('still refuses a lone 7D that is not the checksum, unless lenient', () => {
    const notTheSum = Buffer.from(quirkyWire(spec, 'checksum_7d_unescaped'));
    notTheSum[notTheSum.length - 3] ^= 1; // last body byte changed: the checksum no longer matches
    expect(receive(notTheSum)).toEqual({ frames: [], malformed: ['bad_escape'] });
    expect(receive(notTheSum, { lenient: true }).frames[0].frame.checksumOk).toBe(false);
  });

  it('refuses 7D 7D and other bad escapes before the delimiter', () => {
    const wire = quirkyWire(spec, 'checksum_7d_unescaped');
    const doubled = Buffer.concat([wire.subarray(0, -1), Buffer.from([0x7d, 0x7e])]);
    const invalid = Buffer.concat([wire.subarray(0, -2), Buffer.from([0x7d, 0x03, 0x7e])]);
    expect(receive(doubled).malformed).toEqual(['bad_escape']);
    expect(receive(invalid).malformed).toEqual(['bad_escape']);
  });

  it('combines with the version flag quirk', () => {
    const both = withChecksum(spec2013(MsgId.Location, location), 0x7d ^ 0x40);
    const wire = quirkyWire(both, 'version_flag_on_2013');
    expect(wire.subarray(-3).toString('hex')).toBe('7d017e');
    const unescapedSum = Buffer.concat([wire.subarray(0, -2), wire.subarray(-1)]);
    const { frames } = receive(unescapedSum);
    expectFrame(frames[0], both, ['checksum_7d_unescaped', 'version_flag_on_2013']);
  });
});

describe('JT/T 808 terminal quirks: unescaped 7E inside a frame', () => {
  const spec = with7eInBody(spec2013(MsgId.Location, location), 9);

  it('splits the frame in two pieces that neither decode; their join is taken', () => {
    const wire = quirkyWire(spec, 'unescaped_7e', 9);
    const pieces = new FrameSplitter().push(wire);
    expect(pieces).toHaveLength(2);
    for (const p of pieces) expect(() => decodeFrame(p)).toThrow(Jt808DecodeError);
    const { frames, malformed } = receive(wire);
    expect(malformed).toEqual([]);
    expectFrame(frames[0], spec, ['unescaped_7e']);
  });

  it('joins pieces that arrive in separate chunks, and the frame after the join is decoded', () => {
    const wire = quirkyWire(spec, 'unescaped_7e', 9);
    const at = wire.indexOf(0x7e, 1) + 1;
    const { frames, malformed } = receive([wire.subarray(0, at), wire.subarray(at), heartbeat(8)]);
    expect(malformed).toEqual([]);
    expect(frames.map((f) => [f.frame.header.serial, f.quirks])).toEqual([[7, ['unescaped_7e']], [8, []]]);
  });

  it('never joins a failed piece with a frame that decodes on its own', () => {
    const broken = quirkyWire(spec, 'unescaped_7e', 9).subarray(0, 20);
    const { frames, malformed } = receive(Buffer.concat([broken, heartbeat(8)]));
    expect(frames.map((f) => f.frame.header.serial)).toEqual([8]);
    expect(malformed).toEqual(['checksum']);
  });

  it('takes the frame after a failed piece as it is, even when the two joined would also pass', () => {
    const next = spec2013(MsgId.Heartbeat, Buffer.alloc(0), 8);
    const piece = pieceJoiningWith(next, Buffer.from('0102', 'hex'), spec2013(MsgId.Location, location).header);
    const wire = Buffer.concat([piece, wireOf(next)]);
    const [first, second] = new FrameSplitter().push(wire);
    expect(decodeFrame(Buffer.concat([first, Buffer.from([0x7d, 0x02]), second])).header.msgId).toBe(MsgId.Location);
    const { frames, malformed } = receive(wire);
    expect(frames.map((f) => [f.frame.header.msgId, f.frame.header.serial, f.quirks])).toEqual([[MsgId.Heartbeat, 8, []]]);
    expect(malformed).toEqual(['checksum']);
  });

  it('reports both pieces when their join fails, and still decodes the frame after them', () => {
    const wire = Buffer.from(quirkyWire(spec, 'unescaped_7e', 9));
    wire[30] ^= 0x01; // the second piece: the join's checksum no longer matches
    const { frames, malformed } = receive(Buffer.concat([wire, heartbeat(8)]));
    expect(frames.map((f) => f.frame.header.serial)).toEqual([8]);
    expect(malformed).toHaveLength(2);
  });

  it('takes a join only when its checksum matches, also with lenient checksums', () => {
    const wire = Buffer.from(quirkyWire(spec, 'unescaped_7e', 9));
    wire[wire.length - 2] ^= 0xff;
    expect(receive(wire, { lenient: true }).frames).toEqual([]);
  });

  it('reports a failed piece held at the end of the stream when it ends', () => {
    const decoder = new FrameStreamDecoder({ lenient: false, acceptQuirks: true, onMalformed: (_p, err) => void reported.push(err) });
    const reported: unknown[] = [];
    expect(decoder.push(Buffer.from('0002000001', 'hex'))).toBeNull();
    expect(reported).toEqual([]);
    decoder.flush();
    expect(reported).toHaveLength(1);
  });
});

describe('JT/T 808 terminal quirks refused when strict (acceptQuirks false)', () => {
  it('refuses each quirk with the error decodeFrame gives, and decodes the frames after it', () => {
    const sum7d = withChecksum(spec2013(MsgId.Location, location), 0x7d);
    const with7e = with7eInBody(spec2013(MsgId.Location, location), 9);
    const wire = Buffer.concat([
      quirkyWire(spec2013(MsgId.Location, location), 'version_flag_on_2013'),
      heartbeat(1),
      quirkyWire(sum7d, 'checksum_7d_unescaped'),
      heartbeat(2),
      quirkyWire(with7e, 'unescaped_7e', 9),
      heartbeat(3),
    ]);
    const { frames, malformed } = receive(wire, { acceptQuirks: false });
    expect(frames.map((f) => [f.frame.header.serial, f.quirks])).toEqual([[1, []], [2, []], [3, []]]);
    expect(malformed).toEqual(['body_length', 'bad_escape', 'checksum', 'checksum']);
  });
});

describe('JT/T 808 corpus vectors through the stream decoder', () => {
  it('decode as decodeFrame decodes them, none taken as a quirk; the two checksum failures stay refused unless lenient', () => {
    const all = Buffer.concat(vectors.map(wireOfVector));
    for (const lenient of [false, true]) {
      const { frames, malformed } = receive(all, { lenient });
      const refused = lenient ? [] : [LENIENT_ONLY, REFUSED];
      const expected = vectors.flatMap((v, i) => (refused.includes(i) ? [] : [decodeFrame(wireOfVector(v).subarray(1, -1), { lenient })]));
      expect(frames.map((f) => f.frame)).toEqual(expected);
      expect(frames.every((f) => f.quirks.length === 0)).toBe(true);
      expect(malformed).toEqual(refused.map(() => 'checksum'));
    }
  });
});

describe('JT/T 808 terminal quirks in public frames (test/fixtures/jt808/quirk-frames.json)', () => {
  it('holds a frame of each quirk, each with its source', () => {
    expect(new Set(publicFrames.flatMap((f) => f.quirks))).toEqual(new Set(['version_flag_on_2013', 'checksum_7d_unescaped', 'unescaped_7e']));
    for (const f of publicFrames) expect(f.url).toMatch(/^https:\/\/github\.com\/[^/]+\/[^/]+\//);
  });

  for (const f of publicFrames) {
    it(`${f.quirks.join('+')}: ${f.source.slice(0, 80)}`, () => {
      const wire = Buffer.from(f.hex, 'hex');
      const strict = receive(wire, { acceptQuirks: false });
      expect(strict.frames).toEqual([]);
      const { frames, malformed } = receive(Buffer.concat([wire, heartbeat(9)]));
      expect(malformed).toEqual([]);
      expect(frames).toHaveLength(2);
      expect(frames[1].frame.header.serial).toBe(9);
      const { frame, quirks } = frames[0];
      expect(quirks).toEqual(f.quirks);
      const e = f.expect;
      expect(frame.header).toMatchObject({ msgId: hexId(e.msg_id), is2019: false, phone: e.phone, serial: e.serial, bodyLength: e.body_len });
      expect(frame.body).toHaveLength(e.body_len);
      expect(frame.checksumOk).toBe(true);
      if (frame.header.msgId === MsgId.Authenticate) expect(decodeAuthenticate(frame.body, frame.header).authCode).toBe(e.auth_code);
      if (frame.header.msgId === MsgId.Location) {
        const loc = decodeLocation(frame.body);
        expect({ alarm: loc.alarm, status: loc.status, lat: loc.rawLat, lon: loc.rawLon, altitude: loc.altitude, speed: loc.rawSpeed, direction: loc.direction }).toEqual({
          alarm: e.alarm, status: e.status, lat: e.lat, lon: e.lon, altitude: e.altitude, speed: e.speed, direction: e.direction,
        });
        expect(fmtUtc8(loc.time!)).toBe(e.time);
      }
    });
  }
});
