import { describe, expect, it } from 'vitest';
import { AlarmBook, handlingState, stepsFor } from '../../../web/frontend/src/wall/logic/alarm-book.ts';
import { alarmTypeText } from '../../../web/frontend/src/wall/logic/alarm-labels.ts';
import type { Alarm } from '../../../web/frontend/src/wall/live/types.ts';
import { regionFilter } from '../../../web/frontend/src/wall/logic/region-filter.ts';

const alarm = (id: number, over: Partial<Alarm> = {}): Alarm => ({
  id, type: 'threshold', level: 'high', severity: 'major', active: true, acknowledged: false,
  source: { kind: 'sensor', id: 100 + id, name: `罐${id}` }, message: '', value: 15.8, peak: 15.8, count: 1,
  firstAt: new Date(Date.UTC(2031, 1, 28, 15, id)).toISOString(), lastAt: new Date(Date.UTC(2031, 1, 28, 15, id)).toISOString(),
  acknowledgedBy: null, acknowledgedAt: null, clearedBy: null, clearedAt: null, disposedBy: null, disposedAt: null, disposal: null,
  closedBy: null, closedAt: null, closeNote: null, reviewedBy: null, reviewedAt: null, review: null,
  ackBreachedAt: null, disposeBreachedAt: null, escalatedAt: null, ...over,
});
const RANK: Record<string, number> = { critical: 4, major: 3, minor: 2, warning: 1 };
const rank = (s: string) => RANK[s] ?? 0;

describe('wall alarm book', () => {
  it('counts only the selected region when given its filter, while the whole scope stays in the book', () => {
    const book = new AlarmBook(() => 0);
    book.setSnapshot(
      [
        alarm(1, { enterpriseId: 7, severity: 'critical' }),
        alarm(2, { enterpriseId: 8 }),
        alarm(3, { enterpriseId: null, regionCode: '211321', source: { kind: 'camera', id: 5, name: '1号门' } }),
        alarm(4, { enterpriseId: null, regionCode: '211322', acknowledged: true }),
      ],
      9,
      0,
    );
    const county = regionFilter({ enterpriseIds: [7], unassigned: { prefix: '211321' } });
    expect(book.stats(rank, county)).toMatchObject({ listed: 2, total: 2, unacked: 2, bySeverity: { critical: 1, major: 1, minor: 0, warning: 0 } });
    expect(book.stats(rank)).toMatchObject({ listed: 4, total: 9, unacked: 3 });
    const park = regionFilter({ enterpriseIds: [8], unassigned: { code: '211322' } });
    expect(book.list().filter(park).map((a) => a.id)).toEqual([4, 2]);
  });

  it('lists newest first and drops an alarm once cleared and acknowledged', () => {
    let t = 1000;
    const book = new AlarmBook(() => t);
    book.setSnapshot([alarm(1), alarm(3), alarm(2)], 3, 0);
    expect(book.list().map((a) => a.id)).toEqual([3, 2, 1]);
    t = 2000;
    book.apply({ action: 'cleared', alarm: alarm(2, { acknowledged: true }), cursor: 5 });
    expect(book.list().map((a) => a.id)).toEqual([3, 1]);
    expect(book.cursor).toBe(5);
  });

  it('ignores a change older than one already applied, and keeps newer local copies over a racing snapshot', () => {
    let t = 1000;
    const book = new AlarmBook(() => t);
    book.apply({ action: 'raised', alarm: alarm(1), cursor: 10 });
    t = 3000;
    expect(book.apply({ action: 'acknowledged', alarm: alarm(1), cursor: 12 })?.acknowledged).toBe(true);
    expect(book.apply({ action: 'raised', alarm: alarm(1), cursor: 11 })).toBeNull(); // late
    expect(book.get(1)?.acknowledged).toBe(true);
    book.setSnapshot([alarm(1, { acknowledged: false })], 1, 2000); // the snapshot started before the ack arrived
    expect(book.get(1)?.acknowledged).toBe(true);
    book.setSnapshot([], 0, 4000);
    expect(book.list()).toEqual([]);
  });

  it('catches up from the changes feed once per alarm and cursor', () => {
    const book = new AlarmBook(() => 0);
    book.apply({ action: 'raised', alarm: alarm(1), cursor: 4 });
    const applied = book.applyChanges([
      { cursor: 3, alarm: alarm(1, { count: 9 }) }, // older than what is shown
      { cursor: 7, alarm: alarm(2, { active: false }) },
    ]);
    expect(applied.map((a) => a.id)).toEqual([2]);
    expect(handlingState(book.get(2)!)).toBe('cleared-unacked');
    expect(book.cursor).toBe(7);
    book.clear();
    expect(book.cursor).toBe(0);
  });

  it('counts unacknowledged alarms by severity and the worst active alarm per sensor', () => {
    const book = new AlarmBook(() => 0);
    book.setSnapshot([
      alarm(1, { severity: 'major' }),
      alarm(2, { severity: 'critical', source: { kind: 'sensor', id: 101, name: '' } }),
      alarm(3, { severity: 'minor', acknowledged: true, source: { kind: 'vehicle', id: 9, name: '苏A' } }),
    ], 5, 0);
    const s = book.stats(rank);
    expect(s).toMatchObject({ listed: 3, total: 5, unacked: 2, bySeverity: { critical: 1, major: 1, minor: 0, warning: 0 } });
    expect(s.sensors.get(101)).toBe('critical');
    expect([...s.vehicles]).toEqual([9]);
  });

  it('offers the handling steps in order, review only to officials and administrators', () => {
    const open = alarm(1);
    expect(stepsFor(open, 'operator')).toEqual(['ack', 'clear']);
    expect(stepsFor(alarm(1, { acknowledged: true }), 'operator')).toEqual(['dispose', 'clear']);
    const disposed = alarm(1, { acknowledged: true, active: false, disposedAt: '2031-02-28T16:00:00Z' });
    expect(handlingState(disposed)).toBe('disposed');
    expect(stepsFor(disposed, 'operator')).toEqual(['close']);
    const closed = { ...disposed, closedAt: '2031-02-28T16:05:00Z' };
    expect(stepsFor(closed, 'enterprise')).toEqual([]);
    expect(stepsFor(closed, 'official')).toEqual(['review']);
    expect(stepsFor({ ...closed, reviewedAt: '2031-02-28T16:10:00Z' }, 'admin')).toEqual([]);
  });
});

