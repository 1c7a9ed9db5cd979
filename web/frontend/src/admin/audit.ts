// Field-by-field differences of an audit entry (record drawer 变更记录 and the 操作日志 page).
import type { FieldMeta } from './meta';

export interface AuditEntry {
  id: number;
  at: string;
  actor: string | null;
  actorName?: string | null;
  module: string;
  recordId: number | null;
  action: string;
  reason?: string | null;
  ip?: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const IGNORED = new Set(['id', 'updatedAt', 'createdAt', 'version']);
const empty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
const stable = (v: unknown): string => {
  if (v === undefined) return 'null';
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v);
};

export interface Diff { key: string; field: Pick<FieldMeta, 'name' | 'label' | 'type'> & Partial<FieldMeta>; before: unknown; after: unknown }

export function diffEntries(fields: FieldMeta[], before: Record<string, unknown> | null, after: Record<string, unknown> | null): Diff[] {
  const b = before ?? {};
  const a = after ?? {};
  const byName = new Map(fields.map((f) => [f.name, f]));
  const keys = [...new Set([...fields.map((f) => f.name).filter((n) => n in b || n in a), ...Object.keys(b), ...Object.keys(a)])];
  return keys
    .filter((k) => !IGNORED.has(k) && !(empty(b[k]) && empty(a[k])) && stable(b[k]) !== stable(a[k]))
    .map((k) => ({ key: k, field: byName.get(k) ?? { name: k, label: k, type: 'string' }, before: b[k], after: a[k] }));
}
