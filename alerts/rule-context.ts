import type { Logger } from 'pino';
import type { Database } from '../platform/db/database.ts';
import type { RegistryDirectory } from '../platform/registries/registry-directory.ts';
import type { AlarmEngine } from './alarm-engine.ts';
import { RuleBook } from './rule-book.ts';
import type { RuleStore } from './rule-store.ts';
import { loadGeofenceIndex } from './geofence-index.ts';

/** Feeds the engine its rules, geofence index and vehicle speed limits, and reloads them when rules or registries change. */
export async function attachRuleContext(engine: AlarmEngine, deps: { db: Database; rules: RuleStore; directory: RegistryDirectory; log: Logger }): Promise<void> {
  const loadRules = async () => engine.useRules(new RuleBook(await deps.rules.allLatest()));
  const loadRegistries = async () => {
    const index = await loadGeofenceIndex(deps.db);
    if (index.unusable.length) deps.log.warn({ geofenceIds: index.unusable }, 'geofences with unusable geometry are ignored');
    engine.useGeofences(index);
    const rows = await deps.db.query<{ id: number; limit: number }>('select id, speed_limit_kmh as "limit" from vehicles where speed_limit_kmh is not null');
    engine.useVehicleLimits(new Map(rows.map((r) => [r.id, r.limit])));
  };
  await Promise.all([loadRules(), loadRegistries()]);
  const report = (what: string) => (err: Error) => deps.log.error({ err }, `${what} reload failed`);
  deps.rules.onChange(() => loadRules().catch(report('alarm rules')));
  deps.directory.onInvalidate(() => void loadRegistries().catch(report('geofences and vehicle limits')));
}
