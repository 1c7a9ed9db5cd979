// Module metadata from GET /api/modules, and the option lists (references, regions) forms and filters share.
import { computed, shallowRef } from 'vue';
import type { paths } from '../shared/api/schema';
import { api, call, fetchRaw } from '../shared/api/client';

type ModulesAnswer = paths['/api/modules']['get']['responses'][200]['content']['application/json'];
export type ModuleMeta = ModulesAnswer['items'][number];
export type FieldMeta = ModuleMeta['fields'][number];
export type FilterMeta = ModuleMeta['filters'][number];
export type ActionMeta = ModuleMeta['actions'][number];
export type InputMeta = ActionMeta['input'][number];
export type RefMeta = NonNullable<FieldMeta['ref']>;
export type Reveal = NonNullable<ActionMeta['reveal']>;
export type RegionNode = paths['/api/regions/options']['get']['responses'][200]['content']['application/json']['items'][number];
export interface Option { value: string | number; label: string }
export type Row = Record<string, unknown> & { id: number };
export interface ListAnswer<T = Row> { items: T[]; total?: number }

export const modules = shallowRef<ModuleMeta[]>([]);
export const recordActions = shallowRef<ModulesAnswer['recordActions']>({ users: [] });

export async function loadModules(): Promise<void> {
  const answer = await call(api.GET('/api/modules'));
  modules.value = answer.items;
  recordActions.value = answer.recordActions;
  refCache.clear();
  regionsPending = null;
}

const byName = computed(() => new Map(modules.value.map((m) => [m.name, m])));
export const findModule = (name: string): ModuleMeta | undefined => byName.value.get(name);

/** "path?a=1", skipping empty values. */
export function withQuery(path: string, params: Record<string, unknown> = {}): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') sp.append(k, String(v));
  const qs = sp.toString();
  return qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path;
}

/** JSON over the routes the generated types cannot name (a module's path comes from its metadata). */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
  }
  const res = await fetchRaw(path, init);
  const text = await res.text();
  return (text ? JSON.parse(text) : null) as T;
}

export const listPath = (ref: RefMeta): string => ref.path ?? findModule(ref.module)?.path ?? `/api/${ref.module}`;

function labelOf(item: Record<string, unknown>, labelField: string): string {
  const v = item[labelField] ?? item.name ?? item.label ?? item.code ?? item.plate;
  return v === undefined || v === null || v === '' ? `#${String(item.id)}` : String(v);
}

/** Up to this many options are loaded and filtered in the browser; beyond, the select searches the server (q). */
export const REF_PAGE = 100;
export interface RefOptions { options: Option[]; complete: boolean }
const refCache = new Map<string, Promise<RefOptions>>();

export function refOptions(ref: RefMeta, q = ''): Promise<RefOptions> {
  const key = `${listPath(ref)}|${JSON.stringify(ref.query ?? {})}|${ref.labelField}|${q}`;
  let p = refCache.get(key);
  if (!p) {
    p = request<ListAnswer>('GET', withQuery(listPath(ref), { ...ref.query, page: 1, pageSize: REF_PAGE, q })).then(
      (res) => {
        const items = res.items ?? [];
        return { options: items.map((it) => ({ value: it.id, label: labelOf(it, ref.labelField) })), complete: (res.total ?? items.length) <= items.length };
      },
      (err) => {
        refCache.delete(key);
        throw err;
      },
    );
    refCache.set(key, p);
  }
  return p;
}

export function invalidateRefs(): void {
  refCache.clear();
}

let regionsPending: Promise<RegionNode[]> | null = null;
export function regionOptions(): Promise<RegionNode[]> {
  regionsPending ??= call(api.GET('/api/regions/options')).then(
    (r) => r.items,
    () => ((regionsPending = null), []),
  );
  return regionsPending;
}

/** Cascader path of a code: 211321 → [210000, 211300, 211321], only the levels that exist. */
export function regionPath(code: string | null | undefined, tree: RegionNode[]): string[] {
  if (!code) return [];
  const out: string[] = [];
  let level: Array<{ value: string; children?: unknown }> | undefined = tree;
  for (const c of [`${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`, code]) {
    const hit: { value: string; children?: unknown } | undefined = level?.find((n) => n.value === c);
    if (!hit) continue;
    if (out[out.length - 1] !== c) out.push(c);
    level = hit.children as typeof level;
  }
  return out[out.length - 1] === code ? out : [code];
}

/** The region's name path, 辽宁省 / 朝阳市 / 朝阳县, from the loaded tree; the code when unknown. */
export function regionLabel(code: string, tree: RegionNode[]): string {
  const names: string[] = [];
  let level: Array<{ value: string; label: string; children?: unknown }> | undefined = tree;
  for (const v of regionPath(code, tree)) {
    const hit: { value: string; label: string; children?: unknown } | undefined = level?.find((n) => n.value === v);
    if (!hit) return code;
    names.push(hit.label);
    level = hit.children as typeof level;
  }
  return names.length ? names.join(' / ') : code;
}

/** What a form control needs: a module's field or an action's input, plus page-only flags. */
export type FormField = Pick<FieldMeta, 'name' | 'label' | 'type' | 'required'> &
  Partial<Pick<FieldMeta, 'options' | 'ref' | 'region' | 'multiline' | 'help' | 'readOnly'>> & { secret?: boolean; wide?: boolean };
