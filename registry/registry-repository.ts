import type { z } from 'zod';
import { isForeignKeyViolation, isUniqueViolation, type Database, type Queryable } from '../platform/db/database.ts';
import { regionInScope, scopeCondition, type Scope } from '../platform/auth/scope.ts';
import { camelToSnake, rowToApi, snakeToCamel, type FieldError, type RegistryModule } from './registry-module.ts';
import { recordAudit, type Actor, type AuditAction } from './audit-trail.ts';

export class DuplicateError extends Error {
  constructor(readonly field: string) {
    super(`duplicate ${field}`);
  }
}
/** A write names a record that does not exist (a foreign key with nothing behind it). */
export class UnknownReferenceError extends Error {}
/** Input the schema accepts but the module's `validate` refuses; `fields` name each problem. */
export class ValidationError extends Error {
  constructor(readonly fields: FieldError[]) {
    super(fields.map((f) => `${f.path}: ${f.message}`).join('; '));
  }
}
export class OutOfScopeError extends Error {}

const orderBy = (sort: string | undefined, fallback: string) =>
  sort ? `${camelToSnake(sort.replace(/^-/, ''))} ${sort.startsWith('-') ? 'desc' : 'asc'} nulls last, id` : fallback;

export interface ListQuery {
  page: number;
  pageSize: number;
  q?: string;
  /** Equality filters on the module's filterable fields. */
  filters?: Record<string, unknown>;
  /** A field name, `-field` for descending; validated by the route against the module's list columns. */
  sort?: string;
}

type Row = Record<string, unknown>;

/** Generic scoped CRUD over one registry table. Every read and write goes through the caller's scope; every write is audited. */
export class RegistryRepository<S extends z.ZodObject> {
  constructor(
    private readonly db: Database,
    readonly module: RegistryModule<S>,
    private readonly onChange: () => void = () => undefined,
  ) {}

  private scoped(scope: Scope, params: unknown[], alias = '') {
    const { enterpriseColumn, regionColumn } = this.module.scope;
    return scopeCondition(scope, `${alias}${enterpriseColumn}`, params, regionColumn ? `${alias}${regionColumn}` : undefined);
  }

  async list(scope: Scope, query: ListQuery): Promise<{ items: Row[]; total: number }> {
    const m = this.module;
    const params: unknown[] = [];
    const where = [this.scoped(scope, params)];
    if (query.q) {
      params.push(`%${query.q}%`);
      where.push(`(${m.searchColumns.map((c) => `${c}::text ilike $${params.length}`).join(' or ')})`);
    }
    for (const [field, value] of Object.entries(query.filters ?? {})) {
      if (value === undefined || value === '' || !(m.fields[field] ?? m.computedFields?.[field])?.filter) continue;
      params.push(value);
      where.push(`${camelToSnake(field)} = $${params.length}`);
    }
    const cond = where.join(' and ');
    const [{ total }] = await this.db.query<{ total: number }>(`select count(*)::int as total from ${m.table} where ${cond}`, params);
    params.push(query.pageSize, (query.page - 1) * query.pageSize);
    const rows = await this.db.query<Row>(
      `select * from ${m.table} where ${cond} order by ${orderBy(query.sort, m.orderBy)} limit $${params.length - 1} offset $${params.length}`,
      params,
    );
    await m.expand?.(this.db, rows);
    return { items: rows.map((r) => rowToApi(r, m.hiddenColumns)), total };
  }

  async get(scope: Scope, id: number): Promise<Row | null> {
    const row = await this.getRow(this.db, scope, id);
    if (!row) return null;
    await this.module.expand?.(this.db, [row]);
    return rowToApi(row, this.module.hiddenColumns);
  }

  private async getRow(q: Queryable, scope: Scope, id: number): Promise<Row | null> {
    const params: unknown[] = [id];
    const [row] = await q.query<Row>(`select * from ${this.module.table} where id = $1 and ${this.scoped(scope, params)}`, params);
    return row ?? null;
  }

  async create(scope: Scope, input: z.infer<S>, actor: Actor, extraColumns: Row = {}): Promise<Row> {
    await this.assertWritable(scope, input);
    await this.assertValid([input]);
    const id = await this.write(async (tx) => {
      const id = await this.insert(tx, input, extraColumns);
      await this.audit(tx, actor, 'create', id, null);
      return id;
    });
    return (await this.get({ kind: 'all' }, id))!;
  }

  async update(scope: Scope, id: number, input: z.infer<S>, actor: Actor): Promise<Row | null> {
    const before = await this.getRow(this.db, scope, id);
    if (!before) return null;
    await this.assertWritable(scope, input);
    await this.assertValid([input]);
    await this.write(async (tx) => {
      await this.updateRow(tx, id, input);
      await this.audit(tx, actor, 'update', id, before);
      return id;
    });
    return this.get(scope, id);
  }

  async remove(scope: Scope, id: number, actor: Actor): Promise<boolean> {
    const before = await this.getRow(this.db, scope, id);
    if (!before) return false;
    await this.write(async (tx) => {
      await tx.query(`delete from ${this.module.table} where id = $1`, [id]);
      await this.audit(tx, actor, 'delete', id, before);
      return id;
    });
    return true;
  }

