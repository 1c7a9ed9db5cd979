import pg from 'pg';
import { DATE_OID, type Database } from './database.ts';

// Keep int8 (counts, sums) as numbers, matching PGlite; our ids and counts stay far below 2^53.
pg.types.setTypeParser(20, (v: string) => Number(v));
// A date is a calendar day, not an instant: kept as YYYY-MM-DD. (pg would make it local midnight, so a server on
// Asia/Shanghai read every expiry date a day early once it went through toISOString().)
pg.types.setTypeParser(DATE_OID, (v: string) => v);

export async function openPostgresDatabase(connectionString: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  pool.on('error', () => undefined); // an idle client dying is reported on its next use
  await pool.query('select 1');
  return {
    dialect: 'postgres',
    query: async (sql, params) => (await pool.query(sql, params as unknown[] | undefined)).rows,
    exec: async (sql) => void (await pool.query(sql)),
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await fn({ query: async (sql, params) => (await client.query(sql, params as unknown[] | undefined)).rows });
        await client.query('commit');
        return result;
      } catch (err) {
        await client.query('rollback').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
