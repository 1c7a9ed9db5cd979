import { z } from 'zod';
import type { ActionInput, FieldRef, FieldType, RecordAction, RegistryModule } from './registry-module.ts';
import type { Role } from '../platform/auth/accounts.ts';

export type { FieldType };

export interface FieldDescription {
  name: string;
  label: string;
  type: FieldType;
  required: boolean;
  readOnly?: boolean;
  options?: Array<{ value: string; label: string }>;
  ref?: FieldRef;
  region?: boolean;
  multiline?: boolean;
  help?: string;
  default?: unknown;
}

interface JsonSchemaProp {
  default?: unknown;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  anyOf?: JsonSchemaProp[];
}

function typeOf(p: JsonSchemaProp): { type: FieldType; enumValues?: string[] } {
  const variants = p.anyOf ? p.anyOf.filter((v) => v.type !== 'null') : [p];
  const v = variants[0] ?? {};
  if (v.enum) return { type: 'enum', enumValues: v.enum.map(String) };
  const t = Array.isArray(v.type) ? v.type.find((x) => x !== 'null') : v.type;
  if (t === 'string' && v.format === 'date') return { type: 'date' };
  if (t === 'integer' || t === 'number' || t === 'boolean' || t === 'array') return { type: t };
  if (t === 'object' || variants.length > 1) return { type: 'json' };
  return { type: 'string' };
}

/** Field descriptions derived from the module's zod schema and labels: what forms, tables and Excel columns need. */
export function describeFields(m: RegistryModule): FieldDescription[] {
  const json = z.toJSONSchema(m.schema, { io: 'input', unrepresentable: 'any' }) as { properties: Record<string, JsonSchemaProp>; required?: string[] };
  const required = new Set(json.required ?? []);
  const fields = Object.entries(json.properties).map(([name, prop]): FieldDescription => {
    const meta = m.fields[name] ?? { label: name };
    const { type, enumValues } = typeOf(prop);
    return {
      name,
      label: meta.label,
      type,
      required: required.has(name) && !(prop.anyOf?.some((v) => v.type === 'null') ?? false),
      ...(enumValues ? { options: enumValues.map((v) => ({ value: v, label: meta.options?.[v] ?? v })) } : {}),
      ...(meta.ref ? { ref: meta.ref } : {}),
      ...(meta.region ? { region: true } : {}),
      ...(meta.multiline ? { multiline: true } : {}),
      ...(meta.help ? { help: meta.help } : {}),
      ...(prop.default !== undefined ? { default: prop.default } : {}),
    };
  });
  const computed = Object.entries(m.computedFields ?? {}).map(([name, meta]): FieldDescription => ({ name, label: meta.label, type: 'string', required: false, readOnly: true }));
  return [...fields, ...computed];
}

const yesNo = [{ value: 'true', label: '是' }, { value: 'false', label: '否' }];

function describeInput(i: ActionInput) {
  const { options, ...rest } = i;
  return { ...rest, ...(options ? { options: Object.entries(options).map(([value, label]) => ({ value, label })) } : {}) };
}

/** An action as the page sees it: what to ask, call and show; the roles stay on the server. */
export function describeAction(a: RecordAction) {
  const { roles: _roles, input, ...rest } = a;
  return { ...rest, input: (input ?? []).map(describeInput) };
}

/** The actions of a list open to a role. */
export const actionsFor = (actions: readonly RecordAction[] | undefined, role: Role) => (actions ?? []).filter((a) => a.roles.includes(role)).map(describeAction);

export function moduleMetadata(m: RegistryModule, canWrite: boolean) {
  const fields = describeFields(m);
  const all = { ...m.fields, ...m.computedFields };
  return {
    name: m.name,
    label: m.label,
    group: m.group,
    path: `/api/${m.name}`,
    canWrite,
    importable: m.importable,
    ...(m.revealOnCreate ? { revealOnCreate: m.revealOnCreate } : {}),
    fields,
    columns: Object.entries(all).filter(([, f]) => f.list).map(([name]) => name),
    filters: fields
      .filter((f) => all[f.name]?.filter)
      .map((f) => ({
        field: f.name,
        label: f.label,
        type: (f.options || f.ref || f.type === 'boolean' ? 'select' : f.region ? 'region' : 'text') as 'select' | 'region' | 'text',
        ...(f.options ? { options: f.options } : f.type === 'boolean' ? { options: yesNo } : {}),
        // Options of a reference come from the referenced module's list, which is scoped like every list.
        ...(f.ref ? { ref: f.ref } : {}),
      })),
  };
}
