import { describe, expect, it } from 'vitest';
import { FrameSplitter, FrameStreamDecoder, Jt808DecodeError } from '../../../ingest/jt808/codec/index.ts';
import type { Jt808Frame, Jt808Quirk } from '../../../ingest/jt808/codec/index.ts';
import { prng, randInt, randomBytes, randomChunks } from './helpers.ts';
import { pieceJoiningWith, quirkyWire, wireOf, with7eInBody, withChecksum, type FrameSpec } from './quirky-frames.ts';

const ITERATIONS = 3000;
const QUIRKS: Jt808Quirk[] = ['version_flag_on_2013', 'checksum_7d_unescaped', 'unescaped_7e'];

/** A random valid frame: either edition, sometimes sub-packaged, a body rich in 7E and 7D. */
function randomSpec(rand: () => number, is2019 = rand() < 0.5): FrameSpec {
  const digits = Array.from({ length: is2019 ? 20 : 12 }, () => randInt(rand, 0, 9)).join('');
  const subpackage = rand() < 0.2;
  const total = randInt(rand, 1, 50);
  const body = randomBytes(rand, randInt(rand, 0, rand() < 0.1 ? 1023 : 120)).map((b) => (b < 12 ? 0x7e : b < 24 ? 0x7d : b));
  return {
    header: {
      msgId: randInt(rand, 0, 0xffff),
      encryption: 0,
      subpackage,
      is2019,
      ...(is2019 ? { protocolVersion: randInt(rand, 0, 255) } : {}),
      phone: digits,
      serial: randInt(rand, 0, 0xffff),
      ...(subpackage ? { packageTotal: total, packageIndex: randInt(rand, 1, total) } : {}),
    },
    body: Buffer.from(body),
  };
}

/** The frame as a terminal with `quirk` sends it (the spec is adjusted to carry the byte the quirk is about). */
function corrupt(rand: () => number, quirk: Jt808Quirk): { spec: FrameSpec; wire: Buffer } {
  switch (quirk) {
    case 'version_flag_on_2013': {
      const spec = randomSpec(rand, false);
      return { spec, wire: quirkyWire(spec, quirk) };
    }
    case 'checksum_7d_unescaped': {
      const spec = withChecksum(randomSpec(rand), 0x7d);
      return { spec, wire: quirkyWire(spec, quirk) };
    }
    case 'unescaped_7e': {
      let spec = randomSpec(rand);
      while (spec.body.length === 0) spec = randomSpec(rand);
      const at = randInt(rand, 0, spec.body.length - 1);
      spec = with7eInBody(spec, at);
      return { spec, wire: quirkyWire(spec, quirk, at) };
    }
  }
}

/** Any damage a link or a firmware does to one frame's bytes, including the three quirks. */
function damage(rand: () => number, wire: Buffer): Buffer {
  const b = [...wire];
  for (let n = randInt(rand, 1, 3); n > 0; n--) {
    const at = randInt(rand, 0, Math.max(0, b.length - 1));
    switch (randInt(rand, 0, 6)) {
      case 0:
        b[at] ^= 1 << randInt(rand, 0, 7);
        break;
      case 1:
        b.length = at;
        break;
      case 2:
        b.splice(at, 0, ...randomBytes(rand, randInt(rand, 1, 4)));
        break;
      case 3:
        b.splice(at, 0, rand() < 0.5 ? 0x7e : 0x7d);
        break;
      case 4:
        b.splice(at, randInt(rand, 1, 4));
        break;
      case 5:
        if (b.length > 3) b[3] ^= 0x40; // the version flag
        break;
      default:
        b[at] = rand() < 0.5 ? 0x7e : 0x7d;
    }
  }
  return Buffer.from(b);
}

interface Received {
  frame: Jt808Frame;
  quirks: readonly Jt808Quirk[];
}

