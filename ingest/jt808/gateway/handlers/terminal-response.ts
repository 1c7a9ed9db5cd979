import { decodeGeneralResponse } from '../../codec/index.ts';
import type { MessageHandler } from '../handler-context.ts';

/** 0x0001: the terminal's answer to one of our commands. Commands with awaited answers arrive with the command API. */
export const handleTerminalResponse: MessageHandler = (ctx, _header, body) => {
  const res = decodeGeneralResponse(body);
  ctx.log.debug({ phone: ctx.session.phone, ...res }, 'JT808 terminal response');
};
