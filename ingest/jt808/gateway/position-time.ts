import type { Location } from '../codec/index.ts';
import { judgeTimestamp, type TimestampVerdict } from '../../timestamp-window.ts';
import type { HandlerContext } from './handler-context.ts';

/**
 * The verdict on a position's device time against the accepted window (no time at all passes: the receive time
 * stands in). A time outside it is counted and logged once per connection with what was done: a live position
 * is kept on the receive time, a blind-area re-upload (history only, so its own time is all it has) is refused.
 */
export function judgePositionTime(ctx: HandlerContext, loc: Location, reupload: boolean, receivedAt: Date): TimestampVerdict {
  if (loc.time === null) return 'ok';
  const verdict = judgeTimestamp(ctx.positionWindow, loc.time, receivedAt);
  if (verdict === 'ok') return verdict;
  const kind = reupload ? 'reupload' : 'live';
  ctx.metrics.jt808PositionTimeOutOfRange.inc({ kind, verdict });
  if (!ctx.session.clockWarned) {
    ctx.session.clockWarned = true;
    ctx.log.warn(
      { phone: ctx.session.phone, deviceTime: loc.time.toISOString(), receivedAt: receivedAt.toISOString(), verdict, kind },
      reupload
        ? 'JT808 re-uploaded position refused: its device time is outside the retention window (terminal clock wrong?); logged once per connection'
        : 'JT808 position device time outside the accepted window (terminal clock wrong?): stored on the receive time, off the live map; logged once per connection',
    );
  }
  return verdict;
}
