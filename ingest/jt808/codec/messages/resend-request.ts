import { Reader, u16, u8 } from '../binary.ts';
import type { ProtocolEdition } from '../header.ts';

/** 0x8003: ask the terminal to resend sub-packages (1-based indexes). */
export interface ResendRequest {
  originalSerial: number;
  missing: number[];
}

/** The count is a BYTE before 2019 and a WORD in 2019. */
export function encodeResendRequest(req: ResendRequest, edition: ProtocolEdition): Buffer {
  const count = edition === '2019' ? u16(req.missing.length, 'missing count') : u8(req.missing.length, 'missing count');
  return Buffer.concat([u16(req.originalSerial, 'originalSerial'), count, ...req.missing.map((n) => u16(n, 'package index'))]);
}

export function decodeResendRequest(body: Buffer, edition: ProtocolEdition): ResendRequest {
  const r = new Reader(body, '0x8003 body');
  const originalSerial = r.u16();
  const count = edition === '2019' ? r.u16() : r.u8();
  const missing: number[] = [];
  for (let i = 0; i < count; i++) missing.push(r.u16());
  return { originalSerial, missing };
}
