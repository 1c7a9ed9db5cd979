import type { Database, Queryable } from '../platform/db/database.ts';
import { regionInScope, scopeCondition, type Scope } from '../platform/auth/scope.ts';
import { OutOfScopeError, UnknownReferenceError } from '../registry/registry-repository.ts';
import type { Severity } from './alarm-decision.ts';
import type { AlarmRule } from './rule-book.ts';
import { defaultSeverity, ruleParamSchemas, ruleSourceKind, type RuleKind } from './rules/rule-params.ts';
import type { TimeWindow } from './rules/time-window.ts';

export interface RuleInput {
  kind: RuleKind;
  name: string;
  regionCode?: string | null;
  enterpriseId?: number | null;
  source?: { kind: 'sensor' | 'vehicle'; id: number } | null;
  params: Record<string, unknown>;
  severity?: Severity;
  schedule?: TimeWindow[];
  enabled?: boolean;
}

/** A rule input that does not fit its kind (wrong source kind, kind changed on edit). */
export class RuleInputError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

interface RuleRow {
  rule_id: number;
  version: number;
  kind: RuleKind;
  name: string;
  region_code: string | null;
  enterprise_id: number | null;
  source_kind: 'sensor' | 'vehicle' | null;
  source_id: number | null;
  params: Record<string, unknown>;
  severity: Severity;
  schedule: TimeWindow[];
  enabled: boolean;
  created_by: string | null;
  created_at: Date;
}

const toRule = (r: RuleRow): AlarmRule => ({
  id: r.rule_id,
  version: r.version,
  kind: r.kind,
  name: r.name,
  regionCode: r.region_code,
  enterpriseId: r.enterprise_id,
  source: r.source_kind ? { kind: r.source_kind, id: r.source_id! } : null,
  params: r.params,
  severity: r.severity,
  schedule: r.schedule,
  enabled: r.enabled,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at).toISOString(),
});

const latest = 'select distinct on (rule_id) * from alarm_rules order by rule_id, version desc';

/**
 * Alarm rules as versioned rows: every edit (including disabling) inserts version n+1 under the same rule id, so the
 * history stays readable; readers take the latest version. A rule is scoped by the enterprise or region it targets.
 */
export class RuleStore {
  private listeners: Array<() => Promise<void> | void> = [];

  constructor(private readonly db: Database) {}

  /** Writes resolve only after every listener has finished, so an edit is in force when its API call returns. */
  onChange(listener: () => Promise<void> | void): void {
    this.listeners.push(listener);
  }

  /** Latest version of every rule, for the engine. */
  async allLatest(): Promise<AlarmRule[]> {
    return (await this.db.query<RuleRow>(latest)).map(toRule);
  }

  async list(scope: Scope, filter: { kind?: RuleKind } = {}): Promise<AlarmRule[]> {
    const params: unknown[] = [];
    const where = [scopeCondition(scope, 'enterprise_id', params, 'region_code')];
    if (filter.kind) where.push(`kind = $${params.push(filter.kind)}`);
    return (await this.db.query<RuleRow>(`select * from (${latest}) r where ${where.join(' and ')} order by rule_id`, params)).map(toRule);
  }

  async get(id: number, scope: Scope): Promise<AlarmRule | null> {
    return (await this.versions(id, scope))?.[0] ?? null;
  }

  /** Every version, newest first; null when the rule does not exist in the scope. */
  async versions(id: number, scope: Scope): Promise<AlarmRule[] | null> {
    const params: unknown[] = [id];
    const rows = await this.db.query<RuleRow>(`select * from alarm_rules where rule_id = $1 order by version desc`, params);
    if (rows.length === 0) return null;
    const visible = await this.db.query(`select 1 from (${latest}) r where rule_id = $1 and ${scopeCondition(scope, 'enterprise_id', params, 'region_code')}`, params);
    return visible.length ? rows.map(toRule) : null;
  }

  async create(input: RuleInput, scope: Scope, actor: string): Promise<AlarmRule> {
    const rule = await this.db.transaction(async (tx) => this.insert(tx, null, 1, input, scope, actor));
    await this.changed();
    return rule;
  }

  /** A new version with the given content; null when the rule does not exist in the scope. */
  async update(id: number, input: RuleInput, scope: Scope, actor: string): Promise<AlarmRule | null> {
    const current = await this.get(id, scope);
    if (!current) return null;
    if (input.kind !== current.kind) throw new RuleInputError('kind', '规则类型不可修改');
    const rule = await this.db.transaction(async (tx) => this.insert(tx, id, current.version + 1, input, scope, actor));
    await this.changed();
    return rule;
  }

  async setEnabled(id: number, enabled: boolean, scope: Scope, actor: string): Promise<AlarmRule | null> {
    const current = await this.get(id, scope);
    if (!current) return null;
    return this.update(id, { ...current, enabled }, scope, actor);
  }

  private async changed(): Promise<void> {
    await Promise.all(this.listeners.map((l) => l()));
  }

  private async insert(tx: Queryable, ruleId: number | null, version: number, input: RuleInput, scope: Scope, actor: string): Promise<AlarmRule> {
    const params = ruleParamSchemas[input.kind].parse(input.params);
    const target = await this.target(tx, input, scope);
    const [row] = await tx.query<RuleRow>(
      `insert into alarm_rules (rule_id, version, kind, name, region_code, enterprise_id, source_kind, source_id, params, severity, schedule, enabled, created_by)
       values (coalesce($1, nextval('alarm_rule_ids')), $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11::jsonb, $12, $13) returning *`,
      [
        ruleId,
        version,
        input.kind,
        input.name,
        target.regionCode,
        target.enterpriseId,
        input.source?.kind ?? null,
        input.source?.id ?? null,
        JSON.stringify(params),
        input.severity ?? defaultSeverity[input.kind],
        JSON.stringify(input.schedule ?? []),
        input.enabled ?? true,
        actor,
      ],
    );
    return toRule(row);
  }

  /** Resolves what the rule targets to the enterprise and region that scope it, refusing targets outside `scope`. */
  private async target(tx: Queryable, input: RuleInput, scope: Scope): Promise<{ enterpriseId: number | null; regionCode: string | null }> {
    let enterpriseId = input.enterpriseId ?? null;
    if (input.source) {
      if (input.source.kind !== ruleSourceKind[input.kind]) throw new RuleInputError('source.kind', `该规则类型只能针对${ruleSourceKind[input.kind] === 'vehicle' ? '车辆' : '传感器'}`);
      const sql =
        input.source.kind === 'vehicle'
          ? 'select enterprise_id as id from vehicles where id = $1'
          : 'select t.enterprise_id as id from sensors s join tanks t on t.id = s.tank_id where s.id = $1';
      const [owner] = await tx.query<{ id: number }>(sql, [input.source.id]);
      if (!owner) throw new UnknownReferenceError(`${input.source.kind} ${input.source.id}`);
      enterpriseId = owner.id;
    }
    if (enterpriseId !== null) {
      const params: unknown[] = [enterpriseId];
      const [e] = await tx.query<{ region_code: string }>(`select region_code from enterprises where id = $1 and ${scopeCondition(scope, 'id', params)}`, params);
      if (!e) throw new OutOfScopeError('enterprise outside your scope');
      return { enterpriseId, regionCode: e.region_code };
    }
    const regionCode = input.regionCode ?? null;
    if (regionCode === null ? scope.kind !== 'all' : scope.kind === 'enterprise' || !regionInScope(scope, regionCode)) throw new OutOfScopeError('region outside your scope');
    return { enterpriseId: null, regionCode };
  }
}
