import type { Database } from '../../platform/db/database.ts';

/** Violation records and their handling are kept 3 years; configuration may lengthen that, never shorten it. */
export const MIN_ALARM_RETENTION_YEARS = 3;

export function retentionCutoff(now: Date, years: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - Math.max(years, MIN_ALARM_RETENTION_YEARS));
  return cutoff;
}

/** Deletes finished alarms (no longer active, closed or cleared) older than the retention; returns how many. */
export async function purgeExpiredAlarms(db: Database, now: Date, years: number): Promise<number> {
  const rows = await db.query<{ id: number }>('delete from alarms where not active and coalesce(closed_at, cleared_at) < $1 returning id', [retentionCutoff(now, years)]);
  return rows.length;
}
