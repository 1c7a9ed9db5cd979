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
  ref?: FieldRef;
  options?: Record<string, string>;
  /** A GB/T 2260 code, picked from the region tree. */
  region?: boolean;
}

export type FieldType = 'string' | 'number' | 'integer' | 'boolean' | 'date' | 'enum' | 'json' | 'array';

/** A field's reference to another list: options are that list's records (scoped like every list). */
export interface FieldRef {
  module: string;
  labelField: string;
  /** List endpoint when it is not `/api/{module}`, and query parameters narrowing it (e.g. kind=park). */
  path?: string;
  query?: Record<string, string>;
}

/** A value of the server's answer the page shows once and never again (a new secret or password). */
export interface Reveal {
  field: string;
  title: string;
  warning: string;
}

/** An input an action asks for before it runs (e.g. the target region of a move). */
export interface ActionInput {
  name: string;
  label: string;
  type: FieldType;
  required: boolean;
  options?: Record<string, string>;
  ref?: FieldRef;
  /** A GB/T 2260 code, picked from the region tree within the caller's scope. */
  region?: boolean;
  multiline?: boolean;
  help?: string;
  /** The record's field the input starts from. */
  initialFrom?: string;
}

/**
 * An operation on one record besides editing, served by its own route; the admin page offers it on the record
 * to the roles listed, generically: confirm, ask the inputs, call `method path` (`{id}` = the record's id), then
 * show `reveal` from the answer. Workflow transitions are declared the same way, with `when` naming the states.
 */
export interface RecordAction {
  name: string;
  label: string;
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** e.g. /api/enterprises/{id}/move-region */
  path: string;
  roles: Role[];
  confirm?: string;
  input?: ActionInput[];
  reveal?: Reveal;
  /** Offered only while the record's `field` is set (`present`) or has one of the values in `in`. */
  when?: { field: string; present?: boolean; in?: string[] };
  danger?: boolean;
}

/** The fastify route of an action's path template: /api/x/{id}/y → /api/x/:id/y. */
export const actionRoute = (a: Pick<RecordAction, 'path'>) => a.path.replace(/\{(\w+)\}/g, ':$1');

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
  /** What the create answer carries once (a device's secret). */
  revealOnCreate?: Reveal;
}

// peopleWithin500m ↔ people_within_500m, capacityM3 ↔ capacity_m3
export const camelToSnake = (s: string) => s.replace(/([a-z])(\d)/g, '$1_$2').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
export const snakeToCamel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

export function rowToApi(row: Record<string, unknown>, hidden: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (!hidden.includes(k)) out[snakeToCamel(k)] = v;
  return out;
}
