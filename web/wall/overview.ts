import type { Database } from '../../platform/db/database.ts';
import type { Scope } from '../../platform/auth/scope.ts';
import { shanghaiDate } from '../../platform/time/shanghai-calendar.ts';
import type { SensorLiveState } from '../../monitor/live-state/sensor-live-state.ts';
import type { Severity } from '../../alerts/alarm-decision.ts';
import { ScopedRecords } from '../scoped-records.ts';

export interface OnlineFigure {
  total: number;
  online: number;
  /** online / total, 0..1; null when there is nothing to count. */
  rate: number | null;
}

export interface Overview {
  at: string;
  /** The Asia/Shanghai calendar day "today" means (YYYY-MM-DD). */
  day: string;
  sensors: OnlineFigure;
  vehicles: OnlineFigure;
  /** Open = still active or not yet acknowledged, as in the wall's alarm list. */
  openAlarms: Record<Severity, number> & { total: number };
  todayAlarms: { total: number; hourly: Array<{ hour: number; count: number }> };
  enterprises: number;
  hazardSources: { total: number; byLevel: Array<{ level: 1 | 2 | 3 | 4; count: number }> };
  vehiclesOnTrip: number;
  safetyCommitmentRate: number | null;
}

const rate = (online: number, total: number): OnlineFigure => ({ total, online, rate: total === 0 ? null : online / total });

/** The wall's overview strip for one scope. Each figure is one indexed query; nothing is cached. */
export class WallOverview {
  private readonly records: ScopedRecords;

  constructor(
    private readonly deps: { db: Database; sensorLive: SensorLiveState; vehicleOnline: (id: number) => boolean; clock: () => Date },
  ) {
    this.records = new ScopedRecords(deps.db);
  }

  async figures(scope: Scope): Promise<Overview> {
    const { db } = this.deps;
    const now = this.deps.clock();
    const day = shanghaiDate(now);
    const dayStart = new Date(`${day}T00:00:00+08:00`);
    const scoped = async <T>(kind: Parameters<ScopedRecords['where']>[1], alias: string, sql: (where: string, params: unknown[]) => string, extra: unknown[] = []) => {
      const params = [...extra];
      const where = this.records.where(scope, kind, params, alias);
      return db.query<T>(sql(where, params), params);
    };

    const sensors = await scoped<{ id: number; timeout_s: number }>('tanks', 't', (w) => `select s.id, s.interruption_timeout_s as timeout_s from sensors s join tanks t on t.id = s.tank_id where ${w}`);
    const sensorsOnline = sensors.filter((s) => {
      const live = this.deps.sensorLive.get(s.id);
      return live !== undefined && live.stale !== true && now.getTime() - live.ts.getTime() <= s.timeout_s * 1000;
    }).length;
    const vehicles = await scoped<{ id: number }>('vehicles', 'v', (w) => `select v.id from vehicles v where ${w}`);
    const open = await scoped<{ severity: Severity; count: number }>('alarms', 'a', (w) => `select a.severity, count(*)::int as count from alarms a where (a.active or not a.acknowledged) and ${w} group by a.severity`);
    const hourly = await scoped<{ hour: number; count: number }>(
      'alarms',
      'a',
      (w) => `select floor(extract(epoch from a.first_at - $1::timestamptz) / 3600)::int as hour, count(*)::int as count
                from alarms a where a.first_at >= $1::timestamptz and a.first_at < $2::timestamptz and ${w} group by 1`,
      [dayStart, new Date(dayStart.getTime() + 86_400_000)],
    );
    const [{ count: enterprises }] = await scoped<{ count: number }>('enterprises', 'e', (w) => `select count(*)::int as count from enterprises e where ${w}`);
    const levels = await scoped<{ level: 1 | 2 | 3 | 4; count: number }>('hazardSources', 'h', (w) => `select h.level, count(*)::int as count from hazard_sources h where h.level is not null and ${w} group by h.level order by h.level`);
    const [{ count: onTrip }] = await scoped<{ count: number }>('waybills', 'w', (w) => `select count(distinct w.vehicle_id)::int as count from waybills w where w.status = 'in_transit' and ${w}`);

    const bySeverity = { critical: 0, major: 0, minor: 0, warning: 0 } as Record<Severity, number>;
    for (const r of open) bySeverity[r.severity] = r.count;
    const hours = Array.from({ length: 24 }, (_, hour) => ({ hour, count: hourly.find((h) => h.hour === hour)?.count ?? 0 }));
    return {
      at: now.toISOString(),
      day,
      sensors: rate(sensorsOnline, sensors.length),
      vehicles: rate(vehicles.filter((v) => this.deps.vehicleOnline(v.id)).length, vehicles.length),
      openAlarms: { ...bySeverity, total: open.reduce((n, r) => n + r.count, 0) },
      todayAlarms: { total: hours.reduce((n, h) => n + h.count, 0), hourly: hours },
      enterprises,
      hazardSources: { total: levels.reduce((n, l) => n + l.count, 0), byLevel: ([1, 2, 3, 4] as const).map((level) => ({ level, count: levels.find((l) => l.level === level)?.count ?? 0 })) },
      vehiclesOnTrip: onTrip,
      safetyCommitmentRate: null,
    };
  }
}
