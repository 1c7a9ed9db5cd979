import iconv from 'iconv-lite';

/** GBK decode; used for every protocol STRING. */
export function decodeGbk(buf: Buffer): string {
  return iconv.decode(buf, 'gbk');
}

export function encodeGbk(text: string): Buffer {
  return iconv.encode(text, 'gbk');
}

/** Fixed-width fields are padded with NUL (some terminals use spaces). */
export function decodeFixedString(buf: Buffer): string {
  let end = buf.length;
  while (end > 0 && (buf[end - 1] === 0x00 || buf[end - 1] === 0x20)) end--;
  return decodeGbk(buf.subarray(0, end));
}

/** NUL-padded fixed-width field; refuses strings that do not fit rather than truncating. */
export function encodeFixedString(text: string, width: number, what: string): Buffer {
  const raw = encodeGbk(text);
  if (raw.length > width) throw new RangeError(`${what} is ${raw.length} bytes, field holds ${width}`);
  const out = Buffer.alloc(width);
  raw.copy(out);
  return out;
}

/** Trailing NULs are terminator/padding noise on variable-length strings. */
export function decodeTrailingString(buf: Buffer): string {
  let end = buf.length;
  while (end > 0 && buf[end - 1] === 0x00) end--;
  return decodeGbk(buf.subarray(0, end));
}
