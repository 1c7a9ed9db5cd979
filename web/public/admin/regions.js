// Region code suggestions from the caller's visible organisations (GET /api/organizations).
import { api } from './api.js';
import { orgKindLabel } from './labels.js';

let orgsPromise = null;

export function organizations() {
  if (!orgsPromise) {
    orgsPromise = api.organizations()
      .then((res) => (res && res.items) || [])
      .catch(() => { orgsPromise = null; return []; });
  }
  return orgsPromise;
}
export function resetOrganizations() { orgsPromise = null; }

/** [{ value: regionCode, label: name }] distinct by code, sorted by code. */
export async function regionOptions() {
  const orgs = await organizations();
  const byCode = new Map();
  for (const o of orgs) {
    if (!o.regionCode) continue;
    const prefer = !byCode.has(o.regionCode) || ['province', 'city', 'county', 'bureau'].includes(o.kind);
    if (prefer) byCode.set(o.regionCode, `${o.name}（${orgKindLabel(o.kind)}）`);
  }
  return [...byCode.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([value, label]) => ({ value, label }));
}
