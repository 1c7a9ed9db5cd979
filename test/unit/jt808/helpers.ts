import { readFileSync } from 'node:fs';

export interface Vector {
  source: string;
  hex: string;
  expect: Record<string, any>;
  note: string;
  check: Record<string, any>;
}

export const vectors: Vector[] = JSON.parse(
  readFileSync(new URL('../../fixtures/jt808/vectors.json', import.meta.url), 'utf8'),
);

/** Indexes of the deliberate checksum failures. */
export const LENIENT_ONLY = 15;
export const REFUSED = 23;

export function wire(v: Vector): Buffer {
  return Buffer.from(v.hex, 'hex');
}

/** Escaped content between the delimiters, as the splitter yields it. */
export function content(v: Vector | string): Buffer {
  const b = Buffer.from(typeof v === 'string' ? v : v.hex, 'hex');
  return b.subarray(1, b.length - 1);
}

/** 'YYYY-MM-DD hh:mm:ss' in UTC+8. */
export function fmtUtc8(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** Vectors state times either formatted or as the raw BCD digits. */
export function normalizeTimeText(s: string): string {
  const m = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(s);
  return m ? `20${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6]}` : s;
}

export function hexId(s: string | number): number {
  return typeof s === 'number' ? s : parseInt(s, 16);
}

/** Deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randInt(rand: () => number, lo: number, hi: number): number {
  return lo + Math.floor(rand() * (hi - lo + 1));
}

export function randomBytes(rand: () => number, n: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = Math.floor(rand() * 256);
  return b;
}

/** Cuts `buf` into chunks of random size 1..maxChunk. */
export function randomChunks(buf: Buffer, rand: () => number, maxChunk: number): Buffer[] {
  const out: Buffer[] = [];
  let o = 0;
  while (o < buf.length) {
    const n = randInt(rand, 1, maxChunk);
    out.push(buf.subarray(o, o + n));
    o += n;
  }
  return out;
}
