import { Jt808DecodeError } from './errors.ts';

const FLAG = 0x7e;
const ESC = 0x7d;

/** 7E -> 7D 02, 7D -> 7D 01. */
export function escape(buf: Buffer): Buffer {
  let extra = 0;
  for (const b of buf) if (b === FLAG || b === ESC) extra++;
  if (extra === 0) return Buffer.from(buf);
  const out = Buffer.allocUnsafe(buf.length + extra);
  let j = 0;
  for (const b of buf) {
    if (b === FLAG || b === ESC) {
      out[j++] = ESC;
      out[j++] = b === FLAG ? 0x02 : 0x01;
    } else {
      out[j++] = b;
    }
  }
  return out;
}

/** Inverse of escape. Throws 'bad_escape' on 7D not followed by 01/02 and on a raw 7E. */
export function unescape(buf: Buffer): Buffer {
  return unescapeXor(buf).subarray(0, unescapedLength);
}

/** Length and XOR of every byte of the last unescapeXor result (module state: avoids a result object per frame). */
export let unescapedLength = 0;
export let unescapedXor = 0;

/**
 * unescape and XOR in one pass into a fresh buffer (same errors); its length and XOR are in
 * unescapedLength / unescapedXor. The buffer may be longer than unescapedLength.
 */
export function unescapeXor(buf: Buffer): Buffer {
  const n = buf.length;
  const out = Buffer.allocUnsafe(n);
  let x = 0;
  // Most frames contain no escape: native scan and copy, then a read-only XOR loop.
  if (buf.indexOf(ESC) === -1 && buf.indexOf(FLAG) === -1) {
    buf.copy(out);
    for (let i = 0; i < n; i++) x ^= out[i];
    unescapedLength = n;
    unescapedXor = x;
    return out;
  }
  let j = 0;
  for (let i = 0; i < n; i++) {
    let b = buf[i];
    if (b === ESC) {
      const next = buf[i + 1];
      if (next === 0x01) b = ESC;
      else if (next === 0x02) b = FLAG;
      else {
        throw new Jt808DecodeError(
          'bad_escape',
          next === undefined
            ? `dangling 7D at offset ${i}`
            : `invalid escape 7D ${next.toString(16).padStart(2, '0')} at offset ${i}`,
        );
      }
      i++;
    } else if (b === FLAG) {
      throw new Jt808DecodeError('bad_escape', `unescaped 7E inside frame at offset ${i}`);
    }
    out[j++] = b;
    x ^= b;
  }
  unescapedLength = j;
  unescapedXor = x;
  return out;
}

/** XOR of every byte. */
export function checksum(buf: Buffer): number {
  let x = 0;
  for (let i = 0; i < buf.length; i++) x ^= buf[i];
  return x;
}
