import { ResponseResult } from '../../codec/index.ts';
import type { MessageHandler } from '../handler-context.ts';

/** 0x0003: acknowledge, then end the session. */
export const handleLogout: MessageHandler = (ctx, header) => {
  ctx.respond(header, ResponseResult.Ok);
  ctx.session.authenticated = false;
  ctx.close('terminal logout');
};
