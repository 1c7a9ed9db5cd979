import { Reader, u16, u8 } from '../binary.ts';
import { readParamList, writeParamList } from './set-params.ts';
import type { TerminalParam } from './set-params.ts';

export interface QueryParamsReply {
  replySerial: number;
  params: TerminalParam[];
}

export function decodeQueryParamsReply(body: Buffer): QueryParamsReply {
  const r = new Reader(body, '0x0104 body');
  const replySerial = r.u16();
  const count = r.u8();
  return { replySerial, params: readParamList(r, count) };
}

export function encodeQueryParamsReply(msg: QueryParamsReply): Buffer {
  return Buffer.concat([u16(msg.replySerial, 'replySerial'), u8(msg.params.length, 'param count'), writeParamList(msg.params)]);
}
