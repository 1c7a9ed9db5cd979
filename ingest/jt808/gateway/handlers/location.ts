import { decodeLocation, ResponseResult } from '../../codec/index.ts';
import type { MessageHandler } from '../handler-context.ts';
import { positionFromLocation } from '../position-from-location.ts';
import { judgePositionTime } from '../position-time.ts';

/** 0x0200 location report. */
export const handleLocation: MessageHandler = (ctx, header, body) => {
  const loc = decodeLocation(body);
  const receivedAt = new Date();
  ctx.positions.acceptPosition(positionFromLocation(ctx.session.vehicle!, loc, false, ctx.drift, receivedAt, judgePositionTime(ctx, loc, false, receivedAt)));
  ctx.metrics.positionsAccepted.inc({ kind: 'live' });
  ctx.respond(header, ResponseResult.Ok);
};
