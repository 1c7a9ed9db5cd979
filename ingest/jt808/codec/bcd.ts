import { Jt808DecodeError } from './errors.ts';

const UTC8_MS = 8 * 3600 * 1000;

/** Nibbles as hex characters; for valid BCD these are exactly the decimal digits. */
export function bcdToDigits(buf: Buffer): string {
  return buf.toString('hex');
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

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** BCD[6] YYMMDDhhmmss in UTC+8 -> UTC instant. Years are 2000-2099. */
export function decodeBcdTime(buf: Buffer): Date {
  if (buf.length !== 6) throw new Jt808DecodeError('bad_bcd', `BCD time needs 6 bytes, got ${buf.length}`);
  const s = decodeBcd(buf);
  const [yy, mo, dd, hh, mi, ss] = [0, 2, 4, 6, 8, 10].map((i) => Number(s.slice(i, i + 2)));
  const year = 2000 + yy;
  if (mo < 1 || mo > 12 || dd < 1 || dd > daysInMonth(year, mo) || hh > 23 || mi > 59 || ss > 59) {
    throw new Jt808DecodeError('bad_bcd', `invalid BCD time ${s}`);
  }
  return new Date(Date.UTC(year, mo - 1, dd, hh, mi, ss) - UTC8_MS);
}

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
