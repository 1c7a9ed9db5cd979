import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import pino from 'pino';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.ts';
import type { Accounts } from '../../platform/auth/accounts.ts';
import type { VehiclePosition } from '../../ingest/ports.ts';
import { RegistryDirectory } from '../../registry/registry-directory.ts';
import { RegistryRepository } from '../../registry/registry-repository.ts';
import { waybillsModule } from '../../registry/modules/waybills.ts';
import { AlarmStore } from '../../alerts/alarm-store.ts';
import { AlarmEngine } from '../../alerts/alarm-engine.ts';
import { RuleStateStore } from '../../alerts/rule-state-store.ts';
import { RuleStore } from '../../alerts/rule-store.ts';
import { attachRuleContext } from '../../alerts/rule-context.ts';
import { testDatabases } from '../support/test-databases.ts';
import { shanghaiDate } from '../../platform/time/shanghai-calendar.ts';
import { buildTestApp, loginAll } from '../support/test-app.ts';
import { eventually } from '../support/eventually.ts';

const PW = 'Passw0rd-test';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const log = pino({ level: 'silent' });

/** The electronic waybill registry through the HTTP API, and the engine's offline_on_trip for trucks on a waybill, on each database. */
describe.each(testDatabases)('waybills on $name', (kind) => {
  let db: Database;
  let app: FastifyInstance;
  let accounts: Accounts;
  let t: Record<string, string>;
  const ids: Record<string, number> = {};
  const call = (method: 'GET' | 'POST' | 'PUT', url: string, as: string, payload?: object) =>
    app.inject({ method, url, payload, headers: { authorization: `Bearer ${t[as]}` } });
  const waybill = (over: Record<string, unknown> = {}) => ({
    code: 'YD-0001', enterpriseId: ids.carrier, vehicleId: ids.truck, driverId: ids.driver, escortId: ids.escort,
    consignor: '朝阳华锦新材料有限公司', loader: '朝阳华锦新材料有限公司储运部', consignee: '朝阳亿丰化工新材料有限公司',
    goodsName: '甲醇', unNumber: '1230', hazmatClass: '3', packingGroup: 'II', quantityT: 22.5,
    origin: '柳城大街18号', destination: '纬一路12号', route: '柳城大街—经三路—纬一路', departureAt: '2026-11-23T08:00:00+08:00', status: 'in_transit',
    ...over,
  });
  const vehicle = async (plate: string, enterpriseId: number) =>
    (await db.query<{ id: number }>('insert into vehicles (plate, enterprise_id) values ($1, $2) returning id', [plate, enterpriseId]))[0].id;
  const staff = async (enterpriseId: number, k: 'driver' | 'escort', name: string, idNumber: string) =>
    (
      await db.query<{ id: number }>(
        `insert into transport_staff (enterprise_id, kind, name, id_number, certificate_no, certificate_expires_on) values ($1, $2, $3, $4, $4, $5) returning id`,
        [enterpriseId, k, name, idNumber, shanghaiDate(Date.now(), 365)],
      )
    )[0].id;

  beforeAll(async () => {
    db = await kind.open();
    ({ app, accounts } = await buildTestApp(db));
    const ent = async (code: string, name: string, region: string) =>
      (await db.query<{ id: number }>('insert into enterprises (code, name, region_code) values ($1, $2, $3) returning id', [code, name, region]))[0].id;
    ids.carrier = await ent('91211321MA0000001A', '朝阳通达危运有限公司', '211321');
    ids.other = await ent('91211322MA0000003C', '建平危运有限公司', '211322');
    ids.truck = await vehicle('辽N·00001', ids.carrier);
    ids.otherTruck = await vehicle('辽N·00009', ids.other);
    ids.driver = await staff(ids.carrier, 'driver', '张立军', '211321198003120513');
    ids.escort = await staff(ids.carrier, 'escort', '王海涛', '211321198507221035');
    ids.otherEscort = await staff(ids.other, 'escort', '马晓红', '211321198702110242');
    await accounts.createUser({ username: 'admin', displayName: '管理员', password: PW, role: 'admin' });
    await accounts.createUser({ username: 'county2', displayName: '建平县局', password: PW, role: 'official', regionCode: '211322' });
    await accounts.createUser({ username: 'ent', displayName: '企业管理员', password: PW, role: 'enterprise_admin', enterpriseId: ids.carrier });
    t = await loginAll(app, { admin: PW, county2: PW, ent: PW });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('creates a waybill and answers 409 on a duplicate code', async () => {
    const created = await call('POST', '/api/waybills', 'ent', waybill());
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ code: 'YD-0001', vehicleId: ids.truck, unNumber: '1230', packingGroup: 'II', status: 'in_transit', arrivalAt: null });
    expect(Date.parse(created.json().departureAt)).toBe(Date.parse('2026-11-23T08:00:00+08:00'));
    const duplicate = await call('POST', '/api/waybills', 'admin', waybill());
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({ error: 'duplicate', field: 'code' });
    const modules = (await call('GET', '/api/modules', 'ent')).json();
    expect(JSON.stringify(modules)).toContain('电子运单');
  });

  it('answers 400 per field: schema errors, and a driver, escort or vehicle that is not the carrier’s or not in that post', async () => {
    const schema = await call('POST', '/api/waybills', 'admin', waybill({ code: 'YD-0002', unNumber: '12', hazmatClass: '10', packingGroup: 'IV', consignor: '' }));
    expect(schema.statusCode).toBe(400);
    expect(schema.json().error).toBe('validation_failed');
    expect(schema.json().fields.map((f: { path: string }) => f.path).sort()).toEqual(['consignor', 'hazmatClass', 'packingGroup', 'unNumber']);

    const crossed = await call('POST', '/api/waybills', 'admin', waybill({ code: 'YD-0002', vehicleId: ids.otherTruck, driverId: ids.escort, escortId: ids.otherEscort }));
    expect(crossed.statusCode).toBe(400);
    expect(crossed.json()).toMatchObject({ error: 'validation_failed' });
    expect(crossed.json().fields).toEqual([
      { path: 'vehicleId', message: '车辆不属于该运输企业' },
      { path: 'driverId', message: '所选人员不是驾驶员' },
      { path: 'escortId', message: '押运员不属于该运输企业' },
    ]);
    const missing = await call('POST', '/api/waybills', 'admin', waybill({ code: 'YD-0002', vehicleId: 999_999, driverId: 999_998 }));
    expect(missing.json().fields).toEqual([
      { path: 'vehicleId', message: '车辆不存在' },
      { path: 'driverId', message: '驾驶员不存在' },
    ]);

    const [{ id }] = (await call('GET', '/api/waybills?q=YD-0001', 'admin')).json().items;
    const update = await call('PUT', `/api/waybills/${id}`, 'ent', waybill({ escortId: ids.driver }));
    expect(update.statusCode).toBe(400);
    expect(update.json().fields).toEqual([{ path: 'escortId', message: '所选人员不是押运员' }]);
    expect((await call('GET', '/api/waybills?q=YD-0002', 'admin')).json().total).toBe(0);
  });

  it('is scoped to the carrier: other enterprises and regions neither see nor write it', async () => {
    const foreign = await call('POST', '/api/waybills', 'admin', waybill({ code: 'YD-JP-01', enterpriseId: ids.other, vehicleId: ids.otherTruck, driverId: await staff(ids.other, 'driver', '周建华', '211321198204151914'), escortId: ids.otherEscort }));
    expect(foreign.statusCode, foreign.body).toBe(201);
    const codes = async (as: string, query = '') => (await call('GET', `/api/waybills${query}`, as)).json().items.map((w: { code: string }) => w.code);
    expect(await codes('ent')).toEqual(['YD-0001']);
    expect(await codes('county2')).toEqual(['YD-JP-01']);
    expect(await codes('admin', `?vehicleId=${ids.otherTruck}&status=in_transit`)).toEqual(['YD-JP-01']);
    expect((await call('GET', `/api/waybills/${foreign.json().id}`, 'ent')).statusCode).toBe(404);
    expect((await call('POST', '/api/waybills', 'ent', waybill({ code: 'YD-JP-02', enterpriseId: ids.other, vehicleId: ids.otherTruck }))).statusCode).toBe(403);
  });

  it('imports all rows or none, naming the row index of a cross-row error', async () => {
    const tpl = new ExcelJS.Workbook();
    await tpl.xlsx.load((await call('GET', '/api/waybills/import-template.xlsx', 'ent')).rawPayload as unknown as ArrayBuffer);
    const header = (tpl.worksheets[0].getRow(1).values as unknown[]).slice(1).map((h) => String(h).replace(/\*$/, ''));
    const byLabel = Object.fromEntries(Object.entries(waybillsModule.fields).map(([name, f]) => [f.label, name]));
    const sheet = async (rows: Array<Record<string, unknown>>) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('导入');
      ws.addRow(header);
      for (const r of rows) ws.addRow(header.map((h) => r[byLabel[h]] ?? null));
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const upload = async (payload: Buffer) => app.inject({ method: 'POST', url: '/api/waybills/import', payload, headers: { authorization: `Bearer ${t.ent}`, 'content-type': XLSX } });
    const refused = await upload(await sheet([waybill({ code: 'YD-IM-01' }), waybill({ code: 'YD-IM-02', driverId: ids.escort })]));
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ error: 'validation_failed', fields: [{ path: 'rows.1.driverId', message: '所选人员不是驾驶员' }] });
    expect((await call('GET', '/api/waybills?q=YD-IM', 'ent')).json().total).toBe(0);
    const imported = await upload(await sheet([waybill({ code: 'YD-IM-01', status: 'planned' })]));
    expect(imported.json()).toEqual({ created: 1, updated: 0 });
  });

  it('a truck on an in-transit waybill that goes silent raises the critical offline_on_trip besides offline; one without raises only offline', async () => {
    const onTrip = await vehicle('辽N·T0001', ids.carrier);
    const idle = await vehicle('辽N·T0002', ids.carrier);
    const plates = new Map([[onTrip, '辽N·T0001'], [idle, '辽N·T0002']]);
    const directory = new RegistryDirectory(db);
    // Registry writes invalidate the directory, as the app wires every module.
    const repo = new RegistryRepository(db, waybillsModule, () => directory.invalidate());
    const actor = { username: 'admin', ip: '127.0.0.1' };
    await repo.create({ kind: 'all' }, waybillsModule.schema.parse(waybill({ code: 'YD-TRIP-1', vehicleId: onTrip })), actor);

    const base = Date.parse('2026-11-23T10:00:00+08:00');
    let now = base;
    const alarms = new AlarmStore(db);
    const engine = new AlarmEngine(alarms, log, new RuleStateStore(db, { debounceMs: 60_000 }), { now: () => now });
    await attachRuleContext(engine, { db, rules: new RuleStore(db), directory, log });
    const report = (vehicleId: number) =>
      engine.onPosition({
        vehicleId, plate: plates.get(vehicleId)!, enterpriseId: ids.carrier, regionCode: '211321', lat: 41.52, lon: 120.4, altitude: 0, speedKmh: 40, direction: 0,
        ts: new Date(now), alarmBits: 0, statusBits: 3, fixed: true, drift: false, deviceTime: true, sos: false, reupload: false,
      } satisfies VehiclePosition);
    const open = async (vehicleId: number) => (await alarms.active()).filter((a) => a.source.id === vehicleId).sort((a, b) => a.type.localeCompare(b.type));
    const types = async (vehicleId: number) => (await open(vehicleId)).map((a) => a.type);

    report(onTrip);
    report(idle);
    now = base + 240_000; // past the default 180 s
    engine.sweep();
    await engine.settled();
    expect(await types(onTrip)).toEqual(['offline', 'offline_on_trip']);
    expect((await open(onTrip))[1]).toMatchObject({ severity: 'critical', value: 240, message: '辽N·T0001 运输途中失联（运单 YD-TRIP-1，超过 4 分钟无定位）' });
    expect(await types(idle)).toEqual(['offline']);

    // A trip that starts while the truck is silent: the waybill write reloads the engine's trips.
    await repo.create({ kind: 'all' }, waybillsModule.schema.parse(waybill({ code: 'YD-TRIP-2', vehicleId: idle })), actor);
    await eventually(async () => {
      engine.sweep();
      await engine.settled();
      return (await types(idle)).includes('offline_on_trip');
    }, 'offline_on_trip once the in-transit waybill is written');

    now += 1000;
    report(onTrip);
    await engine.settled();
    expect(await types(onTrip)).toEqual([]);
    expect(await types(idle)).toEqual(['offline', 'offline_on_trip']);
  });
});
