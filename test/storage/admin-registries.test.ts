import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.ts';
import type { Accounts } from '../../platform/auth/accounts.ts';
import type { AlarmStore } from '../../alerts/alarm-store.ts';
import { testDatabases } from '../support/test-databases.ts';
import { buildTestApp, loginAll } from '../support/test-app.ts';
import { shanghaiDate } from '../../platform/time/shanghai-calendar.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PW = 'Passw0rd-test';
// The app's clock: today at 00:30 in Shanghai, when the UTC date is still yesterday's.
const NOW = new Date(Date.parse(`${shanghaiDate(Date.now())}T00:30:00+08:00`));

/**
 * The administrative side through the HTTP API on each database: a Liaoning chain (province → Chaoyang city →
 * Chaoyang county with a park; Jianping county beside it) and a Jiangsu enterprise, with a user at every level.
 */
describe.each(testDatabases)('registries and access on $name', (kind) => {
  let db: Database;
  let app: FastifyInstance;
  let accounts: Accounts;
  let alarms: AlarmStore;
  let t: Record<string, string>;
  const ids: Record<string, number> = {};

  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, as: string, payload?: object) =>
    app.inject({ method, url, payload, headers: { authorization: `Bearer ${t[as]}` } });

  beforeAll(async () => {
    db = await kind.open();
    ({ app, accounts, alarms } = await buildTestApp(db, { clock: () => NOW }));
    const org = async (name: string, kindName: string, region: string, enterpriseId: number | null = null) =>
      (await db.query<{ id: number }>('insert into organizations (name, kind, region_code, enterprise_id) values ($1, $2, $3, $4) returning id', [name, kindName, region, enterpriseId]))[0].id;
    ids.orgProvince = await org('辽宁省应急管理厅', 'province', '210000');
    ids.orgCity = await org('朝阳市应急管理局', 'city', '211300');
    ids.orgCounty = await org('朝阳县应急管理局', 'county', '211321');
    ids.orgCounty2 = await org('建平县应急管理局', 'county', '211322');
    ids.orgPark = await org('柳城经济开发区管委会', 'park', '211321');
    ids.orgJiangsu = await org('江苏省应急管理厅', 'province', '320000');
    const ent = async (code: string, name: string, region: string, parkId: number | null) =>
      (await db.query<{ id: number }>('insert into enterprises (code, name, region_code, park_id) values ($1, $2, $3, $4) returning id', [code, name, region, parkId]))[0].id;
    ids.inPark = await ent('91211321MA0000001A', '园区化工有限公司', '211321', ids.orgPark);
    ids.inCounty = await ent('91211321MA0000002B', '县域化工有限公司', '211321', null);
    ids.otherCounty = await ent('91211322MA0000003C', '建平化工有限公司', '211322', null);
    ids.jiangsu = await ent('91320116MA0000004D', '江苏化工有限公司', '320116', null);
    ids.orgEnt = await org('园区化工有限公司', 'enterprise', '211321', ids.inPark);

    await accounts.createUser({ username: 'admin', displayName: '管理员', password: PW, role: 'admin' });
    await accounts.createUser({ username: 'prov', displayName: '省厅', password: PW, role: 'official', regionCode: '210000', organizationId: ids.orgProvince });
    await accounts.createUser({ username: 'city', displayName: '市局', password: PW, role: 'official', regionCode: '211300', organizationId: ids.orgCity });
    await accounts.createUser({ username: 'county', displayName: '县局', password: PW, role: 'official', regionCode: '211321', organizationId: ids.orgCounty });
    await accounts.createUser({ username: 'county2', displayName: '建平县局', password: PW, role: 'official', regionCode: '211322', organizationId: ids.orgCounty2 });
    await accounts.createUser({ username: 'park', displayName: '园区', password: PW, role: 'official', regionCode: '211321', parkId: ids.orgPark, organizationId: ids.orgPark });
    await accounts.createUser({ username: 'ent', displayName: '企业管理员', password: PW, role: 'enterprise_admin', enterpriseId: ids.inPark, organizationId: ids.orgEnt });
    await accounts.createUser({ username: 'js', displayName: '江苏省厅', password: PW, role: 'official', regionCode: '320000', organizationId: ids.orgJiangsu });
    await accounts.createUser({ username: 'fresh', displayName: '新用户', password: '123456', role: 'operator', regionCode: '211321', mustChangePassword: true });
    t = await loginAll(app, Object.fromEntries(['admin', 'prov', 'city', 'county', 'county2', 'park', 'ent', 'js'].map((u) => [u, PW])));
    t.fresh = (await loginAll(app, { fresh: '123456' })).fresh;
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const visibleEnterprises = async (user: string) => ((await call('GET', '/api/enterprises', user)).json().items as Array<{ id: number }>).map((e) => e.id).sort((a, b) => a - b);

  it('each level sees exactly its part of the hierarchy', async () => {
    expect(await visibleEnterprises('admin')).toEqual([ids.inPark, ids.inCounty, ids.otherCounty, ids.jiangsu]);
    expect(await visibleEnterprises('prov')).toEqual([ids.inPark, ids.inCounty, ids.otherCounty]);
    expect(await visibleEnterprises('city')).toEqual([ids.inPark, ids.inCounty, ids.otherCounty]);
    expect(await visibleEnterprises('county')).toEqual([ids.inPark, ids.inCounty]);
    expect(await visibleEnterprises('county2')).toEqual([ids.otherCounty]);
    expect(await visibleEnterprises('park')).toEqual([ids.inPark]);
    expect(await visibleEnterprises('ent')).toEqual([ids.inPark]);
    expect(await visibleEnterprises('js')).toEqual([ids.jiangsu]);
  });

  it('every read across the boundary fails: records, exports, statistics, alarms, audit history, trend queries', async () => {
    const tank = await call('POST', '/api/tanks', 'admin', {
      enterpriseId: ids.otherCounty, code: 'JP-T1', name: '建平1#罐', sensors: [{ code: 'L', kind: 'level', unit: 'm', high: 10 }],
    });
    expect(tank.statusCode).toBe(201);
    const sensorId = tank.json().sensors[0].id;
    const alarm = await alarms.apply({
      action: 'raise', type: 'threshold', level: 'high', severity: 'major', value: 11, at: new Date(), message: '建平1#罐 液位高报',
      source: { kind: 'sensor', id: sensorId, name: '建平1#罐·液位', enterpriseId: ids.otherCounty, regionCode: '211322' },
    });

    for (const user of ['county', 'park', 'ent', 'js']) {
      expect((await call('GET', `/api/enterprises/${ids.otherCounty}`, user)).statusCode, user).toBe(404);
      expect((await call('GET', `/api/tanks/${tank.json().id}`, user)).statusCode, user).toBe(404);
      expect((await call('GET', '/api/tanks', user)).json().total, user).toBe(0);
      expect((await call('GET', `/api/alarms/${alarm!.alarm.id}`, user)).statusCode, user).toBe(404);
      expect((await call('GET', '/api/alarms?state=all', user)).json().total, user).toBe(0);
      expect((await call('POST', `/api/alarms/${alarm!.alarm.id}/ack`, user)).statusCode, user).toBe(404);
      expect((await call('GET', `/api/monitor/sensors/${sensorId}/trend?from=2026-01-01T00:00:00Z`, user)).statusCode, user).toBe(404);
      expect((await call('GET', '/api/monitor/tanks', user)).json().items, user).toEqual([]);
      const exported = await readWorkbook((await call('GET', '/api/tanks/export.xlsx', user)).rawPayload);
      expect(exported.rows, user).toEqual([]);
    }
    const audit = (user: string) => call('GET', `/api/audit?module=tanks&recordId=${tank.json().id}`, user);
    expect((await audit('county2')).json().total).toBe(1);
    expect((await audit('county')).json().total).toBe(0);
    expect((await audit('ent')).json().total).toBe(0);
    const stats = (await call('GET', '/api/enterprises/stats?by=region', 'county')).json().items;
    expect(stats).toEqual([{ key: '211321', label: '辽宁省 朝阳市 朝阳县', count: 2 }]);
  });

  it('sorts by any listed column, and refuses unknown sort fields', async () => {
    const names = async (sort: string) => ((await call('GET', `/api/enterprises?sort=${sort}`, 'prov')).json().items as Array<{ code: string }>).map((e) => e.code);
    expect(await names('code')).toEqual(['91211321MA0000001A', '91211321MA0000002B', '91211322MA0000003C']);
    expect(await names('-code')).toEqual(['91211322MA0000003C', '91211321MA0000002B', '91211321MA0000001A']);
    const bad = await call('GET', '/api/enterprises?sort=secretHash', 'prov');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].path).toBe('sort');
  });

  it('writes across the boundary are refused and change nothing', async () => {
    const before = (await call('GET', '/api/enterprises', 'admin')).json().total;
    expect((await call('POST', '/api/enterprises', 'county', { code: '91211322MA0000009X', name: '越权企业', regionCode: '211322' })).statusCode).toBe(403);
    expect((await call('POST', '/api/tanks', 'ent', { enterpriseId: ids.inCounty, code: 'X1', name: '越权罐', sensors: [] })).statusCode).toBe(403);
    expect((await call('DELETE', `/api/enterprises/${ids.otherCounty}`, 'county')).statusCode).toBe(404);
    expect((await call('POST', `/api/enterprises/${ids.inCounty}/move-region`, 'county', { regionCode: '320116', reason: '测试越权' })).statusCode).toBe(403);
    expect((await call('GET', '/api/enterprises', 'admin')).json().total).toBe(before);
  });

  it('rejects invalid input with per-field errors, and duplicates with 409', async () => {
    const bad = await call('POST', '/api/hazard-sources', 'county', { enterpriseId: ids.inCounty, code: 'HS', name: 'x', unitKind: 'tank', peopleWithin500m: -1, chemicals: [{ name: '甲醇', betaClass: 'nope', actualT: 1, criticalT: 0 }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.map((f: { path: string }) => f.path).sort()).toEqual(['chemicals.0.betaClass', 'chemicals.0.criticalT', 'name', 'peopleWithin500m', 'unitKind']);
    const staff = { enterpriseId: ids.inPark, kind: 'driver', name: '张三', idNumber: '21132119800101123X', certificateNo: 'LN2113001', certificateExpiresOn: shanghaiDate(NOW, 365) };
    expect((await call('POST', '/api/transport-staff', 'ent', staff)).statusCode).toBe(201);
    const dup = await call('POST', '/api/transport-staff', 'ent', { ...staff, name: '李四' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ error: 'duplicate', field: 'idNumber' });
  });

  it('computes the hazard source grade itself; typed-in R values are ignored', async () => {
    const res = await call('POST', '/api/hazard-sources', 'county', {
      enterpriseId: ids.inCounty, code: 'HS-01', name: '液氯储存单元', unitKind: 'storage', peopleWithin500m: 120, rValue: 1, level: 4,
      chemicals: [{ name: '液氯', cas: '7782-50-5', betaClass: 'cl2', actualT: 20, criticalT: 5 }, { name: '液氨', betaClass: 'nh3', actualT: 30, criticalT: 10 }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ sumQRatio: 7, rValue: 44, level: 3 });
    const list = (await call('GET', '/api/hazard-sources?level=3', 'county')).json();
    expect(list.items.map((h: { code: string }) => h.code)).toEqual(['HS-01']);
  });

  it('keeps an audit trail with before and after, and records region moves with their reason', async () => {
    const created = await call('POST', '/api/enterprises', 'county', { code: '91211321MA0000005E', name: '审计测试化工有限公司', regionCode: '211321', scale: 'small' });
    const id = created.json().id;
    await call('PUT', `/api/enterprises/${id}`, 'county', { code: '91211321MA0000005E', name: '审计测试化工有限公司', regionCode: '211321', scale: 'medium' });
    const moved = await call('POST', `/api/enterprises/${id}/move-region`, 'city', { regionCode: '211322', reason: '厂址划归建平县' });
    expect(moved.json()).toMatchObject({ regionCode: '211322' });
    await call('DELETE', `/api/enterprises/${id}`, 'city');
    const trail = (await call('GET', `/api/audit?module=enterprises&recordId=${id}`, 'city')).json().items.reverse();
    expect(trail.map((e: { action: string; actor: string }) => [e.action, e.actor])).toEqual([['create', 'county'], ['update', 'county'], ['move', 'city'], ['delete', 'city']]);
    expect(trail[1].before.scale).toBe('small');
    expect(trail[1].after.scale).toBe('medium');
    expect(trail[2].after).toMatchObject({ regionCode: '211322', reason: '厂址划归建平县' });
    expect(trail[3].after).toBeNull();
    // After the move the county no longer sees the enterprise's history, the other county does.
    expect((await call('GET', `/api/audit?module=enterprises&recordId=${id}&action=move`, 'county2')).json().total).toBe(1);
  });

  it('exports the filtered list to Excel and imports the same template back, all or nothing with per-row errors', async () => {
    const template = await readWorkbook((await call('GET', '/api/emergency-resources/import-template.xlsx', 'county')).rawPayload);
    expect(template.header).toEqual(['行政区划', '所属企业（公共资源留空）', '资源编码', '资源类型', '名称', '地址', '纬度', '经度', '联系人', '联系电话', '规模/数量']);

    const good = await writeWorkbook(template.header, [
      ['211321', null, 'RT-01', '救援队伍', '朝阳县消防救援大队', '柳城镇', 41.52, 120.4, '王队长', '0421-1234567', '40人'],
      ['211321', null, 'SH-01', '避难场所', '柳城镇中心广场', '柳城镇', 41.53, 120.41, null, null, '2000人'],
    ]);
    const imported = await app.inject({ method: 'POST', url: '/api/emergency-resources/import', payload: good, headers: { authorization: `Bearer ${t.county}`, 'content-type': XLSX } });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toEqual({ created: 2, updated: 0 });

    const bad = await writeWorkbook(template.header, [
      ['211321', null, 'RT-01', '救援队伍', '朝阳县消防救援大队（更新）', '柳城镇', 41.52, 120.4, null, null, null],
      ['211321', null, 'EQ-01', '飞船', '无效类型', null, 41.5, 120.4, null, null, null],
      ['211321', null, 'EQ-02', '救援装备', '缺经纬度', null, null, 'abc', null, null, null],
    ]);
    const refused = await app.inject({ method: 'POST', url: '/api/emergency-resources/import', payload: bad, headers: { authorization: `Bearer ${t.county}`, 'content-type': XLSX } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().rows).toEqual([
      { row: 3, field: '资源类型', message: expect.any(String) },
      { row: 4, field: '纬度', message: expect.any(String) },
      { row: 4, field: '经度', message: expect.any(String) },
    ]);
    expect((await call('GET', '/api/emergency-resources?q=更新', 'county')).json().total).toBe(0);

    const outOfScope = await writeWorkbook(template.header, [['211322', null, 'JP-01', '应急物资', '建平物资库', null, 41.6, 119.6, null, null, null]]);
    const foreign = await app.inject({ method: 'POST', url: '/api/emergency-resources/import', payload: outOfScope, headers: { authorization: `Bearer ${t.county}`, 'content-type': XLSX } });
    expect(foreign.statusCode).toBe(403);

    const exported = await readWorkbook((await call('GET', '/api/emergency-resources/export.xlsx?kind=shelter', 'county')).rawPayload);
    expect(exported.rows).toEqual([[expect.any(Number), '211321', null, 'SH-01', '避难场所', '柳城镇中心广场', '柳城镇', 41.53, 120.41, null, null, '2000人']]);
    const nearest = (await call('GET', '/api/emergency-resources/nearest?lat=41.521&lon=120.401&limit=1', 'county')).json().items;
    expect(nearest).toEqual([expect.objectContaining({ code: 'RT-01', distanceM: expect.any(Number) })]);
    expect(nearest[0].distanceM).toBeLessThan(200);
    expect((await call('GET', '/api/emergency-resources/nearest?lat=41.521&lon=120.401', 'county2')).json().items).toEqual([]);
  });

  it('manages users down the hierarchy only', async () => {
    const mk = (as: string, body: object) => call('POST', '/api/users', as, body);
    const cityUser = await mk('prov', { username: 'cy_new', displayName: '朝阳市新用户', role: 'official', organizationId: ids.orgCity });
    expect(cityUser.statusCode, cityUser.body).toBe(201);
    expect(cityUser.json().password).toMatch(/^\S{12}$/);
    expect((await mk('county', { username: 'upper', displayName: '越级', role: 'official', organizationId: ids.orgCity })).statusCode).toBe(403);
    expect((await mk('county', { username: 'side', displayName: '越界', role: 'official', organizationId: ids.orgCounty2 })).statusCode).toBe(403);
    const boss = await mk('prov', { username: 'boss', displayName: '提权', role: 'admin', organizationId: ids.orgCounty });
    expect(boss.statusCode, boss.body).toBe(403);
    const entUser = await mk('ent', { username: 'ent_user1', displayName: '企业员工', role: 'enterprise_user', organizationId: ids.orgEnt });
    expect(entUser.statusCode, entUser.body).toBe(201);
    expect((await mk('ent', { username: 'ent_off', displayName: '冒充监管', role: 'official', organizationId: ids.orgEnt })).statusCode).toBe(403);
    expect(((await call('GET', '/api/users', 'county')).json().items as Array<{ username: string }>).map((u) => u.username)).not.toContain('cy_new');
    expect(((await call('GET', '/api/users', 'city')).json().items as Array<{ username: string }>).map((u) => u.username)).toContain('cy_new');
  });

  it('makes a seeded default password be changed before anything else, with a policy', async () => {
    const blocked = await call('GET', '/api/enterprises', 'fresh');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error).toBe('password_change_required');
    const weak = await call('POST', '/api/auth/change-password', 'fresh', { oldPassword: '123456', newPassword: '12345678' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().fields[0].path).toBe('newPassword');
    expect((await call('POST', '/api/auth/change-password', 'fresh', { oldPassword: 'wrong', newPassword: 'Zhiban2026ok' })).statusCode).toBe(400);
    expect((await call('POST', '/api/auth/change-password', 'fresh', { oldPassword: '123456', newPassword: 'Zhiban2026ok' })).statusCode).toBe(200);
    expect((await call('GET', '/api/enterprises', 'fresh')).statusCode).toBe(200);
  });

  it('lets administrators search the login log, and nobody else', async () => {
    await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'county', password: 'wrong-password' } });
    const failed = (await call('GET', '/api/auth/login-log?username=county&success=false', 'admin')).json();
    expect(failed.items).toEqual([expect.objectContaining({ username: 'county', success: false, reason: 'bad_password' })]);
    expect((await call('GET', '/api/auth/login-log?username=county&success=true', 'admin')).json().total).toBe(1);
    expect((await call('GET', '/api/auth/login-log', 'prov')).statusCode).toBe(403);
  });

  it('pages the login log and the operation log alike, newest first, and refuses a page out of bounds', async () => {
    for (const url of ['/api/auth/login-log', '/api/audit']) {
      const first = (await call('GET', `${url}?pageSize=1`, 'admin')).json();
      const second = (await call('GET', `${url}?page=2&pageSize=1`, 'admin')).json();
      expect(first.total).toBeGreaterThan(1);
      expect(second.total).toBe(first.total);
      expect(second.items[0].id).toBeLessThan(first.items[0].id);
      expect((await call('GET', url, 'admin')).json().items).toHaveLength(Math.min(50, first.total));
      for (const bad of ['page=0', 'pageSize=501']) {
        const res = await call('GET', `${url}?${bad}`, 'admin');
        expect(res.statusCode, `${url}?${bad}`).toBe(400);
        expect(res.json().fields).toMatchObject([{ path: bad.split('=')[0] }]);
      }
    }
  });

  it('expires passwords after the configured age', async () => {
    await db.query(`update users set password_changed_at = now() - interval '91 days' where username = 'js'`);
    expect((await call('GET', '/api/enterprises', 'js')).json().error).toBe('password_change_required');
  });

  it('describes every module for the admin page, with write rights per role', async () => {
    const mods = (await call('GET', '/api/modules', 'ent')).json().items as Array<{ name: string; canWrite: boolean; fields: Array<{ name: string; required: boolean; readOnly?: boolean }> }>;
    expect(mods.map((m) => m.name)).toEqual(['enterprises', 'enterprise-units', 'hazard-sources', 'tanks', 'devices', 'cameras', 'vehicles', 'transport-staff', 'waybills', 'geofences', 'emergency-resources']);
    expect(mods.find((m) => m.name === 'enterprises')!.canWrite).toBe(false);
    expect(mods.find((m) => m.name === 'tanks')!.canWrite).toBe(true);
    const hs = mods.find((m) => m.name === 'hazard-sources')!;
    expect(hs.fields.find((f) => f.name === 'rValue')).toMatchObject({ readOnly: true });
    expect(hs.fields.find((f) => f.name === 'code')).toMatchObject({ required: true });
    const tankFilters = (mods.find((m) => m.name === 'tanks') as unknown as { filters: unknown[] }).filters;
    expect(tankFilters).toEqual(expect.arrayContaining([
      { field: 'enterpriseId', label: '所属企业', type: 'select', ref: { module: 'enterprises', labelField: 'name' } },
      { field: 'hazardSourceId', label: '所属危险源', type: 'select', ref: { module: 'hazard-sources', labelField: 'name' } },
    ]));
    const deviceFilters = (mods.find((m) => m.name === 'devices') as unknown as { filters: unknown[] }).filters;
    expect(deviceFilters).toContainEqual({ field: 'enabled', label: '启用', type: 'select', options: [{ value: 'true', label: '是' }, { value: 'false', label: '否' }] });
  });

  it('warns of certificates and inspections expiring within 30 days of the Shanghai calendar day', async () => {
    const soon = shanghaiDate(NOW, 5);
    await call('POST', '/api/transport-staff', 'ent', { enterpriseId: ids.inPark, kind: 'escort', name: '王五', idNumber: '211321199001011234', certificateNo: 'LN2113002', certificateExpiresOn: soon });
    const items = (await call('GET', '/api/expiry-warnings', 'park')).json().items;
    expect(items).toEqual([expect.objectContaining({ kind: 'escort_certificate', name: '王五', daysLeft: 5 })]);
    expect((await call('GET', '/api/expiry-warnings', 'county2')).json().items).toEqual([]);
  });
});

async function readWorkbook(buf: Buffer): Promise<{ header: unknown[]; rows: unknown[][] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const values = (r: number) => (ws.getRow(r).values as unknown[]).slice(1);
  const rows: unknown[][] = [];
  for (let r = 2; r <= ws.rowCount; r++) rows.push(Array.from(values(r), (v) => v ?? null));
  return { header: values(1), rows: rows.map((row) => [...row, ...Array(Math.max(0, values(1).length - row.length)).fill(null)]) };
}

async function writeWorkbook(header: unknown[], rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('导入');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
