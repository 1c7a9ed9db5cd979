import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import type { FastifyInstance } from 'fastify';
import { openDatabase } from '../../../platform/db/open-database.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { Accounts } from '../../../platform/auth/accounts.ts';
import { buildTestApp } from '../../support/test-app.ts';
import { loadDemoPark } from '../../../seeds/load-demo-park.ts';
import { alarmTypeLabel } from '../../../alerts/alarm-labels.ts';

// The HTTP layer through inject(), on an in-memory PGlite; InfluxDB reads are not exercised here.
describe('HTTP API (fastify inject)', () => {
  let db: Database;
  let app: FastifyInstance;
  let influxUp = true;
  const tokens: Record<string, string> = {};

  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, as?: string, payload?: object) =>
    app.inject({ method, url, payload, headers: as ? { authorization: `Bearer ${tokens[as]}` } : {} });

  beforeAll(async () => {
    db = await openDatabase({});
    const log = pino({ level: 'silent' });
    await loadDemoPark(db, log);
    let accounts: Accounts;
    ({ app, accounts } = await buildTestApp(db, { health: async () => ({ db: { ok: true }, influx: influxUp ? { ok: true } : { ok: false, detail: 'down' } }) }));
    await accounts.createUser({ username: 'admin', displayName: '管理员', password: 'admin-password', role: 'admin' });
    await accounts.createUser({ username: 'chaoyang', displayName: '朝阳市应急管理局', password: 'city-password', role: 'official', regionCode: '211300' });
    await accounts.createUser({ username: 'beijing', displayName: '北京市应急管理局', password: 'city-password', role: 'official', regionCode: '110000' });
    await accounts.createUser({ username: 'ent2', displayName: '卡斯特化工管理员', password: 'ent-password', role: 'enterprise_admin', enterpriseId: 2 });
    await accounts.createUser({ username: 'op', displayName: '值班员', password: 'op-password', role: 'operator', regionCode: '211321' });
    for (const [user, password] of [['admin', 'admin-password'], ['chaoyang', 'city-password'], ['beijing', 'city-password'], ['ent2', 'ent-password'], ['op', 'op-password']]) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user, password } });
      expect(res.statusCode).toBe(200);
      tokens[user] = res.json().token;
    }
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('answers 401 without a token and with a forged one', async () => {
    expect((await call('GET', '/api/enterprises')).statusCode).toBe(401);
    const forged = await app.inject({ method: 'GET', url: '/api/alarms', headers: { authorization: 'Bearer forged' } });
    expect(forged.statusCode).toBe(401);
    expect(forged.json()).toMatchObject({ error: 'unauthorized', message: '请先登录' });
  });

  it('refuses a wrong password with one message for unknown users and wrong passwords alike', async () => {
    const wrong = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'op', password: 'nope' } });
    const unknown = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ghost', password: 'nope' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('validates input with per-field errors and changes nothing', async () => {
    const res = await call('POST', '/api/enterprises', 'admin', { code: 'bad', name: 'x', regionCode: '32' });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error).toBe('validation_failed');
    expect(body.fields.map((f: { path: string }) => f.path).sort()).toEqual(['code', 'name', 'regionCode']);
    expect((await call('GET', '/api/enterprises', 'admin')).json().total).toBe(12);
  });

  it('names the sensor field that breaks threshold order', async () => {
    const res = await call('POST', '/api/tanks', 'admin', {
      enterpriseId: 1, code: 'T-X', name: '测试罐', sensors: [{ code: 'L', kind: 'level', unit: 'm', high: 10, highHigh: 8 }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ path: 'sensors.0.high', message: '阈值须满足 低低 < 低 < 高 < 高高' }]);
  });

  it('answers 409 for a duplicate code', async () => {
    const res = await call('POST', '/api/enterprises', 'admin', { code: '91211321MA0Y2H3C2W', name: '重复企业', regionCode: '211321' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: 'duplicate', field: 'code' });
  });

  it('scopes every read: a city sees its counties, another province sees nothing, an enterprise sees itself', async () => {
    expect((await call('GET', '/api/enterprises', 'chaoyang')).json().total).toBe(12);
    expect((await call('GET', '/api/enterprises', 'beijing')).json().total).toBe(0);
    expect((await call('GET', '/api/tanks', 'beijing')).json().total).toBe(0);
    expect((await call('GET', '/api/vehicles/1', 'beijing')).statusCode).toBe(404);
    expect((await call('GET', '/api/monitor/tanks', 'beijing')).json().items).toEqual([]);
    const own = (await call('GET', '/api/enterprises', 'ent2')).json();
    expect(own.items.map((e: { id: number }) => e.id)).toEqual([2]);
    expect((await call('GET', '/api/tanks/1', 'ent2')).statusCode).toBe(404);
    const tanks = (await call('GET', '/api/monitor/tanks', 'ent2')).json().items;
    expect(tanks.every((t: { enterpriseId: number }) => t.enterpriseId === 2)).toBe(true);
  });

  it('scopes every write: no writing into another enterprise or region, and operators cannot edit registries', async () => {
    const tank = { enterpriseId: 1, code: 'T-NEW', name: '新罐', sensors: [] };
    expect((await call('POST', '/api/tanks', 'ent2', tank)).statusCode).toBe(403);
    expect((await call('POST', '/api/tanks', 'beijing', tank)).statusCode).toBe(403);
    expect((await call('DELETE', '/api/vehicles/1', 'ent2')).statusCode).toBe(404);
    expect((await call('POST', '/api/enterprises', 'op', { code: '91211321MA0YL27H5N', name: '某企业', regionCode: '211321' })).statusCode).toBe(403);
    expect((await call('POST', '/api/enterprises', 'beijing', { code: '91211321MA0YL27H5N', name: '某企业', regionCode: '211321' })).statusCode).toBe(403);
    expect((await call('GET', '/api/tanks?q=T-NEW', 'admin')).json().total).toBe(0);
  });

  it('shows a device secret once, never its hash, and rotates it', async () => {
    const created = await call('POST', '/api/devices', 'ent2', { code: 'GW-NEW-01', name: '新网关', enterpriseId: 2 });
    expect(created.statusCode).toBe(201);
    expect(created.json().secret).toMatch(/^\S{20}$/);
    const fetched = (await call('GET', `/api/devices/${created.json().id}`, 'ent2')).json();
    expect(fetched).not.toHaveProperty('secret');
    expect(fetched).not.toHaveProperty('secretHash');
    const rotated = await call('POST', `/api/devices/${created.json().id}/rotate-secret`, 'ent2');
    expect(rotated.json().secret).not.toBe(created.json().secret);
    expect((await call('POST', `/api/devices/${created.json().id}/rotate-secret`, 'beijing')).statusCode).toBe(404); // not even its existence leaks
  });

  it('reports health per component and 503 when one is down', async () => {
    expect((await call('GET', '/healthz')).statusCode).toBe(200);
    influxUp = false;
    const res = await call('GET', '/healthz');
    influxUp = true;
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: 'degraded', components: { influx: { ok: false } } });
  });

  it('names every alarm type for the wall from the one server-side table, to any logged-in user', async () => {
    expect((await call('GET', '/api/alarms/types')).statusCode).toBe(401);
    const res = await call('GET', '/api/alarms/types', 'op');
    expect(res.statusCode).toBe(200);
    expect(res.json().labels).toEqual(alarmTypeLabel);
    expect(res.json().labels).toMatchObject({ sos: '紧急报警（SOS）', terminal_rollover: '终端侧翻预警' });
  });

  it('serves OpenAPI, the built wall and the CJK font from local files', async () => {
    const spec = (await call('GET', '/docs/json')).json();
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/alarms', '/api/alarms/{id}/ack', '/api/tanks', '/api/devices/{id}']));
    const wall = await call('GET', '/wall/'); // the built Vue page; Leaflet and socket.io-client are bundled into it
    expect(wall.statusCode).toBe(200);
    expect(wall.body).toContain('<title>监控大屏');
    const script = wall.body.match(/src="(\/assets\/wall-[^"]+\.js)"/)![1];
    expect((await call('GET', script)).statusCode).toBe(200);
    const css = (await call('GET', '/vendor/fonts/noto-sans-sc/400.css')).body;
    const font = css.match(/url\(\.\/(files\/[^)]+\.woff2)\)/)![1];
    expect((await call('GET', `/vendor/fonts/noto-sans-sc/${font}`)).statusCode).toBe(200);
  });

  it('rate-limits the login form', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) {
      codes.push((await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.9.9.9', payload: { username: 'x', password: 'y' } })).statusCode);
    }
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes.slice(10)).toEqual([429, 429]);
  });
});
