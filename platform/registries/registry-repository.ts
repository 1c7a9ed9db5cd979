import type { z } from 'zod';
import { isForeignKeyViolation, isUniqueViolation, type Database } from '../db/database.ts';
import { scopeCondition, type Scope } from '../auth/scope.ts';
import { camelToSnake, rowToApi, type RegistryModule } from './registry-module.ts';

export class DuplicateError extends Error {
  constructor(readonly field: string) {
    super(`duplicate ${field}`);
  }
}
export class ReferenceError extends Error {}
export class OutOfScopeError extends Error {}

export interface ListQuery {
  page: number;
  pageSize: number;
  q?: string;
  enterpriseId?: number;
}

/** Generic scoped CRUD over one registry table; every read and write goes through the caller's scope. */
export class RegistryRepository<S extends z.ZodObject> {
  constructor(
    private readonly db: Database,
    readonly module: RegistryModule<S>,
    private readonly onChange: () => void = () => undefined,
  ) {}

  async list(scope: Scope, query: ListQuery): Promise<{ items: Record<string, unknown>[]; total: number }> {
    const m = this.module;
    const params: unknown[] = [];
    const where = [scopeCondition(scope, m.enterpriseColumn, params)];
    if (query.q) {
      params.push(`%${query.q}%`);
      where.push(`(${m.searchColumns.map((c) => `${c} ilike $${params.length}`).join(' or ')})`);
    }
    if (query.enterpriseId !== undefined) {
      params.push(query.enterpriseId);
      where.push(`${m.enterpriseColumn} = $${params.length}`);
    }
    const cond = where.join(' and ');
    const [{ total }] = await this.db.query<{ total: number }>(`select count(*)::int as total from ${m.table} where ${cond}`, params);
    params.push(query.pageSize, (query.page - 1) * query.pageSize);
    const rows = await this.db.query<Record<string, unknown>>(
      `select * from ${m.table} where ${cond} order by ${m.orderBy} limit $${params.length - 1} offset $${params.length}`,
      params,
    );
    await m.expand?.(this.db, rows);
    return { items: rows.map((r) => rowToApi(r, m.hiddenColumns)), total };
  }

  async get(scope: Scope, id: number): Promise<Record<string, unknown> | null> {
    const m = this.module;
    const params: unknown[] = [id];
    const rows = await this.db.query<Record<string, unknown>>(
      `select * from ${m.table} where id = $1 and ${scopeCondition(scope, m.enterpriseColumn, params)}`,
      params,
    );
    await m.expand?.(this.db, rows);
    return rows[0] ? rowToApi(rows[0], m.hiddenColumns) : null;
  }

  async create(scope: Scope, input: z.infer<S>, extraColumns: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    await this.assertWritable(scope, input);
    const id = await this.write(async (tx) => {
      const values = { ...this.columnsOf(input), ...extraColumns };
      const cols = Object.keys(values);
      const [row] = await tx.query<{ id: number }>(
        `insert into ${this.module.table} (${cols.join(', ')}) values (${cols.map((_, i) => `$${i + 1}`).join(', ')}) returning id`,
        Object.values(values),
      );
      await this.module.saveChildren?.(tx, row.id, input);
      return row.id;
    });
    return (await this.get({ kind: 'all' }, id))!;
  }

  async update(scope: Scope, id: number, input: z.infer<S>): Promise<Record<string, unknown> | null> {
    if (!(await this.get(scope, id))) return null;
    await this.assertWritable(scope, input);
    await this.write(async (tx) => {
      const values = this.columnsOf(input);
      const cols = Object.keys(values);
      await tx.query(
        `update ${this.module.table} set ${cols.map((c, i) => `${c} = $${i + 2}`).join(', ')}, updated_at = now() where id = $1`,
        [id, ...Object.values(values)],
      );
      await this.module.saveChildren?.(tx, id, input);
      return id;
    });
    return this.get(scope, id);
  }

  async remove(scope: Scope, id: number): Promise<boolean> {
    if (!(await this.get(scope, id))) return false;
    await this.write(async (tx) => {
      await tx.query(`delete from ${this.module.table} where id = $1`, [id]);
      return id;
    });
    return true;
  }

  private async write(fn: Parameters<Database['transaction']>[0]): Promise<number> {
    try {
      const id = (await this.db.transaction(fn)) as number;
      this.onChange();
      return id;
    } catch (err) {
      if (isUniqueViolation(err)) throw new DuplicateError(this.module.uniqueField);
      if (isForeignKeyViolation(err)) throw new ReferenceError(err.detail ?? err.message);
      throw err;
    }
  }

  private columnsOf(input: z.infer<S>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(input as Record<string, unknown>)) {
      const child = this.module.schema.shape[k];
      if (Array.isArray(v) && child && this.module.saveChildren) continue; // children are saved separately
      out[camelToSnake(k)] = v ?? null;
    }
    return out;
  }

  /** A record may only be written into an enterprise or region the caller can see. */
  private async assertWritable(scope: Scope, input: z.infer<S>) {
    if (scope.kind === 'all') return;
    const { enterpriseId, regionCode } = input as { enterpriseId?: number; regionCode?: string };
    if (regionCode !== undefined && (scope.kind !== 'region' || !regionCode.startsWith(scope.prefix))) {
      throw new OutOfScopeError('region outside your scope');
    }
    if (enterpriseId !== undefined) {
      const params: unknown[] = [enterpriseId];
      const rows = await this.db.query(`select 1 from enterprises where id = $1 and ${scopeCondition(scope, 'id', params)}`, params);
      if (rows.length === 0) throw new OutOfScopeError('enterprise outside your scope');
    }
  }
}
