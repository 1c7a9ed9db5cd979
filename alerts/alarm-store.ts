import type { Database, Queryable } from '../platform/db/database.ts';
import { scopeCondition, type Scope } from '../platform/auth/scope.ts';
import type { AlarmDecision, Severity, ThresholdLevel } from './alarm-decision.ts';

export interface Disposal {
  cause: string;
  measures: string;
  attachments: string[];
}

export interface Review {
  result: 'passed' | 'rejected';
  comment: string;
}

export interface Alarm {
  id: number;
  type: string;
  level: ThresholdLevel | null;
  severity: Severity;
  active: boolean;
  acknowledged: boolean;
  source: { kind: 'sensor' | 'vehicle' | 'camera'; id: number; name: string };
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
  clearedBy: string | null;
  clearedAt: string | null;
  disposedBy: string | null;
  disposedAt: string | null;
  disposal: Disposal | null;
  closedBy: string | null;
  closedAt: string | null;
  closeNote: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  review: Review | null;
  ackBreachedAt: string | null;
  disposeBreachedAt: string | null;
  escalatedTo: number | null;
  escalatedAt: string | null;
}

export interface AlarmRow {
  id: number;
  type: string;
  level: ThresholdLevel | null;
  severity: Severity;
  active: boolean;
  acknowledged: boolean;
  source_kind: 'sensor' | 'vehicle' | 'camera';
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
  cleared_by: string | null;
  cleared_at: Date | null;
  disposed_by: string | null;
  disposed_at: Date | null;
  disposal: Disposal | null;
  closed_by: string | null;
  closed_at: Date | null;
  close_note: string | null;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  review: Review | null;
  ack_breached_at: Date | null;
  dispose_breached_at: Date | null;
  escalated_to: number | null;
  escalated_at: Date | null;
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
    clearedBy: r.cleared_by,
    clearedAt: iso(r.cleared_at),
    disposedBy: r.disposed_by,
    disposedAt: iso(r.disposed_at),
    disposal: r.disposal,
    closedBy: r.closed_by,
    closedAt: iso(r.closed_at),
    closeNote: r.close_note,
    reviewedBy: r.reviewed_by,
    reviewedAt: iso(r.reviewed_at),
    review: r.review,
    ackBreachedAt: iso(r.ack_breached_at),
    disposeBreachedAt: iso(r.dispose_breached_at),
    escalatedTo: r.escalated_to,
    escalatedAt: iso(r.escalated_at),
  };
}

/** Handling steps after acknowledgement travel as 'updated' with the step named, so older clients keep working. */
export type HandlingStep = 'disposed' | 'closed' | 'reviewed' | 'escalated' | 'breached';

/**
 * `cursor` is the alarm_events id of this change: GET /api/alarms/changes?since=<cursor> resumes right after it.
 * The store always sets it; it is optional only for changes built by hand (tests of the live channel).
 */
export type AlarmChange = { action: 'raised' | 'updated' | 'cleared' | 'acknowledged'; alarm: Alarm; cursor?: number; step?: HandlingStep };

/** Why a handling step was refused: the alarm is outside the scope, or not in a state that allows the step. */
export type StepRefusal = { refused: 'not_found' } | { refused: 'conflict'; code: string; message: string };

const conflict = (code: string, message: string): StepRefusal => ({ refused: 'conflict', code, message });

