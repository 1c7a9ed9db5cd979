import { z } from 'zod';
import type { Database } from '../../platform/db/database.ts';

/** The paging fields of every log search's querystring. */
export const pagingQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type Paging = z.infer<typeof pagingQuery>;

/** Collects `column op ?` conditions with numbered parameters, for the log searches. */
export class Conditions {
  readonly params: unknown[] = [];
  private readonly parts: string[] = ['true'];

  /** A condition already numbered against `params` (e.g. a scope condition built with them). */
  raw(sql: string): this {
    this.parts.push(sql);
    return this;
  }

  /** `sql` holds one `?` for the value; an undefined value adds nothing. */
  add(sql: string, value: unknown): this {
    if (value === undefined || value === '') return this;
    this.params.push(value);
    this.parts.push(sql.replace('?', `$${this.params.length}`));
    return this;
  }

  get sql(): string {
    return this.parts.join(' and ');
  }
}

/** One page of a log table, newest first, with the total. */
export async function logPage(db: Database, table: string, columns: string, where: Conditions, { page, pageSize }: Paging) {
  const [{ total }] = await db.query<{ total: number }>(`select count(*)::int as total from ${table} where ${where.sql}`, where.params);
  const items = await db.query(`select ${columns} from ${table} where ${where.sql} order by id desc limit ${pageSize} offset ${(page - 1) * pageSize}`, where.params);
  return { items, total };
}
