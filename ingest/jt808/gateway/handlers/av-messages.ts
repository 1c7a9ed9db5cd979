import { decodeAvAttributes, decodeAvStatus, decodePassengerFlow, MsgId, ResponseResult, type Jt808Header } from '../../codec/index.ts';
import type { HandlerContext, MessageHandler } from '../handler-context.ts';

const decoders: Record<number, { name: string; decode: (body: Buffer) => object }> = {
  [MsgId.AvAttributesReply]: { name: '0x1003', decode: decodeAvAttributes },
  [MsgId.PassengerFlow]: { name: '0x1005', decode: decodePassengerFlow },
  [MsgId.AvStatus]: { name: '0x9105', decode: decodeAvStatus },
};

/** JT/T 1078 messages a terminal sends over its 808 session: audio/video attributes, passenger flow, A/V status. Logged. */
export const handleAvMessage: MessageHandler = (ctx: HandlerContext, header: Jt808Header, body: Buffer) => {
  const d = decoders[header.msgId];
  ctx.metrics.jt808AvMessages.inc({ msg: d.name });
  try {
    ctx.log.info({ msgId: d.name, phone: header.phone, ...d.decode(body) }, 'JT/T 1078 message from terminal');
    ctx.respond(header, ResponseResult.Ok);
  } catch (err) {
    ctx.log.warn({ msgId: d.name, phone: header.phone, err: (err as Error).message, body: body.toString('hex').slice(0, 64) }, 'malformed JT/T 1078 message');
    ctx.respond(header, ResponseResult.BadMessage);
  }
};
