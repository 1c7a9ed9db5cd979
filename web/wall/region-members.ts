import type { Queryable } from '../../platform/db/database.ts';
import { scopeCondition, type Scope } from '../../platform/auth/scope.ts';

/**
 * What the wall needs to tell, for live pushes, whether a tank or an alarm belongs to the selected region: the
 * enterprises in the scope, and for records without an enterprise (a camera of a park, say) the region codes they
 * must carry. The same rule as scopeCondition, so the lists match what the narrowed APIs return.
 */
export interface RegionMembers {
  enterpriseIds: number[];
  unassigned: { prefix: string } | { code: string } | null;
}

export async function regionMembers(db: Queryable, scope: Scope): Promise<RegionMembers> {
  const params: unknown[] = [];
  const rows = await db.query<{ id: number }>(`select id from enterprises where ${scopeCondition(scope, 'id', params)} order by id`, params);
  const unassigned = scope.kind === 'region' ? { prefix: scope.prefix } : scope.kind === 'park' ? { code: scope.regionCode } : scope.kind === 'all' ? { prefix: '' } : null;
  return { enterpriseIds: rows.map((r) => r.id), unassigned };
}
