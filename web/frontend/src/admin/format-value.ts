// Display text of a field's value: options and references by label, dates on the Shanghai clock.
import { fmtDate, fmtDateTime } from '../shared/format';
import type { FieldMeta } from './meta';

type Field = Pick<FieldMeta, 'name' | 'type'> & Partial<Pick<FieldMeta, 'options' | 'ref' | 'label'>>;
const isJson = (t: string) => t === 'json' || t === 'array';
const looksLikeInstant = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v);

export function formatValue(field: Field, value: unknown, opts: { compact?: boolean; refLabels?: Map<string, string>; record?: Record<string, unknown> } = {}): string {
  if (value === null || value === undefined || value === '') return '';
  if (field.ref) {
    // a list answer often carries the label next to the id (enterpriseId → enterpriseName)
    const companion = opts.record?.[field.name.replace(/Id$/, 'Name')];
    if (typeof companion === 'string' && companion) return companion;
    return opts.refLabels?.get(String(value)) ?? String(value);
  }
  if (field.options?.length && !isJson(field.type)) {
    const label = (v: unknown) => field.options!.find((o) => o.value === String(v))?.label ?? String(v);
    return Array.isArray(value) ? value.map(label).join('、') : label(value);
  }
  switch (field.type) {
    case 'boolean':
      return value === true || value === 'true' ? '是' : '否';
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : fmtDate(value as string, '');
    case 'json':
    case 'array':
      if (opts.compact) {
        if (Array.isArray(value)) return value.length ? `${value.length} 项` : '';
        if (typeof value === 'object') return `${Object.keys(value as object).length} 项属性`;
      }
      return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
    default:
      if (typeof value === 'boolean') return value ? '是' : '否';
      if (looksLikeInstant(value)) return fmtDateTime(value, '');
      if (typeof value === 'object') return JSON.stringify(value);
      return String(value);
  }
}