/** Relational alarm state. Each method is one transaction and returns what changed, or null when nothing did. */
export class AlarmStore {
  constructor(
    private readonly db: Database,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async apply(d: AlarmDecision): Promise<AlarmChange | null> {
    return this.db.transaction(async (tx) => {
      const [open] = await tx.query<AlarmRow>(
        'select * from alarms where source_kind = $1 and source_id = $2 and type = $3 and active for update',
        [d.source.kind, d.source.id, d.type],
      );
      if (d.action === 'clear') {
        if (!open) return null;
        const row = await one(tx, `update alarms set active = false, cleared_at = $2, value = coalesce($3, value) where id = $1 returning *`, [open.id, d.at, d.value]);
        const cursor = await event(tx, row.id, 'cleared', null, { value: d.value });
        return { action: 'cleared', alarm: toAlarm(row), cursor };
      }
      if (!open) {
        const row = await one(
          tx,
          `insert into alarms (type, level, severity, source_kind, source_id, source_name, enterprise_id, region_code, message, value, peak, first_at, last_at)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11, $11) returning *`,
          [d.type, d.level, d.severity, d.source.kind, d.source.id, d.source.name, d.source.enterpriseId, d.source.regionCode, d.message, d.value, d.at],
        );
        const cursor = await event(tx, row.id, 'raised', null, { value: d.value, level: d.level });
        return { action: 'raised', alarm: toAlarm(row), cursor };
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
      const cursor = await event(tx, row.id, d.action === 'raise' ? 'repeated' : 'updated', null, { value: d.value, level: d.level });
      return { action: 'updated', alarm: toAlarm(row), cursor };
    });
  }

  /** 确认. Kept with its original answers ('not_found' | 'already') for the existing route and tests. */
  async acknowledge(id: number, scope: Scope, actor: string): Promise<AlarmChange | 'not_found' | 'already'> {
    const result = await this.step(id, scope, (row) => (row.acknowledged ? conflict('already_acknowledged', '该报警已确认') : null), async (tx) => ({
      action: 'acknowledged',
      sql: 'acknowledged = true, acknowledged_by = $2, acknowledged_at = $3',
      params: [actor, this.clock()],
      event: { action: 'acknowledged', actor, details: {} },
    }));
    if ('refused' in result) return result.refused === 'not_found' ? 'not_found' : 'already';
    return result;
  }

  /** Clear by hand (the condition may also clear it automatically). */
  async clear(id: number, scope: Scope, actor: string, note: string | null): Promise<AlarmChange | StepRefusal> {
    return this.step(id, scope, (row) => (row.active ? null : conflict('already_cleared', '该报警已消除')), async () => ({
      action: 'cleared',
      sql: 'active = false, cleared_by = $2, cleared_at = $3',
      params: [actor, this.clock()],
      event: { action: 'cleared', actor, details: { manual: true, note } },
    }));
  }

  /** 处置反馈: cause, measures taken and attachments; needs the alarm acknowledged first. */
  async dispose(id: number, scope: Scope, actor: string, disposal: Disposal): Promise<AlarmChange | StepRefusal> {
    return this.step(
      id,
      scope,
      (row) => (!row.acknowledged ? conflict('not_acknowledged', '请先确认报警') : row.closed_at ? conflict('already_closed', '该报警已消警') : null),
      async () => ({
        action: 'updated',
        step: 'disposed',
        sql: 'disposed_by = $2, disposed_at = $3, disposal = $4::jsonb',
        params: [actor, this.clock(), JSON.stringify(disposal)],
        event: { action: 'disposed', actor, details: disposal },
      }),
    );
  }

  /** 消警: after the disposal feedback; an alarm still active is cleared with it. */
  async close(id: number, scope: Scope, actor: string, note: string | null): Promise<AlarmChange | StepRefusal> {
    return this.step(
      id,
      scope,
      (row) => (row.closed_at ? conflict('already_closed', '该报警已消警') : !row.disposed_at ? conflict('not_disposed', '请先填写处置反馈') : null),
      async (row) => ({
        action: row.active ? 'cleared' : 'updated',
        step: 'closed',
        sql: `closed_by = $2, closed_at = $3, close_note = $4, active = false,
              cleared_by = case when active then $2 else cleared_by end, cleared_at = case when active then $3 else cleared_at end`,
        params: [actor, this.clock(), note],
        event: { action: 'closed', actor, details: { note } },
      }),
    );
  }

  /** 核查 by the supervising bureau, once the alarm is closed. */
  async review(id: number, scope: Scope, actor: string, review: Review): Promise<AlarmChange | StepRefusal> {
    return this.step(
      id,
      scope,
      (row) => (!row.closed_at ? conflict('not_closed', '报警尚未消警，不能核查') : row.reviewed_at ? conflict('already_reviewed', '该报警已核查') : null),
      async () => ({
        action: 'updated',
        step: 'reviewed',
        sql: 'reviewed_by = $2, reviewed_at = $3, review = $4::jsonb',
        params: [actor, this.clock(), JSON.stringify(review)],
        event: { action: 'reviewed', actor, details: review },
      }),
    );
  }

  /** Records an SLA breach (and the organisation it escalated to); no scope, the SLA monitor sees everything. */
  async recordBreach(id: number, breach: { kind: 'ack' | 'dispose'; at: Date; escalateTo: { id: number; name: string } | null }): Promise<AlarmChange | null> {
    const result = await this.step(
      id,
      { kind: 'all' },
      (row) => ((breach.kind === 'ack' ? row.ack_breached_at : row.dispose_breached_at) ? conflict('already_breached', '') : null),
      async () => ({
        action: 'updated',
        step: breach.escalateTo ? 'escalated' : 'breached',
        sql: `${breach.kind}_breached_at = $2, escalated_to = coalesce($3, escalated_to), escalated_at = case when $3::int is null then escalated_at else $2 end`,
        params: [breach.at, breach.escalateTo?.id ?? null],
        event: { action: breach.escalateTo ? 'escalated' : 'sla_breached', actor: null, details: { breach: breach.kind, to: breach.escalateTo } },
      }),
    );
    return 'refused' in result ? null : result;
  }

  private async step(
    id: number,
    scope: Scope,
    refuse: (row: AlarmRow) => StepRefusal | null,
    change: (row: AlarmRow) => Promise<{ action: AlarmChange['action']; step?: HandlingStep; sql: string; params: unknown[]; event: { action: string; actor: string | null; details: object } }>,
  ): Promise<AlarmChange | StepRefusal> {
    return this.db.transaction(async (tx) => {
      const params: unknown[] = [id];
      const [row] = await tx.query<AlarmRow>(`select * from alarms where id = $1 and ${scopeCondition(scope, 'enterprise_id', params, 'region_code')} for update`, params);
      if (!row) return { refused: 'not_found' } as const;
      const refusal = refuse(row);
      if (refusal) return refusal;
      const c = await change(row);
      const updated = await one(tx, `update alarms set ${c.sql} where id = $1 returning *`, [id, ...c.params]);
      const cursor = await event(tx, id, c.event.action, c.event.actor, c.event.details, this.clock());
      return { action: c.action, alarm: toAlarm(updated), cursor, ...(c.step ? { step: c.step } : {}) };
    });
  }

  async list(scope: Scope, filter: { state: 'open' | 'all'; limit: number; offset: number }): Promise<{ items: Alarm[]; total: number }> {
    const params: unknown[] = [];
    const where = [scopeCondition(scope, 'enterprise_id', params, 'region_code')];
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
    const [row] = await this.db.query<AlarmRow>(`select * from alarms where id = $1 and ${scopeCondition(scope, 'enterprise_id', params, 'region_code')}`, params);
    return row ? toAlarm(row) : null;
  }

  /**
   * Every alarm in scope changed after `since` (an alarm_events id), each once in its current state, oldest change
   * first. `cursor` is where the next call resumes; it never moves past an in-scope change it did not return.
   */
  async changes(scope: Scope, since: number, limit: number): Promise<{ items: Array<{ cursor: number; alarm: Alarm }>; cursor: number; more: boolean }> {
    // Read first: an event committed after this is newer than it, so moving the cursor here skips nothing unseen.
    const [{ latest }] = await this.db.query<{ latest: number | null }>('select max(id) as latest from alarm_events');
    const params: unknown[] = [since];
    const cond = scopeCondition(scope, 'a.enterprise_id', params, 'a.region_code');
    params.push(limit + 1);
    const rows = await this.db.query<AlarmRow & { cursor: number }>(
      `select a.*, c.cursor from (select alarm_id, max(id) as cursor from alarm_events where id > $1 group by alarm_id) c
         join alarms a on a.id = c.alarm_id where ${cond} order by c.cursor limit $${params.length}`,
      params,
    );
    const more = rows.length > limit;
    const items = rows.slice(0, limit).map((r) => ({ cursor: r.cursor, alarm: toAlarm(r) }));
    const last = items.length ? items[items.length - 1].cursor : since;
    // Without more, past everything up to `latest` too, including changes outside the scope.
    return { items, cursor: more ? last : Math.max(since, last, latest ?? 0), more };
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

/** Event ids are the resync cursor, so they must become visible in id order: one writer at a time until commit. */
const EVENT_ORDER_LOCK = 6_808_203;

async function event(tx: Queryable, alarmId: number, action: string, actor: string | null, details: object, at?: Date): Promise<number> {
  await tx.query('select pg_advisory_xact_lock($1)', [EVENT_ORDER_LOCK]);
  const [{ id }] = await tx.query<{ id: number }>(
    'insert into alarm_events (alarm_id, action, actor, details, at) values ($1, $2, $3, $4::jsonb, coalesce($5, now())) returning id',
    [alarmId, action, actor, JSON.stringify(details), at ?? null],
  );
  return id;
}
