// Which critical alarm the blocking banner shows: unacknowledged, not muted on this screen, the earliest first, so a
// burst is worked through in the order it happened.
import type { Alarm } from '../live/types';

export function bannerAlarm(open: readonly Alarm[], muted: ReadonlySet<number>): { alarm: Alarm; waiting: number } | null {
  const due = open.filter((a) => a.severity === 'critical' && !a.acknowledged && !muted.has(a.id)).sort((a, b) => a.firstAt.localeCompare(b.firstAt) || a.id - b.id);
  return due.length ? { alarm: due[0], waiting: due.length - 1 } : null;
}
