import { bcdToDigits, encodeBcd } from './bcd.ts';
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
  if (buf.length < 4) throw new Jt808DecodeError('too_short', `header needs at least 4 bytes, got ${buf.length}`);
  const msgId = buf.readUInt16BE(0);
  const attrs = buf.readUInt16BE(2);
  const is2019 = (attrs & VERSION_BIT) !== 0;
  const subpackage = (attrs & SUBPACKAGE_BIT) !== 0;
  const headerLength = headerLengthFor(is2019, subpackage);
  if (buf.length < headerLength) {
    throw new Jt808DecodeError('too_short', `header needs ${headerLength} bytes, got ${buf.length}`);
  }
  let o = 4;
  let protocolVersion: number | undefined;
  if (is2019) protocolVersion = buf[o++];
  const phoneBytes = is2019 ? 10 : 6;
  const phone = bcdToDigits(buf.subarray(o, o + phoneBytes));
  o += phoneBytes;
  const serial = buf.readUInt16BE(o);
  o += 2;
  const header: Jt808Header = {
    msgId,
    bodyLength: attrs & LEN_MASK,
    encryption: (attrs >> ENC_SHIFT) & ENC_MASK,
    subpackage,
    is2019,
    phone,
    serial,
  };
  if (is2019) header.protocolVersion = protocolVersion;
  if (subpackage) {
    header.packageTotal = buf.readUInt16BE(o);
    header.packageIndex = buf.readUInt16BE(o + 2);
  }
  return { header, headerLength };
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
