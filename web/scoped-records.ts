import type { Queryable } from '../platform/db/database.ts';
import { scopeCondition, type Scope } from '../platform/auth/scope.ts';

/** Rows that carry their owner themselves: an enterprise column, and a region column for rows a region owns. */
const rowOwners = {
  enterprises: { table: 'enterprises', enterprise: 'id' },
  vehicles: { table: 'vehicles', enterprise: 'enterprise_id' },
  devices: { table: 'devices', enterprise: 'enterprise_id' },
  tanks: { table: 'tanks', enterprise: 'enterprise_id' },
  cameras: { table: 'cameras', enterprise: 'enterprise_id' },
  transportStaff: { table: 'transport_staff', enterprise: 'enterprise_id' },
  alarms: { table: 'alarms', enterprise: 'enterprise_id', region: 'region_code' },
  subscriptions: { table: 'notification_subscriptions', enterprise: 'enterprise_id', region: 'region_code' },
  emergencyResources: { table: 'emergency_resources', enterprise: 'enterprise_id', region: 'region_code' },
  users: { table: 'users', enterprise: 'enterprise_id', region: 'region_code' },
  hazardSources: { table: 'hazard_sources', enterprise: 'enterprise_id' },
  waybills: { table: 'waybills', enterprise: 'enterprise_id' },
  geofences: { table: 'geofences', enterprise: 'enterprise_id', region: 'region_code' },
} as const satisfies Record<string, { table: string; enterprise: string; region?: string }>;

export type RowOwnedKind = keyof typeof rowOwners;
/** Sensors belong to the enterprise of their tank. */
export type OwnedKind = RowOwnedKind | 'sensors';

/**
 * The one place routes get scoping from. A route names the kind of record (and the alias its table has in the
 * route's query); which columns tie a row to an enterprise or a region, and how a scope reaches them, live here.
 */
export class ScopedRecords {
  constructor(private readonly db: Queryable) {}

  /** Whether the record exists and lies within the scope; a route answers 404 otherwise. */
  async visible(scope: Scope, kind: OwnedKind, id: number): Promise<boolean> {
    const params: unknown[] = [id];
    const sql =
      kind === 'sensors'
        ? `select 1 from sensors s join tanks t on t.id = s.tank_id where s.id = $1 and ${this.where(scope, 'tanks', params, 't')}`
        : `select 1 from ${rowOwners[kind].table} where id = $1 and ${this.where(scope, kind, params)}`;
    return (await this.db.query(sql, params)).length > 0;
  }

  /**
   * The condition that keeps rows of the kind within the scope, for a statement whose table of that kind is `alias`
   * (or unaliased). Its parameters are appended to `params`.
   */
  where(scope: Scope, kind: RowOwnedKind, params: unknown[], alias?: string): string {
    const owner: { enterprise: string; region?: string } = rowOwners[kind];
    const column = (name: string) => (alias ? `${alias}.${name}` : name);
    return scopeCondition(scope, column(owner.enterprise), params, owner.region && column(owner.region));
  }
}
