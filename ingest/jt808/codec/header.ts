import { bcdDigitsAt, encodeBcd } from './bcd.ts';
import { Jt808DecodeError } from './errors.ts';

export type ProtocolEdition = '2011' | '2013' | '2019';

export interface Jt808Header {
  msgId: number;
  bodyLength: number;
  encryption: number;
  subpackage: boolean;
  is2019: boolean;
  /** Only when is2019. */
  protocolVersion?: number;
  /** BCD digits as on the wire, full width (12, or 20 for 2019), leading zeros kept. */
  phone: string;
  serial: number;
  packageTotal?: number;
  packageIndex?: number;
}

export const MAX_BODY_LENGTH = 0x3ff;

const LEN_MASK = 0x03ff;
const ENC_SHIFT = 10;
const ENC_MASK = 0x07;
const SUBPACKAGE_BIT = 1 << 13;
const VERSION_BIT = 1 << 14;

export function headerLengthFor(is2019: boolean, subpackage: boolean): number {
  return (is2019 ? 17 : 12) + (subpackage ? 4 : 0);
}

/** Parses the header at the start of an unescaped frame (without the checksum). */
export function decodeHeader(buf: Buffer): { header: Jt808Header; headerLength: number } {
  const header = readHeader(buf, buf.length);
  return { header, headerLength: headerLengthFor(header.is2019, header.subpackage) };
}

/**
 * decodeHeader over the first `length` bytes of `buf`, without a view or a wrapper object (hot path).
 * `as2013Layout` ignores the version flag: some 2013 firmware sets that then-reserved bit.
 */
export function readHeader(buf: Buffer, length: number, as2013Layout = false): Jt808Header {
  if (length < 4) throw new Jt808DecodeError('too_short', `header needs at least 4 bytes, got ${length}`);
  const msgId = (buf[0] << 8) | buf[1];
  const attrs = (buf[2] << 8) | buf[3];
  const is2019 = (attrs & VERSION_BIT) !== 0 && !as2013Layout;
  const subpackage = (attrs & SUBPACKAGE_BIT) !== 0;
  const headerLength = headerLengthFor(is2019, subpackage);
  if (length < headerLength) {
    throw new Jt808DecodeError('too_short', `header needs ${headerLength} bytes, got ${length}`);
  }
  const o = is2019 ? 15 : 10;
  const header: Jt808Header = {
    msgId,
    bodyLength: attrs & LEN_MASK,
    encryption: (attrs >> ENC_SHIFT) & ENC_MASK,
    subpackage,
    is2019,
    phone: bcdDigitsAt(buf, is2019 ? 5 : 4, is2019 ? 10 : 6),
    serial: (buf[o] << 8) | buf[o + 1],
  };
  if (is2019) header.protocolVersion = buf[4];
  if (subpackage) {
    header.packageTotal = (buf[o + 2] << 8) | buf[o + 3];
    header.packageIndex = (buf[o + 4] << 8) | buf[o + 5];
  }
  return header;
}

function checkRange(value: number, max: number, what: string): void {
  if (!Number.isInteger(value) || value < 0 || value > max) throw new RangeError(`${what} out of range: ${value}`);
}

export function encodeHeader(h: Jt808Header): Buffer {
  checkRange(h.msgId, 0xffff, 'msgId');
  checkRange(h.bodyLength, MAX_BODY_LENGTH, 'bodyLength');
  checkRange(h.encryption, ENC_MASK, 'encryption');
  checkRange(h.serial, 0xffff, 'serial');
  const out = Buffer.alloc(headerLengthFor(h.is2019, h.subpackage));
  out.writeUInt16BE(h.msgId, 0);
  const attrs =
    h.bodyLength | (h.encryption << ENC_SHIFT) | (h.subpackage ? SUBPACKAGE_BIT : 0) | (h.is2019 ? VERSION_BIT : 0);
  out.writeUInt16BE(attrs, 2);
  let o = 4;
  if (h.is2019) {
    const v = h.protocolVersion ?? 1;
    checkRange(v, 0xff, 'protocolVersion');
    out[o++] = v;
  }
  const phone = encodeBcd(h.phone, h.is2019 ? 10 : 6);
  phone.copy(out, o);
  o += phone.length;
  out.writeUInt16BE(h.serial, o);
  o += 2;
  if (h.subpackage) {
    const total = h.packageTotal ?? 0;
    const index = h.packageIndex ?? 0;
    checkRange(total, 0xffff, 'packageTotal');
    checkRange(index, 0xffff, 'packageIndex');
    out.writeUInt16BE(total, o);
    out.writeUInt16BE(index, o + 2);
  }
  return out;
}

/** Editions distinguishable from the header alone; 2011 vs 2013 needs the 0x0100 body. */
export function headerEdition(h: Pick<Jt808Header, 'is2019'>): ProtocolEdition {
  return h.is2019 ? '2019' : '2013';
}
