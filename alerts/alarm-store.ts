import type { Database, Queryable } from '../platform/db/database.ts';
import { scopeCondition, type Scope } from '../platform/auth/scope.ts';
import type { AlarmDecision, Severity, ThresholdLevel } from './alarm-decision.ts';

export interface Alarm {
  id: number;
  type: string;
  level: ThresholdLevel | null;
  severity: Severity;
  active: boolean;
  acknowledged: boolean;
  source: { kind: 'sensor' | 'vehicle'; id: number; name: string };
  enterpriseId: number | null;
  regionCode: string | null;
  message: string;
  value: number | null;
  peak: number | null;
  count: number;
  firstAt: string;
  lastAt: string;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  clearedAt: string | null;
}

interface AlarmRow {
  id: number;
  type: string;
  level: ThresholdLevel | null;
  severity: Severity;
  active: boolean;
  acknowledged: boolean;
  source_kind: 'sensor' | 'vehicle';
  source_id: number;
  source_name: string;
  enterprise_id: number | null;
  region_code: string | null;
  message: string;
  value: number | null;
  peak: number | null;
  count: number;
  first_at: Date;
  last_at: Date;
  acknowledged_by: string | null;
  acknowledged_at: Date | null;
  cleared_at: Date | null;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function toAlarm(r: AlarmRow): Alarm {
  return {
    id: r.id,
    type: r.type,
    level: r.level,
    severity: r.severity,
    active: r.active,
    acknowledged: r.acknowledged,
    source: { kind: r.source_kind, id: r.source_id, name: r.source_name },
    enterpriseId: r.enterprise_id,
    regionCode: r.region_code,
    message: r.message,
    value: r.value,
    peak: r.peak,
    count: r.count,
    firstAt: iso(r.first_at)!,
    lastAt: iso(r.last_at)!,
    acknowledgedBy: r.acknowledged_by,
    acknowledgedAt: iso(r.acknowledged_at),
    clearedAt: iso(r.cleared_at),
  };
}

export type AlarmChange = { action: 'raised' | 'updated' | 'cleared' | 'acknowledged'; alarm: Alarm };

/** Relational alarm state. Each method is one transaction and returns what changed, or null when nothing did. */
export class AlarmStore {
  constructor(private readonly db: Database) {}

  async apply(d: AlarmDecision): Promise<AlarmChange | null> {
    return this.db.transaction(async (tx) => {
      const [open] = await tx.query<AlarmRow>(
        'select * from alarms where source_kind = $1 and source_id = $2 and type = $3 and active for update',
        [d.source.kind, d.source.id, d.type],
      );
      if (d.action === 'clear') {
        if (!open) return null;
        const row = await one(tx, `update alarms set active = false, cleared_at = $2, value = coalesce($3, value) where id = $1 returning *`, [open.id, d.at, d.value]);
        await event(tx, row.id, 'cleared', null, { value: d.value });
        return { action: 'cleared', alarm: toAlarm(row) };
      }
      if (!open) {
        const row = await one(
          tx,
          `insert into alarms (type, level, severity, source_kind, source_id, source_name, enterprise_id, region_code, message, value, peak, first_at, last_at)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11, $11) returning *`,
          [d.type, d.level, d.severity, d.source.kind, d.source.id, d.source.name, d.source.enterpriseId, d.source.regionCode, d.message, d.value, d.at],
        );
        await event(tx, row.id, 'raised', null, { value: d.value, level: d.level });
        return { action: 'raised', alarm: toAlarm(row) };
      }
      // A repeat or a level change updates the one open alarm instead of opening another.
      const row = await one(
        tx,
        `update alarms set level = $2, severity = $3, message = $4, value = $5, last_at = greatest(last_at, $6), count = count + $7,
           peak = case when $5::float8 is null then peak when peak is null then $5::float8
                       when level in ('low', 'low_low') then least(peak, $5::float8) else greatest(peak, $5::float8) end
         where id = $1 returning *`,
        [open.id, d.level, d.severity, d.message, d.value, d.at, d.action === 'raise' ? 1 : 0],
      );
      await event(tx, row.id, d.action === 'raise' ? 'repeated' : 'updated', null, { value: d.value, level: d.level });
      return { action: 'updated', alarm: toAlarm(row) };
    });
  }

  async acknowledge(id: number, scope: Scope, actor: string): Promise<AlarmChange | 'not_found' | 'already'> {
    return this.db.transaction(async (tx) => {
      const params: unknown[] = [id];
      const [row] = await tx.query<AlarmRow>(`select * from alarms where id = $1 and ${scopeCondition(scope, 'enterprise_id', params)} for update`, params);
      if (!row) return 'not_found';
      if (row.acknowledged) return 'already';
      const updated = await one(tx, 'update alarms set acknowledged = true, acknowledged_by = $2, acknowledged_at = now() where id = $1 returning *', [id, actor]);
      await event(tx, id, 'acknowledged', actor, {});
      return { action: 'acknowledged', alarm: toAlarm(updated) };
    });
  }

  async list(scope: Scope, filter: { state: 'open' | 'all'; limit: number; offset: number }): Promise<{ items: Alarm[]; total: number }> {
    const params: unknown[] = [];
    const where = [scopeCondition(scope, 'enterprise_id', params)];
    if (filter.state === 'open') where.push('(active or not acknowledged)');
    const cond = where.join(' and ');
    const [{ total }] = await this.db.query<{ total: number }>(`select count(*)::int as total from alarms where ${cond}`, params);
    params.push(filter.limit, filter.offset);
    const rows = await this.db.query<AlarmRow>(
      `select * from alarms where ${cond} order by last_at desc, id desc limit $${params.length - 1} offset $${params.length}`,
      params,
    );
    return { items: rows.map(toAlarm), total };
  }

  async get(id: number, scope: Scope): Promise<Alarm | null> {
    const params: unknown[] = [id];
    const [row] = await this.db.query<AlarmRow>(`select * from alarms where id = $1 and ${scopeCondition(scope, 'enterprise_id', params)}`, params);
    return row ? toAlarm(row) : null;
  }

  /** Open alarms, to rebuild rule state after a restart. */
  async active(): Promise<Alarm[]> {
    return (await this.db.query<AlarmRow>('select * from alarms where active')).map(toAlarm);
  }
}

async function one(tx: Queryable, sql: string, params: unknown[]): Promise<AlarmRow> {
  const [row] = await tx.query<AlarmRow>(sql, params);
  return row;
}

async function event(tx: Queryable, alarmId: number, action: string, actor: string | null, details: object) {
  await tx.query('insert into alarm_events (alarm_id, action, actor, details) values ($1, $2, $3, $4::jsonb)', [alarmId, action, actor, JSON.stringify(details)]);
}
