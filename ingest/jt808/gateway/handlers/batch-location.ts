import { decodeBatchLocation, ResponseResult } from '../../codec/index.ts';
import type { MessageHandler } from '../handler-context.ts';
import { positionFromLocation } from '../position-from-location.ts';
import { judgePositionTime } from '../position-time.ts';

/** 0x0704 batch; type 1 is a blind-area re-upload that goes to history only. A bad item does not cost the good ones. */
export const handleBatchLocation: MessageHandler = (ctx, header, body) => {
  const batch = decodeBatchLocation(body);
  const reupload = batch.type === 1;
  const receivedAt = new Date();
  let accepted = 0;
  for (const loc of batch.items) {
    const time = judgePositionTime(ctx, loc, reupload, receivedAt);
    if (reupload && time !== 'ok') continue;
    ctx.positions.acceptPosition(positionFromLocation(ctx.session.vehicle!, loc, reupload, ctx.drift, receivedAt, time));
    accepted++;
  }
  ctx.metrics.positionsAccepted.inc({ kind: reupload ? 'reupload' : 'batch' }, accepted);
  for (const bad of batch.bad) {
    ctx.metrics.jt808Frames.inc({ msg: '0x0704', result: `item_${bad.reason}` });
    ctx.log.warn({ index: bad.index, reason: bad.reason, head: bad.head }, 'JT808 batch item dropped');
  }
  ctx.respond(header, batch.items.length === 0 && batch.bad.length > 0 ? ResponseResult.BadMessage : ResponseResult.Ok);
};
