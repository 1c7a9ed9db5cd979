import { z } from 'zod';
import type { Queryable } from '../platform/db/database.ts';
import { regionPrefix, type Scope } from '../platform/auth/scope.ts';

/** `region` query parameter: a GB/T 2260 code (000000 = all) or `park:<organisation id>`. */
export const regionParam = z
  .string()
  .regex(/^(\d{6}|park:\d{1,9})$/, '六位行政区划代码或 park:<园区编号>')
  .optional()
  .describe('在本人权限范围内收窄：六位行政区划代码，或 park:<园区机构编号>；超出权限范围返回 403');

export const regionRefusal = { error: 'region_out_of_scope', message: '所选区域超出本账号的管辖范围' } as const;

/**
 * The scope a request works in: the user's own, narrowed to the selected region or park. A selection that is not
 * inside the user's scope (a wider region, a neighbour, another park) is refused (null), never silently widened or
 * replaced: a county user asking for its city gets 403, not its county under the city's name.
 */
export async function narrowScope(db: Queryable, scope: Scope, region: string | undefined): Promise<Scope | null> {
  if (region === undefined) return scope;
  if (region.startsWith('park:')) {
    const [park] = await db.query<{ id: number; region_code: string }>(`select id, region_code from organizations where id = $1 and kind = 'park'`, [Number(region.slice(5))]);
    if (!park) return null;
    const target: Scope = { kind: 'park', parkId: park.id, regionCode: park.region_code };
    if (scope.kind === 'all') return target;
    if (scope.kind === 'region') return park.region_code.startsWith(scope.prefix) ? target : null;
    if (scope.kind === 'park') return scope.parkId === park.id ? scope : null;
    return null;
  }
  const prefix = regionPrefix(region);
  if (scope.kind === 'all') return prefix === '' ? scope : { kind: 'region', prefix };
  if (scope.kind === 'region') return prefix !== '' && prefix.startsWith(scope.prefix) ? { kind: 'region', prefix } : null;
  return null;
}