  /**
   * Creates or updates (matched on the unique field) every row in one transaction: all or nothing.
   * Rows are already validated; scope is checked for each.
   */
  async importRows(scope: Scope, rows: z.infer<S>[], actor: Actor): Promise<{ created: number; updated: number }> {
    for (const r of rows) await this.assertWritable(scope, r);
    await this.assertValid(rows, { rows: true });
    const key = this.module.uniqueField;
    let created = 0;
    let updated = 0;
    await this.write(async (tx) => {
      for (const input of rows) {
        const [existing] = await tx.query<Row>(`select * from ${this.module.table} where ${camelToSnake(key)} = $1`, [(input as Row)[key]]);
        if (existing) {
          const params: unknown[] = [existing.id];
          const visible = await tx.query(`select 1 from ${this.module.table} where id = $1 and ${this.scoped(scope, params)}`, params);
          if (visible.length === 0) throw new OutOfScopeError(`${key} ${String((input as Row)[key])} belongs to another scope`);
          await this.updateRow(tx, existing.id as number, input);
          await this.audit(tx, actor, 'import', existing.id as number, existing);
          updated++;
        } else {
          const id = await this.insert(tx, input, {});
          await this.audit(tx, actor, 'import', id, null);
          created++;
        }
      }
      return 0;
    });
    return { created, updated };
  }

  private async insert(tx: Queryable, input: z.infer<S>, extraColumns: Row): Promise<number> {
    const values = { ...this.columnsOf(input), ...extraColumns };
    const cols = Object.keys(values);
    const [row] = await tx.query<{ id: number }>(
      `insert into ${this.module.table} (${cols.join(', ')}) values (${cols.map((_, i) => `$${i + 1}`).join(', ')}) returning id`,
      Object.values(values),
    );
    await this.module.saveChildren?.(tx, row.id, input as Row);
    return row.id;
  }

  private async updateRow(tx: Queryable, id: number, input: z.infer<S>) {
    const values = this.columnsOf(input);
    const cols = Object.keys(values);
    await tx.query(`update ${this.module.table} set ${cols.map((c, i) => `${c} = $${i + 2}`).join(', ')}, updated_at = now() where id = $1`, [
      id,
      ...Object.values(values),
    ]);
    await this.module.saveChildren?.(tx, id, input as Row);
  }

  private async audit(tx: Queryable, actor: Actor, action: AuditAction, id: number, before: Row | null) {
    const [after] = action === 'delete' ? [] : await tx.query<Row>(`select * from ${this.module.table} where id = $1`, [id]);
    const record = after ?? before ?? {};
    const { enterpriseColumn } = this.module.scope;
    const enterpriseId = (record[enterpriseColumn] as number | null) ?? null;
    const [owner] = enterpriseId === null ? [] : await tx.query<{ region_code: string }>('select region_code from enterprises where id = $1', [enterpriseId]);
    await recordAudit(tx, {
      actor,
      module: this.module.name,
      recordId: id,
      action,
      before: before ? rowToApi(before, this.module.hiddenColumns) : null,
      after: after ? rowToApi(after, this.module.hiddenColumns) : null,
      enterpriseId,
      regionCode: (record.region_code as string | undefined) ?? owner?.region_code ?? null,
    });
  }

  private async write(fn: (tx: Queryable) => Promise<number>): Promise<number> {
    try {
      const id = await this.db.transaction(fn);
      this.onChange();
      return id;
    } catch (err) {
      if (isUniqueViolation(err)) throw new DuplicateError(this.uniqueFieldOf(err) ?? this.module.uniqueField);
      if (isForeignKeyViolation(err)) throw new UnknownReferenceError(err.detail ?? err.message);
      throw err;
    }
  }

  private columnsOf(input: z.infer<S>): Row {
    const out: Row = {};
    for (const [k, v] of Object.entries(input as Row)) {
      if (Array.isArray(v) && this.module.saveChildren) continue; // children are saved separately
      out[camelToSnake(k)] = v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : (v ?? null);
    }
    return { ...out, ...this.module.derive?.(input as Row) };
  }

  /** `transport_staff_id_number_key` → `idNumber`: which field a unique violation is about. */
  private uniqueFieldOf(err: { constraint?: string }): string | undefined {
    const c = err.constraint;
    const prefix = `${this.module.table}_`;
    return c?.startsWith(prefix) && c.endsWith('_key') ? snakeToCamel(c.slice(prefix.length, -4)) : undefined;
  }

  /** Runs the module's `validate`; an import's errors name the row index (`rows.2.driverId`). */
  private async assertValid(inputs: z.infer<S>[], opts: { rows?: boolean } = {}) {
    const validate = this.module.validate;
    if (!validate) return;
    const errors: FieldError[] = [];
    for (const [i, input] of inputs.entries()) {
      for (const e of await validate(this.db, input as Row)) errors.push(opts.rows ? { ...e, path: `rows.${i}.${e.path}` } : e);
    }
    if (errors.length > 0) throw new ValidationError(errors);
  }

  /** A record may only be written into an enterprise or region the caller can see. */
  private async assertWritable(scope: Scope, input: z.infer<S>) {
    if (scope.kind === 'all') return;
    const { enterpriseId, regionCode } = input as { enterpriseId?: number | null; regionCode?: string };
    if (enterpriseId !== undefined && enterpriseId !== null) {
      const params: unknown[] = [enterpriseId];
      const rows = await this.db.query(`select 1 from enterprises where id = $1 and ${scopeCondition(scope, 'id', params)}`, params);
      if (rows.length === 0) throw new OutOfScopeError('enterprise outside your scope');
    } else if (regionCode !== undefined && !regionInScope(scope, regionCode)) {
      throw new OutOfScopeError('region outside your scope');
    } else if (regionCode === undefined && this.module.scope.enterpriseColumn !== 'id' && scope.kind === 'enterprise') {
      throw new OutOfScopeError('record outside your scope');
    }
  }
}

