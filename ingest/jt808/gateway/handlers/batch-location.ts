import { decodeBatchLocation, ResponseResult } from '../../codec/index.ts';
import type { MessageHandler } from '../handler-context.ts';
import { positionFromLocation } from '../position-from-location.ts';

/** 0x0704 batch; type 1 is a blind-area re-upload that goes to history only. */
export const handleBatchLocation: MessageHandler = (ctx, header, body) => {
  const batch = decodeBatchLocation(body);
  const reupload = batch.type === 1;
  for (const loc of batch.items) ctx.positions.acceptPosition(positionFromLocation(ctx.session.vehicle!, loc, reupload));
  ctx.metrics.positionsAccepted.inc({ kind: reupload ? 'reupload' : 'batch' }, batch.items.length);
  ctx.respond(header, ResponseResult.Ok);
};
