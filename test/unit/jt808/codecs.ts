import type { Jt808Header } from '../../../ingest/jt808/codec/index.ts';
import {
  MsgId,
  decodeAuthenticate,
  decodeAvRequest,
  decodeBatchLocation,
  decodeGeneralResponse,
  decodeLocation,
  decodeQueryParamsReply,
  decodeRegister,
  decodeRegisterReply,
  decodeSetParams,
  decodeTextMessage,
  decodeAlarmAck,
  encodeAlarmAck,
  encodeAuthenticate,
  encodeAvRequest,
  encodeBatchLocation,
  encodeGeneralResponse,
  encodeLocation,
  encodeQueryParamsReply,
  encodeRegister,
  encodeRegisterReply,
  encodeSetParams,
  encodeTextMessage,
} from '../../../ingest/jt808/codec/index.ts';

export interface BodyCodec {
  decode(body: Buffer, header: Jt808Header): unknown;
  encode(value: any, header: Jt808Header): Buffer;
}

/** Body codec per message id, for generic round-trip and fuzz tests. */
export const bodyCodecs: Record<number, BodyCodec> = {
  [MsgId.TerminalResponse]: { decode: decodeGeneralResponse, encode: encodeGeneralResponse },
  [MsgId.PlatformResponse]: { decode: decodeGeneralResponse, encode: encodeGeneralResponse },
  [MsgId.Register]: { decode: decodeRegister, encode: encodeRegister },
  [MsgId.RegisterReply]: { decode: decodeRegisterReply, encode: encodeRegisterReply },
  [MsgId.Authenticate]: { decode: decodeAuthenticate, encode: encodeAuthenticate },
  [MsgId.Location]: { decode: decodeLocation, encode: encodeLocation },
  [MsgId.BatchLocation]: { decode: decodeBatchLocation, encode: encodeBatchLocation },
  [MsgId.SetParams]: { decode: decodeSetParams, encode: encodeSetParams },
  [MsgId.QueryParamsReply]: { decode: decodeQueryParamsReply, encode: encodeQueryParamsReply },
  [MsgId.TextMessage]: { decode: decodeTextMessage, encode: encodeTextMessage },
  [MsgId.AlarmAck]: { decode: decodeAlarmAck, encode: encodeAlarmAck },
  [MsgId.AvRealtimeRequest]: { decode: decodeAvRequest, encode: encodeAvRequest },
};