function receive(wire: Buffer, rand: () => number, opts: { lenient: boolean; acceptQuirks: boolean }): Received[] {
  const out: Received[] = [];
  const splitter = new FrameSplitter();
  const decoder = new FrameStreamDecoder({
    ...opts,
    onMalformed: (_piece, err) => {
      if (!(err instanceof Jt808DecodeError)) throw err;
    },
  });
  for (const chunk of randomChunks(wire, rand, 64)) {
    for (const piece of splitter.push(chunk)) {
      const frame = decoder.push(piece);
      if (frame) out.push({ frame, quirks: decoder.quirks });
    }
  }
  decoder.flush();
  return out;
}

function expectSame(got: Received | undefined, spec: FrameSpec): void {
  expect(got).toBeDefined();
  expect(got!.frame.header).toEqual({ ...spec.header, bodyLength: spec.body.length });
  expect(got!.frame.body).toEqual(spec.body);
}

describe('JT/T 808 quirks: property (fixed seed)', () => {
  it(`recovers ${ITERATIONS} random frames each sent with one quirk, and the valid frame after each`, () => {
    const rand = prng(0x11);
    const seen = new Map<Jt808Quirk, number>();
    for (let n = 0; n < ITERATIONS; n++) {
      const quirk = QUIRKS[n % 3];
      const { spec, wire } = corrupt(rand, quirk);
      const next = randomSpec(rand);
      const got = receive(Buffer.concat([wire, wireOf(next)]), rand, { lenient: false, acceptQuirks: true });
      expect(got, `iteration ${n} (${quirk})`).toHaveLength(2);
      expectSame(got[0], spec);
      expect(got[0].quirks).toEqual([quirk]);
      expectSame(got[1], next);
      expect(got[1].quirks).toEqual([]);
      seen.set(quirk, (seen.get(quirk) ?? 0) + 1);
    }
    expect([...seen.values()]).toEqual([ITERATIONS / 3, ITERATIONS / 3, ITERATIONS / 3]);
  });

  it('refuses every quirk when strict, and still decodes the valid frame after it', () => {
    const rand = prng(0x12);
    for (let n = 0; n < ITERATIONS; n++) {
      const { wire } = corrupt(rand, QUIRKS[n % 3]);
      const next = randomSpec(rand);
      const got = receive(Buffer.concat([wire, wireOf(next)]), rand, { lenient: false, acceptQuirks: false });
      expect(got.every((g) => g.quirks.length === 0)).toBe(true);
      expectSame(got.at(-1), next);
    }
  });

  for (const opts of [
    { lenient: false, acceptQuirks: true },
    { lenient: true, acceptQuirks: true },
    { lenient: false, acceptQuirks: false },
    { lenient: true, acceptQuirks: false },
  ]) {
    it(`no damage of any kind loses the valid frames around it (lenient ${opts.lenient}, quirks ${opts.acceptQuirks ? 'taken' : 'refused'})`, () => {
      const rand = prng(0x13);
      let refusedOrChanged = 0;
      for (let n = 0; n < ITERATIONS; n++) {
        const before = randomSpec(rand);
        const after = randomSpec(rand);
        const kind = rand();
        // Also a broken piece that would pass joined with the frame after it: only that frame on its own is right.
        const damaged =
          kind < 0.1 && after.body.length < 900
            ? pieceJoiningWith(after, randomBytes(rand, randInt(rand, 1, 40)), randomSpec(rand, false).header)
            : damage(rand, kind < 0.4 ? corrupt(rand, QUIRKS[randInt(rand, 0, 2)]).wire : wireOf(randomSpec(rand)));
        const got = receive(Buffer.concat([wireOf(before), damaged, wireOf(after)]), rand, opts);
        expectSame(got[0], before);
        expectSame(got.at(-1), after);
        if (got.length !== 3) refusedOrChanged++;
      }
      // The damage really broke frames, so the frames around them were tested against broken neighbours.
      expect(refusedOrChanged).toBeGreaterThan(ITERATIONS / 2);
    });
  }
});
