// Module metadata registry and cached option lists for foreign keys (Field.ref).
import { api } from './api.js';

let modules = [];
const cache = new Map(); // module name -> Promise<[{value,label}]>

export function setModules(list) { modules = Array.isArray(list) ? list : []; cache.clear(); }
export function getModules() { return modules; }
export function findModule(name) { return modules.find((m) => m.name === name) || null; }
export function modulePath(name) {
  const m = findModule(name);
  return (m && m.path) || `/api/${name}`;
}

function labelOf(item, labelField) {
  const v = item[labelField] ?? item.name ?? item.label ?? item.title ?? item.code ?? item.plate;
  return v === undefined || v === null || v === '' ? `#${item.id}` : String(v);
}

/** Options for a ref field: GET /api/{module}?pageSize=500, value = id, label = labelField. */
export function refOptions(ref) {
  if (!ref || !ref.module) return Promise.resolve([]);
  const key = `${ref.module}|${ref.labelField || ''}`;
  if (!cache.has(key)) {
    const p = api.list(modulePath(ref.module), { page: 1, pageSize: 500 })
      .then((res) => ((res && res.items) || []).map((it) => ({ value: it.id, label: labelOf(it, ref.labelField || 'name') })))
      .catch((err) => { cache.delete(key); throw err; });
    cache.set(key, p);
  }
  return cache.get(key);
}

/** Map id -> label for a ref field; never rejects (empty map on failure). */
export async function refLabelMap(ref) {
  try {
    const opts = await refOptions(ref);
    return new Map(opts.map((o) => [String(o.value), o.label]));
  } catch {
    return new Map();
  }
}

export function invalidateRef(moduleName) {
  for (const k of [...cache.keys()]) if (k.startsWith(`${moduleName}|`)) cache.delete(k);
}
export function invalidateAllRefs() { cache.clear(); }
