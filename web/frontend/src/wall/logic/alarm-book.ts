// The wall's open alarms: newest first; an alarm leaves once it is both cleared and acknowledged (or closed).
// Every change carries a cursor (alarm_events id): changes older than one already applied are dropped, and the
// highest cursor seen is where GET /api/alarms/changes resumes after a disconnect. Pure, with an injected clock.
import type { Alarm, AlarmChange, Severity } from '../live/types';
import { isNum } from './numbers';

export type HandlingState = 'active-unacked' | 'active-acked' | 'cleared-unacked' | 'cleared-acked' | 'disposed' | 'closed';

/** closed > disposed > active/cleared × acknowledged (the server's alarmDisplayStates). */
export function handlingState(a: Pick<Alarm, 'active' | 'acknowledged' | 'disposedAt' | 'closedAt'>): HandlingState {
  if (a.closedAt) return 'closed';
  if (a.disposedAt) return 'disposed';
  return `${a.active ? 'active' : 'cleared'}-${a.acknowledged ? 'acked' : 'unacked'}`;
}

export const isOffTheList = (a: Alarm): boolean => (!a.active && a.acknowledged) || !!a.closedAt;

export type Step = 'ack' | 'dispose' | 'close' | 'review' | 'clear';
const REVIEW_ROLES = new Set(['admin', 'official']);

/** The handling steps the drawer offers: 确认 → 处置反馈 → 消警 → 核查 (officials), plus 手动消除 while active. */
export function stepsFor(a: Alarm, role: string | null | undefined): Step[] {
  const steps: Step[] = [];
  if (!a.acknowledged && !a.closedAt) steps.push('ack');
  if (a.acknowledged && !a.disposedAt && !a.closedAt) steps.push('dispose');
  if (a.disposedAt && !a.closedAt) steps.push('close');
  if (a.closedAt && !a.reviewedAt && role && REVIEW_ROLES.has(role)) steps.push('review');
  if (a.active && !a.closedAt) steps.push('clear');
  return steps;
}

const time = (iso: string | null | undefined) => {
  const t = iso ? new Date(iso).getTime() : NaN;
  return Number.isNaN(t) ? 0 : t;
};
const sortKey = (a: Alarm) => time(a.firstAt) || time(a.lastAt);

/** Newest first; the id breaks ties so the order is stable. */
export const byNewest = (a: Alarm, b: Alarm): number => sortKey(b) - sortKey(a) || b.id - a.id;

export interface AlarmStats {
  listed: number;
  total: number;
  unacked: number;
  bySeverity: Record<Severity, number>;
  /** sensorId → worst severity of its active alarms */
  sensors: Map<number, Severity>;
  vehicles: Set<number>;
}

export class AlarmBook {
  private readonly alarms = new Map<number, Alarm>();
  private readonly touchedAt = new Map<number, number>();
  private readonly cursors = new Map<number, number>();
  private lastCursor = 0;
  private hiddenByServer = 0;

  constructor(private readonly now: () => number = Date.now) {}

  get cursor(): number {
    return this.lastCursor;
  }

  get(id: number): Alarm | undefined {
    return this.alarms.get(id);
  }

  list(): Alarm[] {
    return [...this.alarms.values()].sort(byNewest);
  }

  /** Snapshot of GET /api/alarms?state=open. Alarms changed locally after `startedAt` keep their newer copy. */
  setSnapshot(items: Alarm[], total: number | undefined, startedAt: number): void {
    const incoming = new Map(items.filter((a) => a && a.id != null).map((a) => [a.id, a]));
    for (const id of [...this.alarms.keys()]) {
      if (!incoming.has(id) && !((this.touchedAt.get(id) ?? 0) > startedAt)) this.alarms.delete(id);
    }
    for (const [id, a] of incoming) {
      if ((this.touchedAt.get(id) ?? 0) > startedAt && this.alarms.has(id)) continue;
      this.upsert(a);
    }
    this.hiddenByServer = isNum(total) ? Math.max(0, total - items.length) : 0;
  }

  /** A live change (or a step's answer). Returns the alarm as applied, or null when it was stale. */
  apply(change: AlarmChange): Alarm | null {
    const a = change.alarm;
    if (!a || a.id == null || !this.takeCursor(a.id, change.cursor)) return null;
    this.touchedAt.set(a.id, this.now());
    const alarm = change.action === 'acknowledged' ? { ...a, acknowledged: true } : change.action === 'cleared' ? { ...a, active: false } : a;
    this.upsert(alarm);
    return alarm;
  }

  /** Items of GET /api/alarms/changes: each changed alarm's current state. Returns those applied. */
  applyChanges(items: { cursor: number; alarm: Alarm }[]): Alarm[] {
    const applied: Alarm[] = [];
    for (const it of items) {
      const a = it?.alarm;
      if (!a || a.id == null || !this.takeCursor(a.id, it.cursor)) continue;
      this.touchedAt.set(a.id, this.now());
      this.upsert(a);
      applied.push(a);
    }
    return applied;
  }

  /** Counts of the listed alarms, or of those `keep` accepts (a region): then the server's unlisted rest is unknown. */
  stats(rank: (severity: string) => number, keep?: (a: Alarm) => boolean): AlarmStats {
    const bySeverity: Record<Severity, number> = { critical: 0, major: 0, minor: 0, warning: 0 };
    let unacked = 0;
    const sensors = new Map<number, Severity>();
    const vehicles = new Set<number>();
    let listed = 0;
    for (const a of this.alarms.values()) {
      if (keep && !keep(a)) continue;
      listed++;
      if (!a.acknowledged) {
        unacked++;
        if (a.severity in bySeverity) bySeverity[a.severity]++;
      }
      if (!a.active) continue;
      if (a.source.kind === 'sensor') {
        const cur = sensors.get(a.source.id);
        if (!cur || rank(a.severity) > rank(cur)) sensors.set(a.source.id, a.severity);
      } else if (a.source.kind === 'vehicle') vehicles.add(a.source.id);
    }
    return { listed, total: keep ? listed : listed + this.hiddenByServer, unacked, bySeverity, sensors, vehicles };
  }

  clear(): void {
    this.alarms.clear();
    this.touchedAt.clear();
    this.cursors.clear();
    this.lastCursor = 0;
    this.hiddenByServer = 0;
  }

  private upsert(a: Alarm): void {
    if (isOffTheList(a)) this.alarms.delete(a.id);
    else this.alarms.set(a.id, a);
  }

  private takeCursor(id: number, cursor: number | null | undefined): boolean {
    if (!isNum(cursor)) return true;
    if ((this.cursors.get(id) ?? 0) >= cursor) return false;
    this.cursors.set(id, cursor);
    if (cursor > this.lastCursor) this.lastCursor = cursor;
    return true;
  }
}
