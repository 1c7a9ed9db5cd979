import path from 'node:path';
import type { Database } from './database.ts';
import { migrate } from './migrate.ts';
import { openPgliteDatabase } from './pglite-database.ts';
import { openPostgresDatabase } from './postgres-database.ts';

/** PostgreSQL when a URL is given, otherwise PGlite under dataDir (or in memory); always migrated. */
export async function openDatabase(opts: { databaseUrl?: string; dataDir?: string }): Promise<Database> {
  const db = opts.databaseUrl
    ? await openPostgresDatabase(opts.databaseUrl)
    : await openPgliteDatabase(opts.dataDir ? path.join(opts.dataDir, 'pglite') : undefined);
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}
