import { Reader, u16, u8 } from '../binary.ts';

/** Same layout for 0x0001 (terminal) and 0x8001 (platform). */
export interface GeneralResponse {
  replySerial: number;
  replyMsgId: number;
  /** 0 ok, 1 fail, 2 bad message, 3 unsupported; 0x8001 also 4 alarm acknowledged. */
  result: number;
}

export const ResponseResult = {
  Ok: 0,
  Fail: 1,
  BadMessage: 2,
  Unsupported: 3,
  AlarmAcknowledged: 4,
} as const;

export function decodeGeneralResponse(body: Buffer): GeneralResponse {
  const r = new Reader(body, 'general response');
  return { replySerial: r.u16(), replyMsgId: r.u16(), result: r.u8() };
}

export function encodeGeneralResponse(res: GeneralResponse): Buffer {
  return Buffer.concat([u16(res.replySerial, 'replySerial'), u16(res.replyMsgId, 'replyMsgId'), u8(res.result, 'result')]);
}
