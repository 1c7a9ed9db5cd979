import { decodeLocation, ResponseResult } from '../../codec/index.ts';
import type { MessageHandler } from '../handler-context.ts';
import { positionFromLocation } from '../position-from-location.ts';

/** 0x0200 location report. */
export const handleLocation: MessageHandler = (ctx, header, body) => {
  const loc = decodeLocation(body);
  ctx.positions.acceptPosition(positionFromLocation(ctx.session.vehicle!, loc, false, ctx.drift, new Date()));
  ctx.metrics.positionsAccepted.inc({ kind: 'live' });
  ctx.respond(header, ResponseResult.Ok);
};
