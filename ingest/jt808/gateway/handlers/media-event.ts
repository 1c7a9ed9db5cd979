import { ResponseResult } from '../../codec/index.ts';
import type { MessageHandler } from '../handler-context.ts';

/** 0x0800: announces a multimedia item; the data itself arrives as 0x0801. */
export const handleMediaEvent: MessageHandler = (ctx, header, body) => {
  ctx.log.debug({ phone: ctx.session.phone, head: body.subarray(0, 8).toString('hex') }, 'JT808 multimedia event');
  ctx.respond(header, ResponseResult.Ok);
};
