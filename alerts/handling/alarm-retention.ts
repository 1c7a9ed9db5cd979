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

/**
 * Attachment folders (DATA_DIR/attachments/<alarmId>/: disposal files, alarm snapshots and clips) of alarms that no
 * longer exist, i.e. that retention deleted: their files go with them. Returns how many folders were removed.
 */
export async function purgeOrphanAttachments(db: Database, dataDir: string): Promise<number> {
  const { readdir, rm } = await import('node:fs/promises');
  const root = `${dataDir}/attachments`;
  const ids = (await readdir(root).catch(() => [] as string[])).filter((d) => /^\d+$/.test(d)).map(Number);
  if (!ids.length) return 0;
  const alive = new Set((await db.query<{ id: number }>('select id from alarms where id = any($1)', [ids])).map((r) => r.id));
  const orphans = ids.filter((id) => !alive.has(id));
  for (const id of orphans) await rm(`${root}/${id}`, { recursive: true, force: true });
  return orphans.length;
}