describe('wall alarm labels', () => {
  it('name alarm types with the names loaded from the server, the level for thresholds and the code until loaded', () => {
    const levels = { high: '高报', high_high: '高高报' };
    expect(alarmTypeText({ type: 'terminal_rollover', level: null }, {}, levels)).toBe('terminal_rollover');
    const types = { threshold: '超限报警', terminal_rollover: '终端侧翻预警' };
    expect(alarmTypeText({ type: 'terminal_rollover', level: null }, types, levels)).toBe('终端侧翻预警');
    expect(alarmTypeText({ type: 'threshold', level: null }, types, levels)).toBe('超限报警');
    expect(alarmTypeText({ type: 'threshold', level: 'high_high' }, types, levels)).toBe('高高报');
  });

  it('derive the handling state shown as data-state', () => {
    const a = { active: true, acknowledged: false, disposedAt: null, closedAt: null };
    expect(handlingState(a)).toBe('active-unacked');
    expect(handlingState({ ...a, acknowledged: true })).toBe('active-acked');
    expect(handlingState({ ...a, active: false })).toBe('cleared-unacked');
    expect(handlingState({ ...a, active: false, acknowledged: true })).toBe('cleared-acked');
    expect(handlingState({ ...a, acknowledged: true, disposedAt: '2026-01-01T00:00:00Z' })).toBe('disposed');
    expect(handlingState({ ...a, acknowledged: true, disposedAt: 'x', closedAt: '2026-01-01T01:00:00Z' })).toBe('closed');
  });
});
