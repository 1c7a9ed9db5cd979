import { Reader, u8 } from '../binary.ts';
import type { Jt808Header } from '../header.ts';
import { decodeGbk, encodeGbk } from '../text.ts';

export const TextFlag = {
  Urgent: 1 << 0,
  Display: 1 << 2,
  Tts: 1 << 3,
} as const;

export interface TextMessage {
  flag: number;
  /** 2019 only: 1 notice, 2 service. */
  textType?: number;
  text: string;
}

export function decodeTextMessage(body: Buffer, header: Pick<Jt808Header, 'is2019'>): TextMessage {
  const r = new Reader(body, '0x8300 body');
  const flag = r.u8();
  if (!header.is2019) return { flag, text: decodeGbk(r.rest()) };
  const textType = r.u8();
  return { flag, textType, text: decodeGbk(r.rest()) };
}

/** The 2019 text-type byte defaults to 1 (notice). */
export function encodeTextMessage(msg: TextMessage, header: Pick<Jt808Header, 'is2019'>): Buffer {
  const parts = [u8(msg.flag, 'flag')];
  if (header.is2019) parts.push(u8(msg.textType ?? 1, 'textType'));
  parts.push(encodeGbk(msg.text));
  return Buffer.concat(parts);
}
