import type { FastifyInstance } from 'fastify';
import type { OpenAPIV3 } from 'openapi-types';

/** Two users of the same role: one whose scope holds the test data, one whose scope holds none of it. */
export interface ScopePair {
  inScope: string;
  outOfScope: string;
}

export interface ScopeContractReport {
  /** Routes that showed the out-of-scope user something the in-scope user sees. */
  leaks: string[];
  /** Routes no pair could prove: the in-scope user saw nothing to hide (or may not call them). */
  unproven: string[];
}

type Answer = { status: number; body: unknown };

/** The records of a list answer (`[...]` or `{items: [...]}` whose entries carry an id); null for anything else. */
const recordsOf = (body: unknown): unknown[] | null => {
  const items = Array.isArray(body) ? body : (body as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) return null;
  return items.every((item) => typeof item === 'object' && item !== null && 'id' in item) ? items.map((item) => (item as { id: unknown }).id) : null;
};

/**
 * Walks every GET route the app publishes in its OpenAPI spec that reads a record by `{id}` or answers a list, and
 * asks each pair: a record the in-scope user can read must answer the out-of-scope user 404; a list of records the
 * in-scope user sees must show the out-of-scope user none of them (or answer 403/404). Answers that are not lists of
 * records (statistics, metadata, files) are not lists here.
 */
export async function checkScopeContract(app: FastifyInstance, tokens: Record<string, string>, pairs: ScopePair[], candidateIds: number[]): Promise<ScopeContractReport> {
  const get = async (url: string, user: string): Promise<Answer> => {
    const res = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${tokens[user]}` } });
    const json = (res.headers['content-type'] ?? '').toString().startsWith('application/json');
    return { status: res.statusCode, body: json ? res.json() : null };
  };
  await app.ready();
  const spec = app.swagger() as OpenAPIV3.Document;
  const leaks: string[] = [];
  const unproven: string[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    if (!item?.get || !path.startsWith('/api/')) continue;
    const params = path.match(/\{[^}]+\}/g) ?? [];
    if (params.length > 1 || (params.length === 1 && params[0] !== '{id}')) continue;
    const route = `GET ${path}`;
    let proven = false;
    let notAList = false;
    for (const { inScope, outOfScope } of pairs) {
      if (params.length === 0) {
        const seen = await get(path, inScope);
        const records = seen.status === 200 ? recordsOf(seen.body) : null;
        if (seen.status === 200 && records === null) notAList = true;
        if (!records?.length) continue;
        proven = true;
        // The two scopes are disjoint: nothing the in-scope user lists may reach the other.
        const other = await get(path, outOfScope);
        const shown = other.status === 200 ? recordsOf(other.body) : [];
        if (other.status !== 200 && other.status !== 403 && other.status !== 404) leaks.push(route);
        else if (shown === null || shown.some((id) => records.includes(id))) leaks.push(route);
      } else {
        for (const id of candidateIds) {
          const url = path.replace('{id}', String(id));
          if ((await get(url, inScope)).status !== 200) continue;
          proven = true;
          if ((await get(url, outOfScope)).status !== 404) leaks.push(`${route} (id ${id})`);
          break;
        }
      }
      if (leaks.at(-1)?.startsWith(route)) break;
    }
    if (!proven && !notAList) unproven.push(route);
  }
  return { leaks, unproven };
}
