import type { z } from 'zod';
import type { Queryable } from '../platform/db/database.ts';
import type { Role } from '../platform/auth/accounts.ts';

/** How a field shows up in lists, filters and forms. `options` label enum values. */
export interface FieldMeta {
  label: string;
  list?: boolean;
  filter?: boolean;
  multiline?: boolean;
  help?: string;
  ref?: { module: string; labelField: string };
  options?: Record<string, string>;
}

/**
 * An operation on one record besides editing, served by its own route `POST /api/{module}/{id}/{name}`; the admin page
 * offers it on the record, after `confirm`, to the roles listed.
 */
export interface RecordAction {
  name: string;
  label: string;
  roles: Role[];
  confirm: string;
}

/** A problem with one input field, as the API reports it (`path` is the camelCase field). */
export interface FieldError {
  path: string;
  message: string;
}

/**
 * One registry, declared once. Everything else is derived from it: validated REST endpoints with OpenAPI,
 * list/filter/paging, Excel export and import, scoped access, the audit trail and the admin page.
 * The zod schema is the API (camelCase fields map to snake_case columns).
 */
export interface RegistryModule<S extends z.ZodObject = z.ZodObject> {
  name: string;
  label: string;
  /** Menu group on the admin page. */
  group: string;
  table: string;
  schema: S;
  /** Labels and presentation of every schema field. */
  fields: Record<string, FieldMeta>;
  /** Columns the platform computes; shown, never accepted as input. */
  computedFields?: Record<string, FieldMeta>;
  /** Field whose duplicate answers 409, and the key rows are matched on at import. */
  uniqueField: string;
  /** The owning enterprise column; rows owned by a region (enterprise null) are scoped by `regionColumn`. */
  scope: { enterpriseColumn: string; regionColumn?: string };
  searchColumns: string[];
  orderBy: string;
  writeRoles: Role[];
  /** Excel import; modules with nested children (e.g. a tank's sensors) are not importable. */
  importable: boolean;
  /** Columns derived from the input before it is written (e.g. a hazard source's R value). */
  derive?: (input: Record<string, unknown>) => Record<string, unknown>;
  /** Extra data attached to fetched records (e.g. a tank's sensors). */
  expand?: (db: Queryable, rows: Record<string, unknown>[]) => Promise<void>;
  /** Writes children after the main row, in the same transaction. */
  saveChildren?: (tx: Queryable, id: number, input: Record<string, unknown>) => Promise<void>;
  /** Checks that need the database (e.g. a waybill's driver belongs to its carrier); any error refuses the write with 400. */
  validate?: (db: Queryable, input: Record<string, unknown>) => Promise<FieldError[]>;
  /** Columns never returned by the API. */
  hiddenColumns?: string[];
  actions?: RecordAction[];
}

// peopleWithin500m ↔ people_within_500m, capacityM3 ↔ capacity_m3
export const camelToSnake = (s: string) => s.replace(/([a-z])(\d)/g, '$1_$2').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
export const snakeToCamel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

export function rowToApi(row: Record<string, unknown>, hidden: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (!hidden.includes(k)) out[snakeToCamel(k)] = v;
  return out;
}
