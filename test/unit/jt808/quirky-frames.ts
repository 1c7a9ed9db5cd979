import { checksum, encodeFrame, encodeHeader, escape, headerLengthFor, unescape } from '../../../ingest/jt808/codec/index.ts';
import type { Jt808Header, Jt808Quirk } from '../../../ingest/jt808/codec/index.ts';

/** A frame to build: header without bodyLength (taken from the body), and the body. */
export interface FrameSpec {
  header: Omit<Jt808Header, 'bodyLength'>;
  body: Buffer;
}

const FLAG = Buffer.from([0x7e]);

export function wireOf(spec: FrameSpec): Buffer {
  return encodeFrame(spec.header, spec.body);
}

/** Header, body and checksum, unescaped. */
function contentOf(spec: FrameSpec): Buffer {
  const w = wireOf(spec);
  return unescape(w.subarray(1, w.length - 1));
}

function delimited(...escapedParts: Buffer[]): Buffer {
  return Buffer.concat([FLAG, ...escapedParts, FLAG]);
}

/** The same frame with the low byte of its serial chosen so that its checksum is `value`. */
export function withChecksum(spec: FrameSpec, value: number): FrameSpec {
  const current = contentOf(spec).at(-1)!;
  return { ...spec, header: { ...spec.header, serial: spec.header.serial ^ (current ^ value) } };
}

/** The frame with body byte `at` set to 0x7E. */
export function with7eInBody(spec: FrameSpec, at: number): FrameSpec {
  const body = Buffer.from(spec.body);
  body[at] = 0x7e;
  return { ...spec, body };
}

/**
 * The wire bytes of `spec` as a terminal with `quirk` sends them:
 * - version_flag_on_2013: a 2013 frame with attribute bit 14 set (checksum over what is sent);
 * - checksum_7d_unescaped: a frame whose checksum is 0x7D (see withChecksum), that byte sent unescaped;
 * - unescaped_7e: a frame with 0x7E at body byte `at` (see with7eInBody), that byte sent unescaped.
 */
export function quirkyWire(spec: FrameSpec, quirk: Jt808Quirk, at = 0): Buffer {
  const content = contentOf(spec);
  switch (quirk) {
    case 'version_flag_on_2013': {
      if (spec.header.is2019) throw new Error('the version flag quirk is a 2013 header');
      content[2] |= 0x40;
      content[content.length - 1] = checksum(content.subarray(0, content.length - 1));
      return delimited(escape(content));
    }
    case 'checksum_7d_unescaped': {
      if (content.at(-1) !== 0x7d) throw new Error('the frame must have checksum 0x7D: use withChecksum');
      return delimited(escape(content.subarray(0, content.length - 1)), Buffer.from([0x7d]));
    }
    case 'unescaped_7e': {
      const p = headerLengthFor(spec.header.is2019, spec.header.subpackage) + at;
      if (content[p] !== 0x7e) throw new Error('body byte `at` must be 0x7E: use with7eInBody');
      return delimited(escape(content.subarray(0, p)), FLAG, escape(content.subarray(p + 1)));
    }
  }
}

/**
 * The opening 7E and a piece that the stream cannot tell from the first half of a frame with an unescaped 7E whose
 * second half is `next`: joined across the 7E that opens `next`, they pass length and checksum. Only `next` read on
 * its own is right, since `next` decodes on its own. `prefix` (at least 1 byte) is the start of the would-be body.
 */
export function pieceJoiningWith(next: FrameSpec, prefix: Buffer, header: Omit<Jt808Header, 'bodyLength'>): Buffer {
  const nextContent = contentOf(next);
  const head = encodeHeader({ ...header, subpackage: false, is2019: false, bodyLength: prefix.length + nextContent.length });
  const start = Buffer.concat([head, prefix]);
  // The would-be checksum is next's own; next's bytes XOR to 0, so the joined frame checks when head, prefix and
  // the restored 7E XOR to 0 too.
  start[start.length - 1] ^= checksum(start) ^ 0x7e;
  return Buffer.concat([FLAG, escape(start)]);
}
