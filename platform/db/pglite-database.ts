import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { DATE_OID, type Database, type Queryable } from './database.ts';

/** Embedded PostgreSQL in a directory, or in memory when dir is undefined. */
export async function openPgliteDatabase(dir: string | undefined): Promise<Database> {
  if (dir) await mkdir(dir, { recursive: true });
  const pg = await PGlite.create(dir, { parsers: { [DATE_OID]: (v: string) => v } });
  // PGlite runs one statement at a time; serialize explicitly so transactions never interleave with other queries.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = chain.then(fn, fn);
    chain = run.catch(() => undefined);
    return run;
  };
  const query = async <T>(sql: string, params?: readonly unknown[]) =>
    (await pg.query<T>(sql, params as unknown[] | undefined)).rows;
  return {
    dialect: 'pglite',
    query: (sql, params) => serial(() => query(sql, params)),
    exec: (sql) => serial(async () => void (await pg.exec(sql))),
    transaction: (fn) =>
      serial(() =>
        pg.transaction(async (tx) => {
          const q: Queryable = { query: async (sql, params) => (await tx.query(sql, params as unknown[] | undefined)).rows as never };
          return fn(q);
        }),
      ),
    close: () => serial(() => pg.close()),
  };
}
