import { readdir, readFile } from 'node:fs/promises';
import type { Database } from './database.ts';

const migrationsDir = new URL('./migrations/', import.meta.url);

/** Applies pending numbered SQL files in order, each in its own transaction; returns the names applied. */
export async function migrate(db: Database): Promise<string[]> {
  await db.exec(`create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())`);
  const done = new Set((await db.query<{ name: string }>('select name from schema_migrations')).map((r) => r.name));
  const files = (await readdir(migrationsDir)).filter((f) => /^\d{3}_.+\.sql$/.test(f)).sort();
  const applied: string[] = [];
  for (const file of files) {
    if (done.has(file)) continue;
    const sql = await readFile(new URL(file, migrationsDir), 'utf8');
    await db.exec(`begin;\n${sql}\ninsert into schema_migrations (name) values ('${file}');\ncommit;`).catch(async (err) => {
      await db.exec('rollback').catch(() => undefined);
      throw new Error(`migration ${file} failed: ${(err as Error).message}`);
    });
    applied.push(file);
  }
  return applied;
}
