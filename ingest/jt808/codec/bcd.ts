import { Jt808DecodeError } from './errors.ts';

const UTC8_MS = 8 * 3600 * 1000;

/** Nibbles as hex characters; for valid BCD these are exactly the decimal digits. */
export function bcdToDigits(buf: Buffer): string {
  return buf.toString('hex');
}

const HEX: string[] = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** bcdToDigits of buf[offset, offset+bytes) without a view; a table beats toString('hex') at phone sizes. */
export function bcdDigitsAt(buf: Buffer, offset: number, bytes: number): string {
  let s = '';
  for (let i = offset; i < offset + bytes; i++) s += HEX[buf[i]];
  return s;
}

/** Strict BCD: every nibble must be 0-9. */
export function decodeBcd(buf: Buffer): string {
  const s = buf.toString('hex');
  if (!/^[0-9]*$/.test(s)) throw new Jt808DecodeError('bad_bcd', `invalid BCD ${s}`);
  return s;
}

/** Left-pads with zeros to `bytes` bytes. Accepts hex nibbles so non-BCD phones round-trip. */
export function encodeBcd(digits: string, bytes: number): Buffer {
  if (!/^[0-9a-fA-F]*$/.test(digits)) throw new RangeError(`not a BCD digit string: ${digits}`);
  if (digits.length > bytes * 2) throw new RangeError(`${digits} does not fit BCD[${bytes}]`);
  return Buffer.from(digits.padStart(bytes * 2, '0'), 'hex');
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  return month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : DAYS[month - 1];
}

/** Two BCD digits of one byte, or -1 when a nibble is not 0-9. */
function bcdByte(b: number): number {
  const hi = b >> 4;
  const lo = b & 0x0f;
  return hi > 9 || lo > 9 ? -1 : hi * 10 + lo;
}

/** BCD[6] YYMMDDhhmmss in UTC+8 -> UTC instant. Years are 2000-2099. */
export function decodeBcdTime(buf: Buffer): Date {
  if (buf.length !== 6) throw new Jt808DecodeError('bad_bcd', `BCD time needs 6 bytes, got ${buf.length}`);
  return decodeBcdTimeAt(buf, 0);
}

/** decodeBcdTime of buf[offset, offset+6) without a view; the caller checks the length. */
export function decodeBcdTimeAt(buf: Buffer, offset: number): Date {
  // Table lookups and day arithmetic rather than strings or Date.UTC: this runs for every position.
  const yy = BCD[buf[offset]];
  const mo = BCD[buf[offset + 1]];
  const dd = BCD[buf[offset + 2]];
  const hh = BCD[buf[offset + 3]];
  const mi = BCD[buf[offset + 4]];
  const ss = BCD[buf[offset + 5]];
  if ((yy | mo | dd | hh | mi | ss) < 0) throw new Jt808DecodeError('bad_bcd', `invalid BCD ${buf.toString('hex', offset, offset + 6)}`);
  const year = 2000 + yy;
  if (mo < 1 || mo > 12 || dd < 1 || dd > daysInMonth(year, mo) || hh > 23 || mi > 59 || ss > 59) {
    throw new Jt808DecodeError('bad_bcd', `invalid BCD time ${buf.toString('hex', offset, offset + 6)}`);
  }
  // 2000-2099: every fourth year is a leap year, 2000 included.
  const day = DAYS_TO_2000 + yy * 365 + ((yy + 3) >> 2) + DAYS_BEFORE_MONTH[mo - 1] + (mo > 2 && (yy & 3) === 0 ? 1 : 0) + dd - 1;
  return new Date((day * 86400 + hh * 3600 + mi * 60 + ss) * 1000 - UTC8_MS);
}

/** Value of a BCD byte, -1 when a nibble is not 0-9. */
const BCD = Int8Array.from({ length: 256 }, (_, b) => bcdByte(b));
const DAYS_TO_2000 = 10957;
const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/** UTC instant -> BCD[6] in UTC+8. Sub-second precision is dropped. */
export function encodeBcdTime(date: Date): Buffer {
  const t = date.getTime();
  if (!Number.isFinite(t)) throw new RangeError('invalid Date');
  const d = new Date(t + UTC8_MS);
  const year = d.getUTCFullYear();
  if (year < 2000 || year > 2099) throw new RangeError(`year ${year} not representable in BCD[6]`);
  const parts = [year - 2000, d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()];
  return Buffer.from(parts.map((p) => String(p).padStart(2, '0')).join(''), 'hex');
}
