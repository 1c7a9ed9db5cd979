import type { Logger } from 'pino';
import type { Database } from '../platform/db/database.ts';
import type { RegistryDirectory } from '../registry/registry-directory.ts';
import type { AlarmEngine } from './alarm-engine.ts';
import { RuleBook } from './rule-book.ts';
import type { RuleStore } from './rule-store.ts';
import { loadGeofenceIndex } from './geofence-index.ts';

/** Runs `load` each time it is called; only the result of the latest call is applied, so a slow older load never wins. */
function latestOnly<T>(load: () => Promise<T>, apply: (value: T) => void): () => Promise<void> {
  let generation = 0;
  return async () => {
    const mine = ++generation;
    const value = await load();
    if (mine === generation) apply(value);
  };
}

/**
 * Feeds the engine its rules, geofence index, vehicle registry and the vehicles on an in-transit waybill, and reloads
 * them when rules or registries change.
 */
export async function attachRuleContext(engine: AlarmEngine, deps: { db: Database; rules: RuleStore; directory: RegistryDirectory; log: Logger }): Promise<void> {
  const loadRules = latestOnly(
    () => deps.rules.allLatest(),
    (rules) => engine.useRules(new RuleBook(rules)),
  );
  const loadRegistries = latestOnly(
    async () => ({
      index: await loadGeofenceIndex(deps.db),
      vehicles: await deps.db.query<{ id: number; limit: number | null }>('select id, speed_limit_kmh as "limit" from vehicles'),
      // One waybill per vehicle per trip; should two be in transit, the latest departure names the trip.
      trips: await deps.db.query<{ vehicle_id: number; code: string }>(
        `select distinct on (vehicle_id) vehicle_id, code from waybills where status = 'in_transit' order by vehicle_id, departure_at desc`,
      ),
    }),
    ({ index, vehicles, trips }) => {
      if (index.unusable.length) deps.log.warn({ geofenceIds: index.unusable }, 'geofences with unusable geometry are ignored');
      engine.useGeofences(index);
      engine.useVehicles(new Map(vehicles.map((r) => [r.id, r.limit])));
      engine.useTrips(new Map(trips.map((r) => [r.vehicle_id, r.code])));
    },
  );
  await Promise.all([loadRules(), loadRegistries()]);
  const report = (what: string) => (err: Error) => deps.log.error({ err }, `${what} reload failed`);
  deps.rules.onChange(() => loadRules().catch(report('alarm rules')));
  deps.directory.onInvalidate(() => void loadRegistries().catch(report('geofences, vehicles and waybills')));
}
