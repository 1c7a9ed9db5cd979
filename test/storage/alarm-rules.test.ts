import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.ts';
import type { Accounts } from '../../platform/auth/accounts.ts';
import type { VehiclePosition } from '../../ingest/ports.ts';
import { AlarmStore } from '../../alerts/alarm-store.ts';
import { AlarmEngine } from '../../alerts/alarm-engine.ts';
import { RuleBook } from '../../alerts/rule-book.ts';
import { RuleStateStore } from '../../alerts/rule-state-store.ts';
import { RuleStore } from '../../alerts/rule-store.ts';
import { testDatabases } from '../support/test-databases.ts';
import { buildTestApp, loginAll } from '../support/test-app.ts';

const PW = 'Passw0rd-test';
const log = pino({ level: 'silent' });

/** Rules as versioned, scoped data through the API, and rule state that survives an engine restart, on each database. */
describe.each(testDatabases)('alarm rules and rule state on $name', (kind) => {
  let db: Database;
  let app: FastifyInstance;
  let accounts: Accounts;
  let t: Record<string, string>;
  const ids: Record<string, number> = {};
  const call = (method: 'GET' | 'POST' | 'PUT', url: string, as: string, payload?: object) =>
    app.inject({ method, url, payload, headers: { authorization: `Bearer ${t[as]}` } });

  beforeAll(async () => {
    db = await kind.open();
    ({ app, accounts } = await buildTestApp(db));
    const ent = async (code: string, name: string, region: string) =>
      (await db.query<{ id: number }>('insert into enterprises (code, name, region_code) values ($1, $2, $3) returning id', [code, name, region]))[0].id;
    ids.chaoyang = await ent('91211321MA0000001A', '朝阳危运有限公司', '211321');
    ids.jianping = await ent('91211322MA0000003C', '建平危运有限公司', '211322');
    ids.truck = (await db.query<{ id: number }>(`insert into vehicles (plate, enterprise_id, terminal_phone) values ('辽N·00001', $1, '13900000001') returning id`, [ids.chaoyang]))[0].id;
    await accounts.createUser({ username: 'admin', displayName: '管理员', password: PW, role: 'admin' });
    await accounts.createUser({ username: 'county', displayName: '朝阳县局', password: PW, role: 'official', regionCode: '211321' });
    await accounts.createUser({ username: 'county2', displayName: '建平县局', password: PW, role: 'official', regionCode: '211322' });
    await accounts.createUser({ username: 'ent', displayName: '企业管理员', password: PW, role: 'enterprise_admin', enterpriseId: ids.chaoyang });
    t = await loginAll(app, { admin: PW, county: PW, county2: PW, ent: PW });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('creates, edits into new versions, disables, and lists the latest version only', async () => {
    const created = await call('POST', '/api/alarm-rules', 'county', { kind: 'fatigue', name: '朝阳危运疲劳规则', enterpriseId: ids.chaoyang, params: { dailyS: 6 * 3600 } });
    expect(created.statusCode).toBe(201);
    const rule = created.json();
    expect(rule).toMatchObject({ version: 1, kind: 'fatigue', enterpriseId: ids.chaoyang, regionCode: '211321', severity: 'major', enabled: true, createdBy: 'county' });
    expect(rule.params).toEqual({ continuousS: 14_400, restS: 1_200, dailyS: 21_600, drivingSpeedKmh: 5 });

    const edited = await call('PUT', `/api/alarm-rules/${rule.id}`, 'county', { kind: 'fatigue', name: '朝阳危运疲劳规则', enterpriseId: ids.chaoyang, params: { dailyS: 7 * 3600 }, severity: 'critical' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ id: rule.id, version: 2, severity: 'critical', params: { dailyS: 25_200 } });
    const disabled = await call('POST', `/api/alarm-rules/${rule.id}/disable`, 'county');
    expect(disabled.json()).toMatchObject({ id: rule.id, version: 3, enabled: false, params: { dailyS: 25_200 } });

    const versions = (await call('GET', `/api/alarm-rules/${rule.id}/versions`, 'county')).json().items;
    expect(versions.map((v: { version: number; enabled: boolean }) => [v.version, v.enabled])).toEqual([[3, false], [2, true], [1, true]]);
    const list = (await call('GET', '/api/alarm-rules?kind=fatigue', 'county')).json().items;
    expect(list).toHaveLength(1);
    expect(list[0].version).toBe(3);
  });

  it('is scoped: another county neither sees nor writes it, enterprises cannot write, nationwide rules are for administrators', async () => {
    const rule = (await call('POST', '/api/alarm-rules', 'county', { kind: 'overspeed', name: '朝阳县限速', regionCode: '211321', params: { limitKmh: 50 } })).json();
    expect((await call('GET', `/api/alarm-rules/${rule.id}`, 'county2')).statusCode).toBe(404);
    expect((await call('GET', `/api/alarm-rules/${rule.id}/versions`, 'county2')).statusCode).toBe(404);
    expect((await call('PUT', `/api/alarm-rules/${rule.id}`, 'county2', { kind: 'overspeed', name: '改动规则', regionCode: '211322', params: {} })).statusCode).toBe(404);
    expect((await call('GET', '/api/alarm-rules', 'county2')).json().items).toEqual([]);
    // an enterprise account sees only rules aimed at the enterprise itself or its vehicles and sensors
    expect((await call('GET', `/api/alarm-rules/${rule.id}`, 'ent')).statusCode).toBe(404);
    expect((await call('POST', '/api/alarm-rules', 'county2', { kind: 'overspeed', name: '越权', enterpriseId: ids.chaoyang, params: {} })).statusCode).toBe(403);
    expect((await call('POST', '/api/alarm-rules', 'county2', { kind: 'overspeed', name: '越权', regionCode: '211321', params: {} })).statusCode).toBe(403);
    expect((await call('POST', '/api/alarm-rules', 'ent', { kind: 'overspeed', name: '企业', enterpriseId: ids.chaoyang, params: {} })).statusCode).toBe(403);
    expect((await call('POST', '/api/alarm-rules', 'county', { kind: 'offline', name: '全国', params: {} })).statusCode).toBe(403);
    expect((await call('POST', '/api/alarm-rules', 'admin', { kind: 'offline', name: '全国离线', params: { timeoutS: 300 } })).statusCode).toBe(201);
  });

  it('answers 400 per field: params of the kind, a source of the wrong kind, a changed kind', async () => {
    const bad = await call('POST', '/api/alarm-rules', 'county', { kind: 'fatigue', name: '坏参数', regionCode: '211321', params: { continuousS: -5, nope: 1 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.map((f: { path: string }) => f.path)).toContain('params.continuousS');
    const wrongSource = await call('POST', '/api/alarm-rules', 'county', { kind: 'rate_of_change', name: '错来源', source: { kind: 'vehicle', id: ids.truck }, params: { maxRisePerMin: 1 } });
    expect(wrongSource.statusCode).toBe(400);
    expect(wrongSource.json().fields).toEqual([{ path: 'source.kind', message: expect.any(String) }]);
    const rule = (await call('POST', '/api/alarm-rules', 'county', { kind: 'geofence', name: '停车', source: { kind: 'vehicle', id: ids.truck }, params: { parkingMaxS: 300 } })).json();
    expect(rule).toMatchObject({ source: { kind: 'vehicle', id: ids.truck }, enterpriseId: ids.chaoyang });
    const changed = await call('PUT', `/api/alarm-rules/${rule.id}`, 'county', { kind: 'overspeed', name: '停车', source: { kind: 'vehicle', id: ids.truck }, params: {} });
    expect(changed.statusCode).toBe(400);
  });

  it('the most specific enabled latest version governs a subject', async () => {
    const store = new RuleStore(db);
    const book = new RuleBook(await store.allLatest());
    const truck = { sourceKind: 'vehicle' as const, sourceId: ids.truck, enterpriseId: ids.chaoyang, regionCode: '211321' };
    // the enterprise fatigue rule is disabled: defaults apply
    expect(book.resolve('fatigue', truck)).toMatchObject({ ruleId: null, params: { dailyS: 28_800 } });
    expect(book.resolve('overspeed', truck)).toMatchObject({ params: { limitKmh: 50 } });
    expect(book.resolve('overspeed', { ...truck, enterpriseId: ids.jianping, regionCode: '211322' })).toMatchObject({ ruleId: null, params: { limitKmh: 60 } });
    expect(book.resolve('geofence', truck)).toMatchObject({ params: { parkingMaxS: 300 } });
    expect(book.resolve('offline', { ...truck, regionCode: '320116' })).toMatchObject({ params: { timeoutS: 300 } });
    expect(book.resolve('rate_of_change', { ...truck, sourceKind: 'sensor' })).toBeNull();
  });

  it('a restart in the middle of a duration keeps it: overspeed timer and fatigue clock resume from rule_state, offline sweeps resume for known vehicles', async () => {
    await db.query('delete from rule_state');
    const base = Date.parse('2026-11-23T10:00:00+08:00');
    let now = base;
    const position = (s: number, speedKmh: number): VehiclePosition => ({
      vehicleId: ids.truck, plate: '辽N·00001', enterpriseId: ids.chaoyang, regionCode: '211321', lat: 41.5, lon: 120.4, altitude: 0, speedKmh, direction: 0,
      ts: new Date(base + s * 1000), alarmBits: 0, statusBits: 3, fixed: true, drift: false, deviceTime: true, sos: false, reupload: false,
    });
    const startEngine = async () => {
      const state = new RuleStateStore(db, { debounceMs: 60_000 });
      const alarms = new AlarmStore(db);
      const engine = new AlarmEngine(alarms, log, state, { now: () => now });
      await engine.restore();
      engine.useRules(new RuleBook(await new RuleStore(db).allLatest()));
      engine.useVehicles(new Map([[ids.truck, null]]));
      return { engine, state, alarms };
    };
    const open = async (alarms: AlarmStore) => (await alarms.active()).filter((a) => a.source.id === ids.truck).map((a) => a.type).sort();

    const first = await startEngine();
    first.engine.onPosition(position(0, 70)); // over the county's 50 km/h
    first.engine.onPosition(position(6, 70));
    await first.engine.settled();
    await first.state.flush(); // what stop() does
    expect(await open(first.alarms)).toEqual([]);

    const second = await startEngine();
    second.engine.onPosition(position(10, 70));
    await second.engine.settled();
    expect(await open(second.alarms)).toEqual(['overspeed']);
    await second.state.flush();

    // Silent since the first engine; the platform was down for a while, so the offline clock restarts with it, and a
    // vehicle that never reports again is still swept from its persisted state.
    now = base + 3600_000;
    const third = await startEngine();
    third.engine.sweep();
    await third.engine.settled();
    expect(await open(third.alarms)).toEqual(['overspeed']);
    now = base + 3600_000 + 299_000;
    third.engine.sweep();
    await third.engine.settled();
    expect(await open(third.alarms)).toEqual(['overspeed']);
    now = base + 3600_000 + 300_000;
    third.engine.useVehicles(new Map()); // deleted from the registry: not swept
    third.engine.sweep();
    await third.engine.settled();
    expect(await open(third.alarms)).toEqual(['overspeed']);
    third.engine.useVehicles(new Map([[ids.truck, null]]));
    third.engine.sweep();
    await third.engine.settled();
    expect(await open(third.alarms)).toEqual(['offline', 'overspeed']);
    const [row] = await db.query<{ state: { continuousMs: number } }>(`select state from rule_state where rule_kind = 'fatigue' and source_id = $1`, [ids.truck]);
    expect(row.state.continuousMs).toBe(10_000);
  });

  it('a threshold delay timer survives a restart: the high level held across it fires once the delay has passed', async () => {
    const [tank] = await db.query<{ id: number }>(`insert into tanks (enterprise_id, code, name) values ($1, 'T1', '1#储罐') returning id`, [ids.chaoyang]);
    const [row] = await db.query<{ id: number }>(
      `insert into sensors (tank_id, code, kind, unit, range_min, range_max, high, deadband, delay_s) values ($1, 'LT', 'level', 'm', 0, 20, 15, 0.5, 30) returning id`,
      [tank.id],
    );
    const sensor = {
      id: row.id, code: 'LT', kind: 'level' as const, unit: 'm', deviceId: null, tankId: tank.id, tankName: '1#储罐', enterpriseId: ids.chaoyang, regionCode: '211321',
      rangeMin: 0, rangeMax: 20, lowLow: null, low: null, high: 15, highHigh: null, deadband: 0.5, delayS: 30, interruptionTimeoutS: 300,
    };
    const t0 = Date.parse('2026-11-23T10:00:00+08:00');
    const reading = (s: number, value: number) => ({ sensorId: sensor.id, tankId: tank.id, enterpriseId: ids.chaoyang, regionCode: '211321', deviceId: 0, value, ts: new Date(t0 + s * 1000), quality: 'good' as const });
    const start = async () => {
      const state = new RuleStateStore(db, { debounceMs: 60_000 });
      const engine = new AlarmEngine(new AlarmStore(db), log, state);
      await engine.restore();
      return { engine, state };
    };
    const open = async () => (await new AlarmStore(db).active()).filter((a) => a.source.kind === 'sensor' && a.source.id === sensor.id).map((a) => a.type);

    const before = await start();
    before.engine.onReading(reading(0, 16), sensor);
    before.engine.onReading(reading(20, 16.2), sensor);
    await before.engine.settled();
    await before.state.flush();
    expect(await open()).toEqual([]);

    const after = await start();
    after.engine.onReading(reading(31, 16.1), sensor);
    await after.engine.settled();
    expect(await open()).toEqual(['threshold']);
    // out of range: a sensor fault, and the threshold alarm neither clears nor changes on it
    after.engine.onReading(reading(40, 25), sensor);
    await after.engine.settled();
    expect((await open()).sort()).toEqual(['sensor_fault', 'threshold']);
  });

  it('terminal alarm bits raise their own types with per-bit severity; a rule schedule (Shanghai time) gates raises', async () => {
    const [v] = await db.query<{ id: number }>(`insert into vehicles (plate, enterprise_id, terminal_phone) values ('辽N·00002', $1, '13900000002') returning id`, [ids.chaoyang]);
    const rule = await call('POST', '/api/alarm-rules', 'county', {
      kind: 'overspeed', name: '白天限速', source: { kind: 'vehicle', id: v.id }, params: { limitKmh: 60, sustainS: 1 }, schedule: [{ days: [1, 2, 3, 4, 5], from: '06:00', to: '22:00' }],
    });
    expect(rule.statusCode).toBe(201);
    const engine = new AlarmEngine(new AlarmStore(db), log, new RuleStateStore(db, { debounceMs: 60_000 }));
    engine.useRules(new RuleBook(await new RuleStore(db).allLatest()));
    const position = (local: string, speedKmh: number, alarmBits = 0): VehiclePosition => ({
      vehicleId: v.id, plate: '辽N·00002', enterpriseId: ids.chaoyang, regionCode: '211321', lat: 41.5, lon: 120.4, altitude: 0, speedKmh, direction: 0,
      ts: new Date(`${local}+08:00`), alarmBits, statusBits: 3, fixed: true, drift: false, deviceTime: true, sos: false, reupload: false,
    });
    const open = async () => (await new AlarmStore(db).active()).filter((a) => a.source.id === v.id && a.source.kind === 'vehicle').map((a) => `${a.type}:${a.severity}`).sort();

    // Monday 23:00 in Shanghai is outside the window: speeding is not raised there
    engine.onPosition(position('2026-11-23T23:00:00', 90, (1 << 29) | (1 << 9)));
    engine.onPosition(position('2026-11-23T23:00:05', 90, (1 << 29) | (1 << 9)));
    await engine.settled();
    expect(await open()).toEqual(['terminal_collision:critical', 'terminal_lcd_fault:warning']);
    engine.onPosition(position('2026-11-24T08:00:00', 30, 1 << 9));
    engine.onPosition(position('2026-11-24T08:00:01', 90, 1 << 9));
    engine.onPosition(position('2026-11-24T08:00:03', 90, 1 << 9));
    await engine.settled();
    expect(await open()).toEqual(['overspeed:major', 'terminal_lcd_fault:warning']);
  });
});
