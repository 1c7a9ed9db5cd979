import type { Database } from '../../platform/db/database.ts';
import { regionPrefix, scopeCondition, type Scope } from '../../platform/auth/scope.ts';
import type { Severity } from '../alarm-decision.ts';
import { toAlarm, type Alarm, type AlarmRow } from '../alarm-store.ts';
import { alarmTypeLabel, severityLabel, severityRank } from '../alarm-labels.ts';
import { regionName } from '../../registry/region-names.ts';
import { shanghaiDate } from '../../platform/time/shanghai-calendar.ts';

const MAX_FILLED_DAYS = 400;

/** Every Shanghai day of a bounded period, zero where nothing happened, so a chart has no gaps. */
function fillDays(rows: Array<{ day: string; count: number }>, from: Date | undefined, to: Date | undefined): Array<{ day: string; count: number }> {
  if (!from || !to || to <= from) return rows;
  const last = shanghaiDate(to.getTime() - 1);
  const days: string[] = [];
  for (let d = shanghaiDate(from); d <= last && days.length < MAX_FILLED_DAYS; d = shanghaiDate(Date.parse(`${d}T00:00:00+08:00`), 1)) days.push(d);
  if (days.length >= MAX_FILLED_DAYS) return rows;
  const counts = new Map(rows.map((r) => [r.day, r.count]));
  return days.map((day) => ({ day, count: counts.get(day) ?? 0 }));
}

export const handlingStates = ['active', 'cleared', 'unacknowledged', 'acknowledged', 'disposed', 'closed', 'unclosed', 'reviewed', 'breached'] as const;
export type HandlingState = (typeof handlingStates)[number];

export interface HistoryFilter {
  type?: string;
  severity?: Severity;
  regionCode?: string;
  enterpriseId?: number;
  from?: Date;
  to?: Date;
  state?: HandlingState;
  sourceKind?: 'sensor' | 'vehicle';
  sourceId?: number;
}

const stateCondition: Record<HandlingState, string> = {
  active: 'active',
  cleared: 'not active',
  unacknowledged: 'not acknowledged',
  acknowledged: 'acknowledged',
  disposed: 'disposed_at is not null',
  closed: 'closed_at is not null',
  unclosed: 'closed_at is null',
  reviewed: 'reviewed_at is not null',
  breached: '(ack_breached_at is not null or dispose_breached_at is not null)',
};

/** SQL condition for the caller's scope and the history filters (time on the first occurrence); appends to `params`. */
export function historyCondition(scope: Scope, f: HistoryFilter, params: unknown[]): string {
  const where = [scopeCondition(scope, 'enterprise_id', params, 'region_code')];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (f.type) add((n) => `type = ${n}`, f.type);
  if (f.severity) add((n) => `severity = ${n}`, f.severity);
  if (f.regionCode) add((n) => `region_code like ${n}`, `${regionPrefix(f.regionCode)}%`);
  if (f.enterpriseId) add((n) => `enterprise_id = ${n}`, f.enterpriseId);
  if (f.from) add((n) => `first_at >= ${n}`, f.from);
  if (f.to) add((n) => `first_at < ${n}`, f.to);
  if (f.sourceKind) add((n) => `source_kind = ${n}`, f.sourceKind);
  if (f.sourceId) add((n) => `source_id = ${n}`, f.sourceId);
  if (f.state) where.push(stateCondition[f.state]);
  return where.join(' and ');
}

export interface AlarmStatistics {
  total: number;
  byType: Array<{ type: string; label: string; count: number }>;
  bySeverity: Array<{ severity: Severity; label: string; count: number }>;
  byRegion: Array<{ regionCode: string | null; name: string | null; count: number }>;
  byEnterprise: Array<{ enterpriseId: number | null; name: string | null; count: number }>;
  byDay: Array<{ day: string; count: number }>;
  meanAckSeconds: number | null;
  meanCloseSeconds: number | null;
  topSources: Array<{ kind: string; id: number; name: string; count: number }>;
  slaBreaches: { ack: number; dispose: number; escalated: number };
}

