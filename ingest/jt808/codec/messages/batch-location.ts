import { Reader, u16, u8 } from '../binary.ts';
import { isJt808DecodeError } from '../errors.ts';
import type { Jt808DecodeErrorCode } from '../errors.ts';
import { decodeLocation, encodeLocation } from './location.ts';
import type { Location, LocationInput } from './location.ts';

export interface BatchLocation {
  /** 0 normal batch, 1 blind-area re-upload. */
  type: number;
  items: Location[];
  /** Items that could not be decoded; the good ones around them are kept. */
  bad: BadBatchItem[];
}

export interface BadBatchItem {
  index: number;
  reason: Jt808DecodeErrorCode;
  /** First bytes of the item, for the log. */
  head: string;
}

export interface BatchLocationInput {
  type: number;
  items: LocationInput[];
}

export function decodeBatchLocation(body: Buffer): BatchLocation {
  const r = new Reader(body, '0x0704 body');
  const count = r.u16();
  const type = r.u8();
  const items: Location[] = [];
  const bad: BadBatchItem[] = [];
  for (let i = 0; i < count; i++) {
    if (r.remaining < 2) {
      bad.push({ index: i, reason: 'too_short', head: '' });
      break;
    }
    const len = r.u16();
    if (len > r.remaining) {
      // The items after an overrun cannot be located: report this one and stop.
      bad.push({ index: i, reason: 'too_short', head: r.buf.subarray(r.offset, r.offset + 32).toString('hex') });
      break;
    }
    const raw = r.bytes(len);
    try {
      items.push(decodeLocation(raw));
    } catch (err) {
      if (!isJt808DecodeError(err)) throw err;
      bad.push({ index: i, reason: err.code, head: raw.subarray(0, 32).toString('hex') });
    }
  }
  return { type, items, bad };
}

export function encodeBatchLocation(batch: BatchLocationInput): Buffer {
  const parts: Buffer[] = [u16(batch.items.length, 'item count'), u8(batch.type, 'type')];
  for (const item of batch.items) {
    const body = encodeLocation(item);
    parts.push(u16(body.length, 'item length'), body);
  }
  return Buffer.concat(parts);
}
