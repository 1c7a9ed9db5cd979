import { describe, it, expect } from 'vitest';
import { FrameSplitter, Jt808DecodeError, decodeFrame } from '../../../ingest/jt808/codec/index.ts';
import { content, prng, randomChunks, vectors, wire } from './helpers.ts';

const all = Buffer.concat(vectors.map(wire));
const expected = vectors.map((v) => content(v).toString('hex'));

function feed(splitter: FrameSplitter, chunks: Buffer[]): string[] {
  return chunks.flatMap((c) => splitter.push(c)).map((f) => f.toString('hex'));
}

describe('FrameSplitter', () => {
  it('yields every vector when fed byte by byte', () => {
    const s = new FrameSplitter();
    const chunks = [...all].map((b) => Buffer.from([b]));
    expect(feed(s, chunks)).toEqual(expected);
    expect(s.droppedBytes).toBe(0);
    expect(s.pendingBytes).toBe(0);
  });

  it('yields every vector from a single chunk', () => {
    const s = new FrameSplitter();
    expect(feed(s, [all])).toEqual(expected);
  });

  it.each([1, 2, 3, 42, 1234])('yields every vector for random chunk sizes (seed %i)', (seed) => {
    const rand = prng(seed);
    const s = new FrameSplitter();
    expect(feed(s, randomChunks(all, rand, 97))).toEqual(expected);
    expect(s.droppedBytes).toBe(0);
  });

  it('handles a shared delimiter between frames and skips empty frames', () => {
    const shared = Buffer.concat([
      Buffer.from([0x7e, 0x7e]),
      ...vectors.map((v) => Buffer.concat([content(v), Buffer.from([0x7e])])),
      Buffer.from([0x7e, 0x7e, 0x7e]),
    ]);
    const s = new FrameSplitter();
    expect(feed(s, [shared])).toEqual(expected);
  });

  it('drops and counts garbage before the first 7E', () => {
    const garbage = Buffer.from('GET / HTTP/1.1\r\n\r\n');
    const s = new FrameSplitter();
    expect(feed(s, [garbage, wire(vectors[0])])).toEqual([expected[0]]);
    expect(s.droppedBytes).toBe(garbage.length);
  });

  it('keeps decoding after garbage and broken frames between valid ones', () => {
    const rand = prng(99);
    const parts: Buffer[] = [];
    vectors.forEach((v, i) => {
      parts.push(wire(v));
      // Junk of every kind: plain bytes, a stray 7D, half a frame with its own 7E.
      if (i % 3 === 0) parts.push(Buffer.from('junk\x7d\x03', 'latin1'));
      if (i % 3 === 1) parts.push(Buffer.from([0x7e, 0x01, 0x02, 0x7d]));
      if (i % 3 === 2) parts.push(wire(vectors[(i + 5) % 30]).subarray(0, 9));
    });
    const s = new FrameSplitter();
    const frames = randomChunks(Buffer.concat(parts), rand, 50).flatMap((c) => s.push(c));
    const decoded: string[] = [];
    for (const f of frames) {
      try {
        decoded.push(decodeFrame(f, { lenient: true }).body.toString('hex'));
      } catch (err) {
        expect(err).toBeInstanceOf(Jt808DecodeError);
      }
    }
    // Every vector still comes through, in order (lenient, so #15 and #23 included).
    const want = vectors.map((v) => decodeFrame(content(v), { lenient: true }).body.toString('hex'));
    expect(decoded.filter((b) => want.includes(b))).toEqual(want);
    expect(frames.length).toBeGreaterThan(vectors.length);
  });

  it('bounds the pending buffer when no closing 7E arrives, then recovers', () => {
    const s = new FrameSplitter({ maxFrameBytes: 100 });
    const noise = Buffer.alloc(10_000, 0x55);
    const out: Buffer[] = [];
    out.push(...s.push(Buffer.from([0x7e])));
    for (let o = 0; o < noise.length; o += 7) {
      out.push(...s.push(noise.subarray(o, o + 7)));
      expect(s.pendingBytes).toBeLessThanOrEqual(100);
    }
    expect(out).toEqual([]);
    expect(s.oversizeFrames).toBe(1);
    expect(s.droppedBytes).toBe(noise.length);
    // The 7E that ends the noise and the next frame are handled normally.
    expect(feed(s, [wire(vectors[7]), wire(vectors[9])])).toEqual([expected[7], expected[9]]);
    expect(s.oversizeFrames).toBe(1);
  });

  it('accepts a frame of exactly maxFrameBytes and drops one byte more', () => {
    const frame = content(vectors[7]);
    const exact = new FrameSplitter({ maxFrameBytes: frame.length });
    expect(feed(exact, [wire(vectors[7])])).toEqual([expected[7]]);
    const smaller = new FrameSplitter({ maxFrameBytes: frame.length - 1 });
    expect(feed(smaller, [wire(vectors[7]), wire(vectors[6])])).toEqual([expected[6]]);
    expect(smaller.oversizeFrames).toBe(1);
    expect(smaller.droppedBytes).toBe(frame.length);
  });

  it('defaults to 4096 escaped bytes', () => {
    const s = new FrameSplitter();
    expect(s.maxFrameBytes).toBe(4096);
    s.push(Buffer.concat([Buffer.from([0x7e]), Buffer.alloc(4096, 1)]));
    expect(s.oversizeFrames).toBe(0);
    s.push(Buffer.from([1]));
    expect(s.oversizeFrames).toBe(1);
    expect(s.pendingBytes).toBe(0);
  });

  it('returns copies that later pushes cannot alter', () => {
    const s = new FrameSplitter();
    const chunk = Buffer.from(wire(vectors[7]));
    const [frame] = s.push(chunk);
    chunk.fill(0);
    expect(frame.toString('hex')).toBe(expected[7]);
  });

  it('ignores empty and non-buffer input without throwing', () => {
    const s = new FrameSplitter();
    expect(s.push(Buffer.alloc(0))).toEqual([]);
    expect(s.push(undefined as unknown as Buffer)).toEqual([]);
    expect(s.push('7e00' as unknown as Buffer)).toEqual([]);
    expect(s.push(new Uint8Array(wire(vectors[7])) as Buffer).map((f) => f.toString('hex'))).toEqual([expected[7]]);
  });

  it('reset() forgets a partial frame', () => {
    const s = new FrameSplitter();
    s.push(wire(vectors[7]).subarray(0, 10));
    s.reset();
    expect(s.droppedBytes).toBe(9);
    expect(feed(s, [wire(vectors[7]).subarray(10), wire(vectors[9])])).toEqual([expected[9]]);
  });
});
