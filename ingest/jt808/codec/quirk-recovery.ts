import { isJt808DecodeError } from './errors.ts';
import { unescapedLength, unescapedXor, unescapeXor } from './escape.ts';
import { checkedFrame, decodeFrame } from './frame.ts';
import type { Jt808Frame } from './frame.ts';

/** What real terminals get wrong that the decoder takes anyway (unless strict). */
export type Jt808Quirk =
  /** Attribute bit 14 (the 2019 version flag) set on a frame whose header is the 2013 layout. */
  | 'version_flag_on_2013'
  /** A checksum of 0x7D sent as a lone 7D before the closing 7E instead of 7D 01. */
  | 'checksum_7d_unescaped'
  /** A 0x7E inside the frame sent as is instead of 7D 02, so the stream splits the frame in two. */
  | 'unescaped_7e';

export interface RecoveredFrame {
  frame: Jt808Frame;
  quirks: Jt808Quirk[];
}

const VERSION_FLAG_HIGH_BYTE = 0x40;
const ESC = 0x7d;
const SECOND_OF_ESCAPED_7D = Buffer.from([0x01]);
const ESCAPED_7E = Buffer.from([0x7d, 0x02]);

/**
 * For a piece decodeFrame refused with `error`: the frame it holds if the only faults are the quirks of one piece
 * (an unescaped 7D checksum, the version flag on a 2013 header, or both); null otherwise. The checksum and the body
 * length are checked as decodeFrame checks them.
 */
export function recoverFrame(escaped: Buffer, error: unknown, lenient: boolean): RecoveredFrame | null {
  if (!isJt808DecodeError(error)) return null;
  let piece = escaped;
  let code = error.code;
  const quirks: Jt808Quirk[] = [];
  // A lone 7D before the delimiter cannot start an escape: it can only be the checksum itself.
  if (code === 'bad_escape' && escaped[escaped.length - 1] === ESC) {
    piece = Buffer.concat([escaped, SECOND_OF_ESCAPED_7D]);
    quirks.push('checksum_7d_unescaped');
    try {
      return { frame: decodeFrame(piece, { lenient }), quirks };
    } catch (err) {
      if (!isJt808DecodeError(err)) throw err;
      code = err.code;
    }
  }
  if (code === 'body_length' || code === 'too_short') {
    const frame = as2013Layout(piece, lenient);
    if (frame) return { frame, quirks: [...quirks, 'version_flag_on_2013'] };
  }
  return null;
}

/**
 * Two consecutive pieces of the stream read as one frame with the 7E between them restored. Only a join whose
 * checksum really matches is taken, also when checksums are lenient: its length alone matches too easily by chance.
 */
export function joinAcrossFlag(first: Buffer, second: Buffer): RecoveredFrame | null {
  const joined = Buffer.concat([first, ESCAPED_7E, second]);
  try {
    return { frame: decodeFrame(joined), quirks: ['unescaped_7e'] };
  } catch (err) {
    const recovered = recoverFrame(joined, err, false);
    return recovered && { frame: recovered.frame, quirks: ['unescaped_7e', ...recovered.quirks] };
  }
}

/** The frame read with the 2013 header layout when its version flag is set and that layout fits its length exactly. */
function as2013Layout(escaped: Buffer, lenient: boolean): Jt808Frame | null {
  const raw = unescapeXor(escaped);
  if (unescapedLength < 4 || (raw[2] & VERSION_FLAG_HIGH_BYTE) === 0) return null;
  try {
    return checkedFrame(raw, unescapedLength, unescapedXor, lenient, true);
  } catch (err) {
    if (!isJt808DecodeError(err)) throw err;
    return null;
  }
}
