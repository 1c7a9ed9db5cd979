import { describe, expect, it } from 'vitest';
import { bannerAlarm } from '../../../web/frontend/src/wall/logic/critical-banner.ts';
import type { Alarm } from '../../../web/frontend/src/wall/live/types.ts';

const alarm = (id: number, severity: Alarm['severity'], firstAt: string, acknowledged = false) => ({ id, severity, firstAt, acknowledged }) as Alarm;

describe('critical alarm banner', () => {
  it('shows the earliest unacknowledged critical alarm and counts the others waiting', () => {
    const open = [alarm(3, 'critical', '2030-05-01T10:02:00Z'), alarm(1, 'major', '2030-05-01T10:00:00Z'), alarm(2, 'critical', '2030-05-01T10:01:00Z'), alarm(4, 'critical', '2030-05-01T09:00:00Z', true)];
    expect(bannerAlarm(open, new Set())).toEqual({ alarm: open[2], waiting: 1 });
  });

  it('moves on past alarms muted on this screen, and shows nothing when none is left', () => {
    const open = [alarm(2, 'critical', '2030-05-01T10:01:00Z'), alarm(3, 'critical', '2030-05-01T10:02:00Z')];
    expect(bannerAlarm(open, new Set([2]))?.alarm.id).toBe(3);
    expect(bannerAlarm(open, new Set([2, 3]))).toBeNull();
    expect(bannerAlarm([alarm(5, 'major', '2030-05-01T10:00:00Z')], new Set())).toBeNull();
  });
});
