import { Reader, u16, u8 } from '../binary.ts';
import { Jt808DecodeError } from '../errors.ts';
import { decodeLocation, encodeLocation } from './location.ts';
import type { Location, LocationInput } from './location.ts';

export interface BatchLocation {
  /** 0 normal batch, 1 blind-area re-upload. */
  type: number;
  items: Location[];
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
  for (let i = 0; i < count; i++) {
    const len = r.u16();
    if (len > r.remaining) {
      throw new Jt808DecodeError('too_short', `0x0704 item ${i} declares ${len} bytes, ${r.remaining} left`);
    }
    items.push(decodeLocation(r.bytes(len)));
  }
  return { type, items };
}

export function encodeBatchLocation(batch: BatchLocationInput): Buffer {
  const parts: Buffer[] = [u16(batch.items.length, 'item count'), u8(batch.type, 'type')];
  for (const item of batch.items) {
    const body = encodeLocation(item);
    parts.push(u16(body.length, 'item length'), body);
  }
  return Buffer.concat(parts);
}
