/** The one relational interface every store uses; PGlite and PostgreSQL both implement it. */
export type Row = Record<string, unknown>;

export interface Queryable {
  query<T = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

/** Both back-ends read a `date` column as its calendar day, `YYYY-MM-DD`, in any process time zone. */
export const DATE_OID = 1082;

export interface Database extends Queryable {
  readonly dialect: 'pglite' | 'postgres';
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** PostgreSQL unique_violation, reported the same way by pg and PGlite. */
export function isUniqueViolation(err: unknown): err is Error & { constraint?: string; detail?: string } {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === '23505';
}

export function isForeignKeyViolation(err: unknown): err is Error & { constraint?: string; detail?: string } {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === '23503';
}
