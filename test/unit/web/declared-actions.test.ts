import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openDatabase } from '../../../platform/db/open-database.ts';
import type { Database } from '../../../platform/db/database.ts';
import { buildTestApp, loginAll } from '../../support/test-app.ts';
import { registryModules } from '../../../registry/modules/all-modules.ts';
import { userActions } from '../../../web/routes/user-routes.ts';
import { actionRoute, type RecordAction } from '../../../registry/registry-module.ts';

interface DeclaredAction { name: string; method: RecordAction['method']; path: string; input: Array<{ ref?: { path?: string } }> }
interface ModulesAnswer { items: Array<{ name: string; actions: DeclaredAction[] }>; recordActions: Record<string, DeclaredAction[]> }

/** The admin page calls a declared action by its method and path template alone: each must be a real route. */
describe('declared record actions', () => {
  let db: Database;
  let app: FastifyInstance;
  let tokens: Record<string, string>;
  const get = (url: string, user: string) => app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${tokens[user]}` } });

  beforeAll(async () => {
    db = await openDatabase({});
    const built = await buildTestApp(db);
    app = built.app;
    await built.accounts.createUser({ username: 'root', displayName: '管理员', password: 'root-passw0rd', role: 'admin', regionCode: null });
    await built.accounts.createUser({ username: 'cy', displayName: '朝阳县', password: 'cy-passw0rd', role: 'official', regionCode: '211321' });
    await built.accounts.createUser({ username: 'op', displayName: '值班员', password: 'op-passw0rd', role: 'operator', regionCode: '211300' });
    tokens = await loginAll(app, { root: 'root-passw0rd', cy: 'cy-passw0rd', op: 'op-passw0rd' });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const declared: Array<[string, RecordAction]> = [
    ...registryModules.flatMap((m) => (m.actions ?? []).map((a): [string, RecordAction] => [m.name, a])),
    ...userActions.map((a): [string, RecordAction] => ['users', a]),
  ];

  it('declares the move, the secret rotation, the terminal release and the password reset', () => {
    expect(declared.map(([m, a]) => `${m}:${a.name}`).sort()).toEqual(['devices:rotate-secret', 'enterprises:move-region', 'users:reset-password', 'vehicles:release-terminal']);
  });

  it('every action GET /api/modules declares is a route of the app, and so is every list its inputs read', async () => {
    const res = await get('/api/modules', 'root');
    expect(res.statusCode).toBe(200);
    const body = res.json<ModulesAnswer>();
    const actions = [...body.items.flatMap((m) => m.actions), ...Object.values(body.recordActions).flat()];
    expect(actions.map((a) => a.name).sort()).toEqual(declared.map(([, a]) => a.name).sort());
    for (const a of actions) {
      expect(a.path, a.name).toMatch(/^\/api\/[a-z0-9/{}-]+$/);
      expect(app.hasRoute({ method: a.method, url: actionRoute(a) }), `${a.method} ${a.path}`).toBe(true);
      for (const i of a.input) if (i.ref?.path) expect(app.hasRoute({ method: 'GET', url: i.ref.path }), i.ref.path).toBe(true);
    }
  });

  it('offers each action only to the roles that may run it', async () => {
    const names = async (user: string) => {
      const body = (await get('/api/modules', user)).json<ModulesAnswer>();
      return [...body.items.flatMap((m) => m.actions), ...Object.values(body.recordActions).flat()].map((a) => a.name).sort();
    };
    expect(await names('cy')).toEqual(['move-region', 'release-terminal', 'reset-password', 'rotate-secret']);
    expect(await names('op')).toEqual(['release-terminal']);
  });

  it('GET /api/regions/options gives the region tree within the caller\'s scope', async () => {
    const all = (await get('/api/regions/options', 'root')).json<{ items: Array<{ value: string }> }>();
    expect(all.items.length).toBeGreaterThan(30);
    const county = (await get('/api/regions/options', 'cy')).json();
    expect(county).toEqual({ items: [{ value: '210000', label: '辽宁省', children: [{ value: '211300', label: '朝阳市', children: [{ value: '211321', label: '朝阳县' }] }] }] });
    const city = (await get('/api/regions/options', 'op')).json<{ items: Array<{ children: Array<{ value: string; children: Array<{ value: string }> }> }> }>();
    expect(city.items[0].children.map((c) => c.value)).toEqual(['211300']);
    expect(city.items[0].children[0].children.map((c) => c.value)).toContain('211322');
  });
});
