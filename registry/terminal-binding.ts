import type { Database } from '../platform/db/database.ts';
import { scopeCondition, type Scope } from '../platform/auth/scope.ts';
import { recordAudit, type Actor } from './audit-trail.ts';
import { rowToApi } from './registry-module.ts';
import { vehiclesModule } from './modules/vehicles.ts';

export type ReleaseResult = { released: Record<string, unknown> } | { refused: 'not_found' | 'not_bound' };

/**
 * Releases a vehicle's terminal binding (e.g. the terminal was replaced): the device, its IMEI and the auth code go,
 * so the old code stops working and the next registration binds whatever device registers. Audited with before/after.
 */
export async function releaseTerminal(db: Database, scope: Scope, vehicleId: number, actor: Actor, reason: string | null): Promise<ReleaseResult> {
  return db.transaction(async (tx): Promise<ReleaseResult> => {
    const params: unknown[] = [vehicleId];
    const [before] = await tx.query<Record<string, unknown>>(
      `select v.*, e.region_code from vehicles v join enterprises e on e.id = v.enterprise_id
       where v.id = $1 and ${scopeCondition(scope, 'v.enterprise_id', params)} for update of v`,
      params,
    );
    if (!before) return { refused: 'not_found' };
    if (before.terminal_id === null && before.terminal_imei === null && before.auth_code_hash === null) return { refused: 'not_bound' };
    const [after] = await tx.query<Record<string, unknown>>(
      `update vehicles set terminal_id = null, terminal_maker = null, terminal_model = null, terminal_imei = null, terminal_bound_at = null,
         auth_code_hash = null, updated_at = now()
       where id = $1 returning *`,
      [vehicleId],
    );
    const { region_code: regionCode, ...row } = before;
    const hidden = vehiclesModule.hiddenColumns;
    await recordAudit(tx, {
      actor,
      module: vehiclesModule.name,
      recordId: vehicleId,
      action: 'release_terminal',
      before: { ...rowToApi(row, hidden), reason },
      after: { ...rowToApi(after, hidden), reason },
      enterpriseId: after.enterprise_id as number,
      regionCode: regionCode as string,
    });
    return { released: rowToApi(after, hidden) };
  });
}
