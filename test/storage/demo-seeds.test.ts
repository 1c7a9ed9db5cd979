import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import gcoord from 'gcoord';
import type { Database, Row } from '../../platform/db/database.ts';
import { Accounts, roles } from '../../platform/auth/accounts.ts';
import { verifyPassword } from '../../platform/auth/passwords.ts';
import { registryModules } from '../../registry/modules/all-modules.ts';
import { rowToApi } from '../../registry/registry-module.ts';
import { gradeHazardSource, type HazardChemical } from '../../registry/modules/hazard-grading.ts';
import { resourceKindLabels } from '../../registry/modules/emergency-resources.ts';
import { isKnownRegion } from '../../registry/region-names.ts';
import { allDemoEnterprises, loadDemoPark } from '../../seeds/load-demo-park.ts';
import { demoEnterprises, demoVehicles, demoWaybills } from '../../seeds/demo-park.ts';
import { demoUsers } from '../../seeds/demo-organizations.ts';
import { testDatabases } from '../support/test-databases.ts';
import { shanghaiDate } from '../../platform/time/shanghai-calendar.ts';

const log = pino({ level: 'silent' });
type Point = [lon: number, lat: number];

function inside([x, y]: Point, ring: Point[]): boolean {
  let hit = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

/** GB 32100 check character of a unified social credit code. */
function creditCodeValid(code: string): boolean {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = weights.reduce((s, w, i) => s + chars.indexOf(code[i]) * w, 0);
  return chars[(31 - (sum % 31)) % 31] === code[17];
}

/** The wall's basemap is GCJ-02; a seeded WGS-84 point must land inside its park boundary once converted. */
const basemap = JSON.parse(readFileSync(new URL('../../web/frontend/src/wall/park-basemap.geojson', import.meta.url), 'utf8')) as {
  features: Array<{ properties: { kind: string; name: string; enterprise?: boolean }; geometry: { type: string; coordinates: unknown } }>;
};
const boundaryGcj = (basemap.features.find((f) => f.properties.kind === 'boundary')!.geometry.coordinates as Point[][])[0];
const onBasemap = (lat: number, lon: number) => inside(gcoord.transform([lon, lat], gcoord.WGS84, gcoord.GCJ02) as Point, boundaryGcj);

describe.each(testDatabases)('demo data set on $name', (kind) => {
  let db: Database;
  const rows = async (sql: string, params: unknown[] = []) => db.query<Row>(sql, params);

  beforeAll(async () => {
    db = await kind.open();
    expect(await loadDemoPark(db, log)).toBe(true);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('loads once: a registry with enterprises is left alone', async () => {
    expect(await loadDemoPark(db, log)).toBe(false);
    expect(await rows('select id from enterprises')).toHaveLength(12);
  });

  it('links 应急管理部 → 辽宁省 → 朝阳市 → 朝阳县 → 柳城经济开发区 by parent and region code', async () => {
    const orgs = await rows(`select * from organizations where kind <> 'enterprise' order by id`);
    expect(orgs.map((o) => [o.kind, o.region_code, o.name])).toEqual([
      ['ministry', '000000', '应急管理部'],
      ['province', '210000', '辽宁省应急管理厅'],
      ['city', '211300', '朝阳市应急管理局'],
      ['county', '211321', '朝阳县应急管理局'],
      ['park', '211321', '柳城经济开发区管理委员会'],
    ]);
    expect(orgs[0].parent_id).toBeNull();
    for (let i = 1; i < orgs.length; i++) expect(orgs[i].parent_id).toBe(orgs[i - 1].id);
    for (const o of orgs.slice(1)) expect(isKnownRegion(o.region_code as string)).toBe(true);
  });

  it('puts every enterprise in the park and the county, with its own organisation under the park', async () => {
    const [park] = await rows(`select * from organizations where kind = 'park'`);
    const enterprises = await rows('select * from enterprises order by id');
    expect(enterprises.slice(0, 3).map((e) => e.code)).toEqual(demoEnterprises.map((e) => e.code));
    const devices = await rows('select code, enterprise_id from devices order by enterprise_id');
    expect(devices.map((d) => [d.enterprise_id, d.code])).toEqual([[1, 'GW-HDSH-01'], [2, 'GW-LGJX-01'], [3, 'GW-JBQT-01']]);
    expect(new Set(enterprises.map((e) => e.name)).size).toBe(12);
    for (const e of enterprises) {
      expect(e).toMatchObject({ park_id: park.id, region_code: '211321' });
      expect(creditCodeValid(e.code as string), `${e.name} ${e.code}`).toBe(true);
      expect(onBasemap(e.lat as number, e.lon as number), `${e.name} lies on the basemap`).toBe(true);
      const [org] = await rows('select * from organizations where enterprise_id = $1', [e.id]);
      expect(org).toMatchObject({ kind: 'enterprise', name: e.name, region_code: e.region_code, parent_id: park.id });
    }
    const plots = new Set(basemap.features.filter((f) => f.properties.kind === 'plot' && f.properties.enterprise).map((f) => f.properties.name));
    for (const e of allDemoEnterprises) expect(plots.has(e.name), `basemap plot for ${e.name}`).toBe(true);
    const types = new Set(enterprises.map((e) => `${e.industry_type}-${e.industry_subtype}`));
    expect(types).toEqual(new Set(['危险物品类-危险化学品生产单位', '危险物品类-危险化学品使用单位', '冶金工贸类-冶金行业', '冶金工贸类-机械行业', '交通运输类-道路危险货物运输']));
  });

  it('grades every hazard source from its chemicals, and ties every tank to a hazard source of its own enterprise', async () => {
    const sources = await rows('select * from hazard_sources order by id');
    expect(sources.length).toBeGreaterThanOrEqual(3);
    for (const h of sources) {
      const grade = gradeHazardSource(h.chemicals as HazardChemical[], h.people_within_500m as number);
      expect(grade.isMajor).toBe(true);
      expect({ sumQRatio: h.sum_q_ratio, rValue: h.r_value, level: h.level }).toEqual({ sumQRatio: grade.sumQRatio, rValue: grade.rValue, level: grade.level });
    }
    const tanks = await rows('select t.*, h.enterprise_id as source_enterprise from tanks t left join hazard_sources h on h.id = t.hazard_source_id');
    expect(tanks).toHaveLength(6);
    for (const t of tanks) {
      expect(t.source_enterprise, t.name as string).toBe(t.enterprise_id);
      expect(onBasemap(t.lat as number, t.lon as number), `${t.name} lies on the basemap`).toBe(true);
    }
    const sensors = await rows('select s.code, s.interruption_timeout_s, d.enterprise_id as device_enterprise, t.enterprise_id from sensors s join tanks t on t.id = s.tank_id join devices d on d.id = s.device_id');
    expect(sensors).toHaveLength(demoEnterprises.flatMap((e) => e.tanks.flatMap((t) => t.sensors)).length);
    for (const s of sensors) expect(s.device_enterprise).toBe(s.enterprise_id);
    const cameras = await rows('select c.*, t.enterprise_id as tank_enterprise from cameras c join tanks t on t.id = c.tank_id');
    expect(cameras.length).toBeGreaterThanOrEqual(2);
    for (const c of cameras) expect(c.tank_enterprise).toBe(c.enterprise_id);
  });

  it('gives every truck a driver and an escort of its own transport enterprise, and keeps its route on the map', async () => {
    const vehicles = await rows(`select v.*, e.industry_type from vehicles v join enterprises e on e.id = v.enterprise_id order by v.id`);
    expect(vehicles.map((v) => v.terminal_phone)).toEqual(demoVehicles.map((v) => v.terminalPhone));
    expect(vehicles.slice(0, 4).map((v) => v.terminal_phone)).toEqual(['13800000001', '13800000002', '13800000003', '13800000004']);
    for (const [i, v] of vehicles.entries()) {
      expect(v.plate).toMatch(/^辽N·/);
      expect(v.industry_type).toBe('交通运输类');
      const demo = demoVehicles[i];
      for (const [k, s] of [['driver', demo.driver], ['escort', demo.escort]] as const) {
        const [staff] = await rows('select * from transport_staff where id_number = $1', [s.idNumber]);
        expect(staff).toMatchObject({ kind: k, enterprise_id: v.enterprise_id });
      }
      for (const [lat, lon] of demo.route) expect(onBasemap(lat, lon), `${v.plate} route point ${lat},${lon}`).toBe(true);
    }
    const [expiry] = await rows(
      `select (select count(*)::int from vehicles where inspection_expires_on < $1::date) as vehicles_expired,
              (select count(*)::int from vehicles where inspection_expires_on between $1::date and $1::date + 10) as vehicles_due,
              (select count(*)::int from transport_staff where certificate_expires_on < $1::date) as staff_expired,
              (select count(*)::int from transport_staff where certificate_expires_on between $1::date and $1::date + 10) as staff_due`,
      [shanghaiDate(Date.now())],
    );
    expect(expiry).toEqual({ vehicles_expired: 1, vehicles_due: 1, staff_expired: 1, staff_due: 1 });
  });

  it('puts each waybill on a truck of its carrier with the driver and escort of that truck: two in transit, one completed, one planned', async () => {
    const waybills = await rows(
      `select w.*, v.plate, v.enterprise_id as vehicle_enterprise, v.hazmat_class as vehicle_class,
              d.kind as driver_kind, d.enterprise_id as driver_enterprise, d.id_number as driver_id_number,
              s.kind as escort_kind, s.enterprise_id as escort_enterprise, s.id_number as escort_id_number, e.industry_type
       from waybills w join vehicles v on v.id = w.vehicle_id join transport_staff d on d.id = w.driver_id
         join transport_staff s on s.id = w.escort_id join enterprises e on e.id = w.enterprise_id order by w.id`,
    );
    expect(waybills.map((w) => w.code)).toEqual(demoWaybills.map((w) => w.code));
    expect(waybills.map((w) => w.status).sort()).toEqual(['completed', 'in_transit', 'in_transit', 'planned']);
    const now = Date.now();
    for (const w of waybills) {
      const truck = demoVehicles.find((v) => v.plate === w.plate)!;
      expect(w).toMatchObject({
        industry_type: '交通运输类', vehicle_enterprise: w.enterprise_id, hazmat_class: w.vehicle_class,
        driver_kind: 'driver', driver_enterprise: w.enterprise_id, driver_id_number: truck.driver.idNumber,
        escort_kind: 'escort', escort_enterprise: w.enterprise_id, escort_id_number: truck.escort.idNumber,
      });
      const departed = (w.departure_at as Date).getTime() <= now;
      expect(departed, `${w.code} departure`).toBe(w.status !== 'planned');
      expect(w.arrival_at !== null, `${w.code} arrival`).toBe(w.status === 'completed');
    }
  });

  it('has forbidden, allowed-only and speed-limit geofences and every kind of emergency resource', async () => {
    const fences = await rows('select * from geofences');
    expect(new Set(fences.map((f) => f.rule))).toEqual(new Set(['forbidden', 'allowed_only', 'speed_limit']));
    const corridor = fences.find((f) => f.rule === 'speed_limit')!;
    expect(corridor).toMatchObject({ shape: 'corridor', speed_limit_kmh: 40 });
    expect((corridor.time_windows as unknown[]).length).toBeGreaterThan(0);
    const allowed = fences.find((f) => f.rule === 'allowed_only')!.geometry as { type: 'polygon'; coordinates: Point[] };
    for (const v of demoVehicles) for (const [lat, lon] of v.route) expect(inside([lon, lat], allowed.coordinates)).toBe(true);
    const kinds = new Set((await rows('select kind from emergency_resources')).map((r) => r.kind));
    expect(kinds).toEqual(new Set(Object.keys(resourceKindLabels)));
  });

  it('passes every seeded record through its registry module schema, as the API would', async () => {
    for (const module of registryModules) {
      const records = await rows(`select * from ${module.table} order by id`);
      expect(records.length, module.name).toBeGreaterThan(0);
      await module.expand?.(db, records);
      for (const record of records) {
        // As the API reads it: JSON, so timestamps are ISO strings.
        const result = module.schema.safeParse(JSON.parse(JSON.stringify(rowToApi(record, module.hiddenColumns))));
        expect(result.error?.issues, `${module.name} ${record.code ?? record.plate ?? record.id_number}`).toBeUndefined();
      }
    }
  });

  it('seeds one login per role but the administrator, placed in its organisation, with 123456 to be changed', async () => {
    const users = await rows('select u.*, o.kind as org_kind, o.enterprise_id as org_enterprise from users u join organizations o on o.id = u.organization_id order by u.id');
    expect(users.map((u) => u.username)).toEqual(demoUsers.map((u) => u.username));
    expect(new Set(users.map((u) => u.role))).toEqual(new Set(roles.filter((r) => r !== 'admin')));
    for (const role of ['operator', 'enterprise_admin', 'enterprise_user', 'expert', 'driver']) expect(users.filter((u) => u.role === role), role).toHaveLength(1);
    for (const u of users) {
      expect(u.must_change_password, u.username as string).toBe(true);
      expect(u.enterprise_id).toBe(u.org_enterprise);
    }
    expect(await verifyPassword('123456', users[0].password_hash as string)).toBe(true);

    const accounts = new Accounts(db, { sessionTtlHours: 1, passwordMaxAgeDays: 90 });
    const scope = async (username: string) => (await accounts.findByUsername(username))!.scope;
    expect(await scope('210000')).toEqual({ kind: 'region', prefix: '21' });
    expect(await scope('211300')).toEqual({ kind: 'region', prefix: '2113' });
    expect(await scope('211321')).toEqual({ kind: 'region', prefix: '211321' });
    expect(await scope('zhiban01')).toEqual({ kind: 'region', prefix: '211321' });
    expect(await scope('lcjkq')).toMatchObject({ kind: 'park', regionCode: '211321' });
    expect(await scope('hjxcl_admin')).toEqual({ kind: 'enterprise', enterpriseId: 1 });
    const driver = users.find((u) => u.role === 'driver')!;
    const [carrier] = await rows('select industry_type from enterprises where id = $1', [driver.enterprise_id]);
    expect(carrier.industry_type).toBe('交通运输类');
    const login = await accounts.login('zhiban01', '123456', '127.0.0.1');
    expect(login).toMatchObject({ ok: true, user: { mustChangePassword: true } });
  });
});
