import { ResponseResult } from '../../codec/index.ts';
import type { MessageHandler } from '../handler-context.ts';

/** 0x0002: proof of life; the idle timer is reset by any frame. */
export const handleHeartbeat: MessageHandler = (ctx, header) => ctx.respond(header, ResponseResult.Ok);
