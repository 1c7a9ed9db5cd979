import pino from 'pino';
import type { FastifyInstance } from 'fastify';
import { openDatabase } from '../../platform/db/open-database.ts';
import type { Database } from '../../platform/db/database.ts';
import { loadDemoPark } from '../../seeds/load-demo-park.ts';
import { SensorLiveState } from '../../monitor/live-state/sensor-live-state.ts';
import { VehicleLiveState } from '../../monitor/live-state/vehicle-live-state.ts';
import type { TelemetryReader } from '../../monitor/telemetry-store/telemetry-reader.ts';
import type { AlarmStore } from '../../alerts/alarm-store.ts';
import type { AlarmSource, Severity } from '../../alerts/alarm-decision.ts';
import { buildTestApp, loginAll } from './test-app.ts';

export const PASSWORD = 'wall-passw0rd';

/**
 * The demo park plus a Tianjin enterprise with a tank, a sensor and a vehicle, and one user per scope:
 * admin, the Chaoyang city and county officials, the park, a park enterprise, and a Beijing and a Tianjin official.
 * The clock is fixed by the caller; nothing here reads the real date.
 */
export interface WallFixture {
  db: Database;
  app: FastifyInstance;
  alarms: AlarmStore;
  sensorLive: SensorLiveState;
  vehicleLive: VehicleLiveState;
  online: Set<number>;
  tokens: Record<string, string>;
  parkId: number;
  tianjin: { enterpriseId: number; tankId: number; sensorId: number; vehicleId: number };
  get(url: string, as: string): Promise<import('light-my-request').Response>;
  raise(source: { kind: 'sensor' | 'vehicle'; id: number }, type: string, severity: Severity, at: Date): Promise<number>;
  close(): Promise<void>;
}

export async function wallFixture(opts: { clock: () => Date; reader?: TelemetryReader }): Promise<WallFixture> {
  const db = await openDatabase({});
  await loadDemoPark(db, pino({ level: 'silent' }));
  const sensorLive = new SensorLiveState();
  const vehicleLive = new VehicleLiveState();
  const online = new Set<number>();
  const { app, accounts, alarms } = await buildTestApp(db, { clock: opts.clock, reader: opts.reader, sensorLive, vehicleLive, vehicleOnline: (id) => online.has(id) });
  const [{ id: enterpriseId }] = await db.query<{ id: number }>(`insert into enterprises (code, name, region_code, lat, lon) values ('911201000000000099', '天津测试化工', '120101', 39.1, 117.2) returning id`);
  const [{ id: tankId }] = await db.query<{ id: number }>(`insert into tanks (enterprise_id, code, name, lat, lon) values ($1, 'TJ-T1', '天津1#罐', 39.1, 117.2) returning id`, [enterpriseId]);
  const [{ id: sensorId }] = await db.query<{ id: number }>(`insert into sensors (tank_id, code, kind, unit, high) values ($1, 'TJ-T1-LT', 'level', 'm', 10) returning id`, [tankId]);
  const [{ id: vehicleId }] = await db.query<{ id: number }>(`insert into vehicles (plate, enterprise_id) values ('津A00001', $1) returning id`, [enterpriseId]);
  const [{ id: parkId }] = await db.query<{ id: number }>(`select id from organizations where kind = 'park' order by id limit 1`);
  const [{ id: parkEnterprise }] = await db.query<{ id: number }>(`select id from enterprises where park_id = $1 order by id limit 1`, [parkId]);
  const users: Array<Parameters<typeof accounts.createUser>[0]> = [
    { username: 'admin', displayName: '管理员', password: PASSWORD, role: 'admin' },
    { username: 'city', displayName: '朝阳市应急管理局', password: PASSWORD, role: 'official', regionCode: '211300' },
    { username: 'county', displayName: '朝阳县应急管理局', password: PASSWORD, role: 'operator', regionCode: '211321' },
    { username: 'park', displayName: '柳城经济开发区', password: PASSWORD, role: 'official', regionCode: '211321', parkId },
    { username: 'ent', displayName: '园区企业', password: PASSWORD, role: 'enterprise_admin', enterpriseId: parkEnterprise },
    { username: 'beijing', displayName: '北京市应急管理局', password: PASSWORD, role: 'official', regionCode: '110000' },
    { username: 'tianjin', displayName: '天津市应急管理局', password: PASSWORD, role: 'official', regionCode: '120000' },
  ];
  for (const u of users) await accounts.createUser(u);
  const tokens = await loginAll(app, Object.fromEntries(users.map((u) => [u.username, PASSWORD])));

  const sourceOf = async (s: { kind: 'sensor' | 'vehicle'; id: number }): Promise<AlarmSource> => {
    const sql =
      s.kind === 'sensor'
        ? `select t.name, e.id as enterprise_id, e.region_code from sensors s join tanks t on t.id = s.tank_id join enterprises e on e.id = t.enterprise_id where s.id = $1`
        : `select v.plate as name, e.id as enterprise_id, e.region_code from vehicles v join enterprises e on e.id = v.enterprise_id where v.id = $1`;
    const [r] = await db.query<{ name: string; enterprise_id: number; region_code: string }>(sql, [s.id]);
    return { kind: s.kind, id: s.id, name: r.name, enterpriseId: r.enterprise_id, regionCode: r.region_code };
  };
  return {
    db,
    app,
    alarms,
    sensorLive,
    vehicleLive,
    online,
    tokens,
    parkId,
    tianjin: { enterpriseId, tankId, sensorId, vehicleId },
    get: (url, as) => app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${tokens[as]}` } }),
    async raise(s, type, severity, at) {
      const change = await alarms.apply({ action: 'raise', type, level: type === 'threshold' ? 'high' : null, severity, source: await sourceOf(s), value: 1, at, message: `测试${type}` });
      return change!.alarm.id;
    },
    async close() {
      await app.close();
      await db.close();
    },
  };
}