/** Alarm history and statistics over the same filters; days are China Standard Time (UTC+8, no daylight saving). */
export class AlarmHistory {
  constructor(private readonly db: Database) {}

  async list(scope: Scope, f: HistoryFilter, page: { limit: number; offset: number }): Promise<{ items: Alarm[]; total: number }> {
    const params: unknown[] = [];
    const cond = historyCondition(scope, f, params);
    const [{ total }] = await this.db.query<{ total: number }>(`select count(*)::int as total from alarms where ${cond}`, params);
    params.push(page.limit, page.offset);
    const rows = await this.db.query<AlarmRow>(`select * from alarms where ${cond} order by first_at desc, id desc limit $${params.length - 1} offset $${params.length}`, params);
    return { items: rows.map(toAlarm), total };
  }

  async statistics(scope: Scope, f: HistoryFilter): Promise<AlarmStatistics> {
    const params: unknown[] = [];
    const cond = historyCondition(scope, f, params);
    const q = <T>(sql: string) => this.db.query<T>(sql, params);
    const [summary] = await q<{ total: number; mean_ack: number | null; mean_close: number | null; ack: number; dispose: number; escalated: number }>(
      `select count(*)::int as total,
              avg(extract(epoch from acknowledged_at - first_at))::float8 as mean_ack,
              avg(extract(epoch from closed_at - first_at))::float8 as mean_close,
              count(ack_breached_at)::int as ack, count(dispose_breached_at)::int as dispose, count(escalated_to)::int as escalated
         from alarms where ${cond}`,
    );
    const byType = await q<{ type: string; count: number }>(`select type, count(*)::int as count from alarms where ${cond} group by type order by count desc, type`);
    const bySeverity = await q<{ severity: Severity; count: number }>(`select severity, count(*)::int as count from alarms where ${cond} group by severity`);
    const byEnterprise = await q<{ enterprise_id: number | null; name: string | null; count: number }>(
      `select x.enterprise_id, e.name, x.count from (select enterprise_id, count(*)::int as count from alarms where ${cond} group by enterprise_id) x
         left join enterprises e on e.id = x.enterprise_id order by x.count desc, x.enterprise_id`,
    );
    const byRegion = await q<{ region_code: string | null; count: number }>(
      `select region_code, count(*)::int as count from alarms where ${cond} group by region_code order by count desc, region_code`,
    );
    const byDay = await q<{ day: string; count: number }>(
      `select to_char((first_at at time zone 'UTC') + interval '8 hours', 'YYYY-MM-DD') as day, count(*)::int as count from alarms where ${cond} group by 1 order by 1`,
    );
    const top = await q<{ source_kind: string; source_id: number; source_name: string; count: number }>(
      `select source_kind, source_id, max(source_name) as source_name, count(*)::int as count from alarms where ${cond}
        group by source_kind, source_id order by count desc, source_id limit 10`,
    );
    return {
      total: summary.total,
      byType: byType.map((r) => ({ ...r, label: alarmTypeLabel[r.type] ?? r.type })),
      bySeverity: (Object.keys(severityRank) as Severity[])
        .sort((a, b) => severityRank[b] - severityRank[a])
        .map((severity) => ({ severity, label: severityLabel[severity], count: bySeverity.find((r) => r.severity === severity)?.count ?? 0 })),
      byRegion: byRegion.map((r) => ({ regionCode: r.region_code, name: r.region_code ? regionName(r.region_code) : null, count: r.count })),
      byEnterprise: byEnterprise.map((r) => ({ enterpriseId: r.enterprise_id, name: r.name, count: r.count })),
      byDay: fillDays(byDay, f.from, f.to),
      meanAckSeconds: summary.mean_ack,
      meanCloseSeconds: summary.mean_close,
      topSources: top.map((r) => ({ kind: r.source_kind, id: r.source_id, name: r.source_name, count: r.count })),
      slaBreaches: { ack: summary.ack, dispose: summary.dispose, escalated: summary.escalated },
    };
  }
}
