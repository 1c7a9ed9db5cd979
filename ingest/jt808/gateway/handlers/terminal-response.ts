import { decodeGeneralResponse } from '../../codec/index.ts';
import type { MessageHandler } from '../handler-context.ts';

/** 0x0001: the terminal's answer to one of our commands; settles the command waiting for it. */
export const handleTerminalResponse: MessageHandler = (ctx, _header, body) => {
  const res = decodeGeneralResponse(body);
  const awaited = ctx.commands.settle(res.replyMsgId, res.replySerial, { status: 'answered', result: res.result });
  ctx.log.debug({ phone: ctx.session.phone, awaited, ...res }, 'JT808 terminal response');
};
