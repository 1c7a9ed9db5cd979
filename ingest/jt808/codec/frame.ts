import { Jt808DecodeError } from './errors.ts';
import { checksum, escape, unescapedLength, unescapedXor, unescapeXor } from './escape.ts';
import { encodeHeader, headerLengthFor, MAX_BODY_LENGTH, readHeader } from './header.ts';
import type { Jt808Header } from './header.ts';

export { normalizePhone } from './phone.ts';

export interface Jt808Frame {
  header: Jt808Header;
  body: Buffer;
  checksumOk: boolean;
}

export interface DecodeFrameOptions {
  /** Accept checksum mismatches (checksumOk=false) instead of throwing. */
  lenient?: boolean;
}

const MIN_FRAME = 12 + 1;

/** `escaped` is the content between the 7E delimiters, as FrameSplitter yields it. */
export function decodeFrame(escaped: Buffer, opts?: DecodeFrameOptions): Jt808Frame {
  const raw = unescapeXor(escaped);
  return checkedFrame(raw, unescapedLength, unescapedXor, opts?.lenient === true, false);
}

/**
 * The checks and parsing of decodeFrame on an unescaped frame: `raw` (fresh, may be longer than `rawLength`) and
 * the XOR of its bytes. `as2013Layout` reads a header whose version flag is set in the 2013 layout.
 */
export function checkedFrame(raw: Buffer, rawLength: number, xor: number, lenient: boolean, as2013Layout: boolean): Jt808Frame {
  if (rawLength < MIN_FRAME) {
    throw new Jt808DecodeError('too_short', `frame is ${rawLength} bytes, minimum ${MIN_FRAME}`);
  }
  const contentLength = rawLength - 1;
  const stored = raw[contentLength];
  // XOR of everything including the stored byte cancels it out.
  const computed = xor ^ stored;
  const checksumOk = stored === computed;
  if (!checksumOk && !lenient) {
    throw new Jt808DecodeError(
      'checksum',
      `checksum mismatch: stored 0x${stored.toString(16)}, computed 0x${computed.toString(16)}`,
    );
  }
  const header = readHeader(raw, contentLength, as2013Layout);
  const headerLength = headerLengthFor(header.is2019, header.subpackage);
  // `raw` is a fresh buffer from unescapeXor, so the body may share it.
  const body = raw.subarray(headerLength, contentLength);
  if (body.length !== header.bodyLength) {
    throw new Jt808DecodeError(
      'body_length',
      `body is ${body.length} bytes, attributes say ${header.bodyLength}`,
    );
  }
  return { header, body, checksumOk };
}

/** Full wire bytes including both 7E; bodyLength is taken from `body`. */
export function encodeFrame(header: Omit<Jt808Header, 'bodyLength'>, body: Buffer): Buffer {
  if (body.length > MAX_BODY_LENGTH) {
    throw new RangeError(`body of ${body.length} bytes exceeds ${MAX_BODY_LENGTH}; sub-package it`);
  }
  const head = encodeHeader({ ...header, bodyLength: body.length });
  const content = Buffer.concat([head, body, Buffer.from([0])]);
  content[content.length - 1] = checksum(content.subarray(0, content.length - 1));
  return Buffer.concat([Buffer.from([0x7e]), escape(content), Buffer.from([0x7e])]);
}
