import type { z } from 'zod';
import type { Queryable } from '../db/database.ts';
import type { Role } from '../auth/accounts.ts';

/**
 * One registry, declared once. The generic repository and REST routes are derived from it:
 * the zod schema is the API (camelCase fields map to snake_case columns).
 */
export interface RegistryModule<S extends z.ZodObject = z.ZodObject> {
  name: string;
  label: string;
  table: string;
  schema: S;
  /** Field whose duplicate answers 409. */
  uniqueField: string;
  /** Column holding the owning enterprise id, for scoping (`id` for the enterprises table itself). */
  enterpriseColumn: string;
  /** Free-text search columns for `?q=`. */
  searchColumns: string[];
  orderBy: string;
  writeRoles: Role[];
  /** Extra data attached to a fetched record (e.g. a tank's sensors). */
  expand?: (db: Queryable, rows: Record<string, unknown>[]) => Promise<void>;
  /** Writes children after the main row; runs in the same transaction. */
  saveChildren?: (tx: Queryable, id: number, input: z.infer<S>) => Promise<void>;
  /** Columns never returned by the API. */
  hiddenColumns?: string[];
}

export const camelToSnake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
export const snakeToCamel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

export function rowToApi(row: Record<string, unknown>, hidden: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (!hidden.includes(k)) out[snakeToCamel(k)] = v;
  return out;
}
