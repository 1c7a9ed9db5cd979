import { describe, it, expect } from 'vitest';
import { FrameSplitter, Jt808DecodeError, decodeFrame } from '../../../ingest/jt808/codec/index.ts';
import { bodyCodecs } from './codecs.ts';
import { prng, randInt, randomBytes, randomChunks, vectors, wire } from './helpers.ts';

const ITERATIONS = 3000;

function mutate(buf: Buffer, rand: () => number): Buffer {
  const b = [...buf];
  const edits = randInt(rand, 1, 4);
  for (let n = 0; n < edits; n++) {
    const at = randInt(rand, 0, Math.max(0, b.length - 1));
    switch (randInt(rand, 0, 6)) {
      case 0:
        b[at] ^= 1 << randInt(rand, 0, 7);
        break;
      case 1:
        b.splice(at, 1);
        break;
      case 2:
        b.splice(at, 0, randInt(rand, 0, 255));
        break;
      case 3:
        b.splice(at, 0, rand() < 0.5 ? 0x7e : 0x7d);
        break;
      case 4:
        b.length = at;
        break;
      case 5:
        // Corrupt the length bits of the attributes.
        if (b.length > 4) b[3] = randInt(rand, 0, 255);
        break;
      default:
        b[at] = randInt(rand, 0, 255);
    }
  }
  return Buffer.from(b);
}

/** Runs the full receive path; anything but a Jt808DecodeError fails the test. */
function receive(splitter: FrameSplitter, chunks: Buffer[], stats: { ok: number; refused: number }): void {
  for (const chunk of chunks) {
    const frames = splitter.push(chunk);
    for (const f of frames) {
      for (const lenient of [false, true]) {
        try {
          const frame = decodeFrame(f, { lenient });
          const codec = bodyCodecs[frame.header.msgId];
          if (codec && !frame.header.subpackage) codec.decode(frame.body, frame.header);
          stats.ok++;
        } catch (err) {
          if (!(err instanceof Jt808DecodeError)) throw err;
          expect(typeof err.code).toBe('string');
          stats.refused++;
        }
      }
    }
  }
}

describe('fuzz (fixed seed)', () => {
  it(`survives ${ITERATIONS} mutated vectors and random streams`, () => {
    const rand = prng(0x808);
    const splitter = new FrameSplitter({ maxFrameBytes: 2048 });
    const stats = { ok: 0, refused: 0 };
    for (let n = 0; n < ITERATIONS; n++) {
      const v = wire(vectors[randInt(rand, 0, vectors.length - 1)]);
      const mode = n % 3;
      const data =
        mode === 0
          ? mutate(v, rand)
          : mode === 1
            ? randomBytes(rand, randInt(rand, 0, 300))
            : Buffer.concat([mutate(v, rand), randomBytes(rand, randInt(rand, 0, 20)), v]);
      receive(splitter, randomChunks(data, rand, 64), stats);
      expect(splitter.pendingBytes).toBeLessThanOrEqual(2048);
    }
    // Both paths were exercised.
    expect(stats.ok).toBeGreaterThan(500);
    expect(stats.refused).toBeGreaterThan(500);
  });

  it('body decoders only throw Jt808DecodeError on random bodies', () => {
    const rand = prng(42);
    for (let n = 0; n < ITERATIONS; n++) {
      const body = randomBytes(rand, randInt(rand, 0, 120));
      for (const [id, codec] of Object.entries(bodyCodecs)) {
        for (const is2019 of [false, true]) {
          const header = { msgId: Number(id), bodyLength: body.length, encryption: 0, subpackage: false, is2019, phone: '1', serial: 0 };
          try {
            codec.decode(body, header);
          } catch (err) {
            expect(err, `0x${Number(id).toString(16)}`).toBeInstanceOf(Jt808DecodeError);
          }
        }
      }
    }
  });

  it('the splitter never throws and stays bounded on a long stream of 7E/7D-heavy noise', () => {
    const rand = prng(5);
    const s = new FrameSplitter({ maxFrameBytes: 512 });
    for (let n = 0; n < ITERATIONS; n++) {
      const chunk = Buffer.from(randomBytes(rand, randInt(rand, 1, 200)).map((b) => (b < 8 ? 0x7e : b < 16 ? 0x7d : b)));
      for (const f of s.push(chunk)) {
        expect(f.length).toBeGreaterThan(0);
        expect(f.length).toBeLessThanOrEqual(512);
        expect(f.includes(0x7e)).toBe(false);
      }
      expect(s.pendingBytes).toBeLessThanOrEqual(512);
    }
  });
});
