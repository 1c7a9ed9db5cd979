import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../../platform/db/database.ts';
import { openDatabase } from '../../platform/db/open-database.ts';

/**
 * The relational back-ends every storage test runs against: PGlite always, PostgreSQL when the test command
 * started one (TEST_DATABASE_URL). Each open() gives a fresh, migrated, isolated database.
 */
export interface TestDatabaseKind {
  name: 'pglite' | 'postgres';
  open(): Promise<Database>;
}

export const testDatabases: TestDatabaseKind[] = [
  { name: 'pglite', open: () => openDatabase({}) },
  ...(process.env.TEST_DATABASE_URL ? [{ name: 'postgres' as const, open: () => openPostgresSchema(process.env.TEST_DATABASE_URL!) }] : []),
];

async function openPostgresSchema(url: string): Promise<Database> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  const db = await openDatabase({ databaseUrl: u.toString() });
  return {
    ...db,
    async close() {
      await db.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}
