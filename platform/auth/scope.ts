/** What part of the hierarchy a user may see: everything, a region subtree, one park, or one enterprise. */
export type Scope =
  | { kind: 'all' }
  | { kind: 'region'; prefix: string }
  | { kind: 'park'; parkId: number; regionCode: string }
  | { kind: 'enterprise'; enterpriseId: number };

/** GB/T 2260: province xx0000, city xxxx00, county xxxxxx; trailing zero pairs mark the level. */
export function regionPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2) === '00' ? '' : code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

export function scopeOf(user: { role: string; regionCode: string | null; enterpriseId: number | null; parkId?: number | null; parkRegionCode?: string | null }): Scope {
  if (user.enterpriseId !== null) return { kind: 'enterprise', enterpriseId: user.enterpriseId };
  if (user.parkId) return { kind: 'park', parkId: user.parkId, regionCode: user.parkRegionCode ?? '' };
  if (user.role === 'admin') return { kind: 'all' };
  if (user.regionCode === null) return { kind: 'region', prefix: 'none' }; // an account without a place sees nothing
  const prefix = regionPrefix(user.regionCode);
  return prefix === '' ? { kind: 'all' } : { kind: 'region', prefix };
}

/** Whether a region code lies inside the scope (for writes that name a region). */
export function regionInScope(scope: Scope, regionCode: string): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'region') return regionCode.startsWith(scope.prefix);
  if (scope.kind === 'park') return regionCode === scope.regionCode;
  return false;
}

/** Socket.IO rooms an event about this enterprise/region goes to; a user joins the rooms from roomsOf(). */
export function roomsFor(enterpriseId: number | null, regionCode: string | null): string[] {
  const rooms = ['all'];
  if (enterpriseId !== null) rooms.push(`enterprise:${enterpriseId}`);
  if (regionCode) {
    rooms.push(`region:${regionCode.slice(0, 2)}`, `region:${regionCode.slice(0, 4)}`, `region:${regionCode}`);
  }
  return [...new Set(rooms)];
}

/** A park user joins the room of each enterprise in the park, so county-wide events never reach it. */
export function roomsOf(scope: Scope, parkEnterpriseIds: readonly number[] = []): string[] {
  if (scope.kind === 'all') return ['all'];
  if (scope.kind === 'enterprise') return [`enterprise:${scope.enterpriseId}`];
  if (scope.kind === 'park') return parkEnterpriseIds.map((id) => `enterprise:${id}`);
  return [`region:${scope.prefix}`];
}

/**
 * SQL condition restricting rows to a scope. `enterpriseColumn` names the row's enterprise id column (resolved
 * through the enterprises table for region and park scopes). For rows owned by a region rather than an
 * enterprise (`regionColumn` given and the enterprise column null), the row's own region decides.
 * Parameters are appended to `params`.
 */
export function scopeCondition(scope: Scope, enterpriseColumn: string, params: unknown[], regionColumn?: string): string {
  if (scope.kind === 'all') return 'true';
  if (scope.kind === 'enterprise') {
    params.push(scope.enterpriseId);
    return `${enterpriseColumn} = $${params.length}`;
  }
  if (scope.kind === 'park') {
    params.push(scope.parkId);
    const byEnterprise = `${enterpriseColumn} in (select id from enterprises where park_id = $${params.length})`;
    if (!regionColumn) return byEnterprise;
    params.push(scope.regionCode);
    return `(${byEnterprise} or (${enterpriseColumn} is null and ${regionColumn} = $${params.length}))`;
  }
  params.push(`${scope.prefix}%`);
  const n = params.length;
  const byEnterprise = `${enterpriseColumn} in (select id from enterprises where region_code like $${n})`;
  return regionColumn ? `(${byEnterprise} or (${enterpriseColumn} is null and ${regionColumn} like $${n}))` : byEnterprise;
}
