/** What part of the hierarchy a user may see: everything, a region subtree, or one enterprise. */
export type Scope = { kind: 'all' } | { kind: 'region'; prefix: string } | { kind: 'enterprise'; enterpriseId: number };

/** GB/T 2260: province xx0000, city xxxx00, county xxxxxx; trailing zero pairs mark the level. */
export function regionPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2) === '00' ? '' : code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

export function scopeOf(user: { role: string; regionCode: string | null; enterpriseId: number | null }): Scope {
  if (user.enterpriseId !== null) return { kind: 'enterprise', enterpriseId: user.enterpriseId };
  if (user.role === 'admin' || user.regionCode === null) return user.role === 'admin' ? { kind: 'all' } : { kind: 'region', prefix: 'none' };
  const prefix = regionPrefix(user.regionCode);
  return prefix === '' ? { kind: 'all' } : { kind: 'region', prefix };
}

/** Socket.IO rooms an event about this enterprise/region goes to; a user joins exactly one room from roomFor(). */
export function roomsFor(enterpriseId: number | null, regionCode: string | null): string[] {
  const rooms = ['all'];
  if (enterpriseId !== null) rooms.push(`enterprise:${enterpriseId}`);
  if (regionCode) {
    rooms.push(`region:${regionCode.slice(0, 2)}`, `region:${regionCode.slice(0, 4)}`, `region:${regionCode}`);
  }
  return [...new Set(rooms)];
}

export function roomFor(scope: Scope): string {
  if (scope.kind === 'all') return 'all';
  if (scope.kind === 'enterprise') return `enterprise:${scope.enterpriseId}`;
  return `region:${scope.prefix}`;
}

/**
 * SQL condition restricting rows to a scope. `enterpriseColumn` names the row's enterprise id column;
 * the region is resolved through the enterprises table. Parameters are appended to `params`.
 */
export function scopeCondition(scope: Scope, enterpriseColumn: string, params: unknown[]): string {
  if (scope.kind === 'all') return 'true';
  if (scope.kind === 'enterprise') {
    params.push(scope.enterpriseId);
    return `${enterpriseColumn} = $${params.length}`;
  }
  params.push(`${scope.prefix}%`);
  return `${enterpriseColumn} in (select id from enterprises where region_code like $${params.length})`;
}
