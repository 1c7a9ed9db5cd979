import { decodePhotoReply, MsgId, ResponseResult } from '../../codec/index.ts';
import type { MessageHandler } from '../handler-context.ts';

/** 0x0805: answer to 0x8801 with the ids of the photos that will follow as 0x0801. */
export const handlePhotoReply: MessageHandler = (ctx, header, body) => {
  const res = decodePhotoReply(body);
  ctx.commands.settle(MsgId.TakePhoto, res.replySerial, { status: 'answered', result: res.result, mediaIds: res.mediaIds });
  ctx.respond(header, ResponseResult.Ok);
};
