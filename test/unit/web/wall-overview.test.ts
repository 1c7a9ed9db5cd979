import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wallFixture, type WallFixture } from '../../support/wall-fixture.ts';
import { regionFilter } from '../../../web/frontend/src/wall/logic/region-filter.ts';

// A fixed instant: 2030-06-15 10:30 in Shanghai. Nothing here compares it with the real date.
const NOW = new Date('2030-06-15T10:30:00+08:00');
const DAY_START = new Date('2030-06-15T00:00:00+08:00');
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

describe('wall overview, region tree and outlines', () => {
  let f: WallFixture;
  let demoSensors: number[];
  let demoVehicles: number[];

  beforeAll(async () => {
    f = await wallFixture({ clock: () => NOW });
    demoSensors = (await f.db.query<{ id: number }>(`select s.id from sensors s join tanks t on t.id = s.tank_id join enterprises e on e.id = t.enterprise_id where e.region_code = '211321' order by s.id`)).map((r) => r.id);
    demoVehicles = (await f.db.query<{ id: number }>(`select v.id from vehicles v join enterprises e on e.id = v.enterprise_id where e.region_code = '211321' order by v.id`)).map((r) => r.id);
    const reading = (sensorId: number, ts: Date) => f.sensorLive.apply({ sensorId, tankId: 0, enterpriseId: 0, regionCode: '', deviceId: 0, value: 1, ts, quality: 'good' });
    reading(demoSensors[0], minutes(-1));
    reading(demoSensors[1], minutes(-600)); // older than any interruption timeout: not online
    f.online.add(demoVehicles[0]);
    f.online.add(f.tianjin.vehicleId);
    await f.raise({ kind: 'sensor', id: demoSensors[0] }, 'threshold', 'major', minutes(-60));
    await f.raise({ kind: 'vehicle', id: demoVehicles[0] }, 'sos', 'critical', DAY_START);
    await f.raise({ kind: 'vehicle', id: demoVehicles[1] }, 'overspeed', 'major', new Date(DAY_START.getTime() - 1000)); // yesterday 23:59:59
    await f.raise({ kind: 'sensor', id: f.tianjin.sensorId }, 'threshold', 'minor', minutes(-5));
  });
  afterAll(async () => f?.close());

  it('counts the county: online rates, open alarms by severity, today on the Shanghai calendar, hazard levels, trucks on a trip', async () => {
    const res = await f.get('/api/monitor/overview', 'county');
    expect(res.statusCode).toBe(200);
    const o = res.json();
    const [{ n: enterprises }] = await f.db.query<{ n: number }>(`select count(*)::int as n from enterprises where region_code like '211321%'`);
    const levels = await f.db.query<{ level: number; n: number }>(`select level, count(*)::int as n from hazard_sources where level is not null group by level`);
    const [{ n: onTrip }] = await f.db.query<{ n: number }>(`select count(distinct vehicle_id)::int as n from waybills where status = 'in_transit'`);
    expect(o).toMatchObject({
      day: '2030-06-15',
      sensors: { total: demoSensors.length, online: 1 },
      vehicles: { total: demoVehicles.length, online: 1 },
      openAlarms: { critical: 1, major: 2, minor: 0, warning: 0, total: 3 },
      todayAlarms: { total: 2 },
      enterprises,
      vehiclesOnTrip: onTrip,
      safetyCommitmentRate: null,
    });
    expect(o.sensors.rate).toBeCloseTo(1 / demoSensors.length);
    expect(o.todayAlarms.hourly).toHaveLength(24);
    expect(o.todayAlarms.hourly[0]).toEqual({ hour: 0, count: 1 });
    expect(o.todayAlarms.hourly[9]).toEqual({ hour: 9, count: 1 });
    expect(o.hazardSources.byLevel).toEqual([1, 2, 3, 4].map((level) => ({ level, count: levels.find((l) => l.level === level)?.n ?? 0 })));
    expect(o.hazardSources.total).toBeGreaterThan(0);
    expect(onTrip).toBeGreaterThan(0);
  });

  it('shows another region none of these figures', async () => {
    const tj = (await f.get('/api/monitor/overview', 'tianjin')).json();
    expect(tj).toMatchObject({ enterprises: 1, sensors: { total: 1, online: 0 }, vehicles: { total: 1, online: 1 }, openAlarms: { total: 1, minor: 1 }, todayAlarms: { total: 1 }, hazardSources: { total: 0 }, vehiclesOnTrip: 0 });
    const bj = (await f.get('/api/monitor/overview', 'beijing')).json();
    expect(bj).toMatchObject({ enterprises: 0, sensors: { total: 0, rate: null }, vehicles: { total: 0 }, openAlarms: { total: 0 }, todayAlarms: { total: 0 }, vehiclesOnTrip: 0 });
  });

  it('narrows to a region or park within scope and refuses one beyond it', async () => {
    const county = (await f.get('/api/monitor/overview', 'county')).json();
    const adminNarrowed = (await f.get('/api/monitor/overview?region=211321', 'admin')).json();
    expect(adminNarrowed).toEqual(county);
    const adminAll = (await f.get('/api/monitor/overview', 'admin')).json();
    expect(adminAll.openAlarms.total).toBe(4);
    expect((await f.get('/api/monitor/overview?region=211300', 'city')).json()).toEqual(county);
    const parkView = (await f.get(`/api/monitor/overview?region=park:${f.parkId}`, 'city')).json();
    expect((await f.get('/api/monitor/overview', 'park')).json()).toEqual(parkView);
    expect((await f.get(`/api/monitor/overview?region=park:${f.parkId}`, 'park')).json()).toEqual(parkView);

    for (const [user, region] of [
      ['county', '211300'], // drilling up
      ['county', '210000'],
      ['county', '120101'], // a neighbour
      ['city', '000000'],
      ['tianjin', `park:${f.parkId}`],
      ['park', '211321'],
      ['ent', '211321'],
    ]) {
      const res = await f.get(`/api/monitor/overview?region=${region}`, user);
      expect(res.statusCode, `${user} ${region}`).toBe(403);
      expect(res.json().error).toBe('region_out_of_scope');
    }
    expect((await f.get('/api/monitor/overview?region=21', 'admin')).statusCode).toBe(400);
  });

  it("names the members of a region, so the wall's lists keep exactly what the narrowed APIs return", async () => {
    const open = (await f.get('/api/alarms?state=open', 'admin')).json().items as { id: number; enterpriseId: number | null; regionCode: string | null }[];
    expect(open).toHaveLength(4);
    for (const [user, region, alarms] of [
      ['admin', '211321', 3],
      ['admin', '120000', 1],
      ['city', `park:${f.parkId}`, -1],
      ['admin', '110000', 0],
    ] as const) {
      const res = await f.get(`/api/regions/members?region=${region}`, user);
      expect(res.statusCode, `${user} ${region}`).toBe(200);
      const keep = regionFilter(res.json());
      const tanks = (await f.get('/api/monitor/tanks', 'admin')).json().items as { id: number; enterpriseId: number }[];
      const narrowed = (await f.get(`/api/monitor/tanks?region=${region}`, user)).json().items as { id: number }[];
      expect(tanks.filter((t) => keep(t)).map((t) => t.id)).toEqual(narrowed.map((t) => t.id));
      const [{ n }] = await f.db.query<{ n: number }>(
        `select count(*)::int as n from alarms a join (select id from enterprises where ${region.startsWith('park:') ? 'park_id = $1' : 'region_code like $1'}) e on e.id = a.enterprise_id
          where not (not a.active and a.acknowledged) and a.closed_at is null`,
        [region.startsWith('park:') ? Number(region.slice(5)) : `${region.replace(/(00)+$/, '')}%`],
      );
      if (alarms >= 0) expect(n).toBe(alarms);
      expect(open.filter((a) => keep(a))).toHaveLength(n);
    }
    // A camera of the park without an enterprise follows its region code.
    const county = regionFilter((await f.get('/api/regions/members?region=211321', 'county')).json());
    expect([county({ enterpriseId: null, regionCode: '211321' }), county({ enterpriseId: null, regionCode: '211322' })]).toEqual([true, false]);
    expect((await f.get('/api/regions/members?region=211300', 'county')).statusCode).toBe(403);
    expect((await f.get('/api/regions/members?region=211321', 'tianjin')).statusCode).toBe(403);
  });

  it('gives each user the tree below its own root, with what each region holds', async () => {
    const county = (await f.get('/api/regions/tree', 'county')).json();
    expect(county.root).toBe('211321');
    expect(county.nodes[0]).toMatchObject({ code: '211321', parentCode: null, name: '朝阳县', level: 'county', hasData: true });
    expect(county.nodes).toContainEqual(expect.objectContaining({ code: `park:${f.parkId}`, parentCode: '211321', level: 'park', hasData: true }));
    expect(county.nodes.map((n: { code: string }) => n.code)).not.toContain('211300');

    const city = (await f.get('/api/regions/tree', 'city')).json();
    expect(city.root).toBe('211300');
    expect(city.nodes.filter((n: { level: string }) => n.level === 'county').length).toBeGreaterThan(3);
    expect(city.nodes.find((n: { code: string }) => n.code === '211300').enterprises).toBe(county.nodes[0].enterprises);

    const admin = (await f.get('/api/regions/tree?dataOnly=true', 'admin')).json();
    expect(admin.nodes.map((n: { code: string }) => n.code)).toEqual(['000000', '120000', '120100', '120101', '210000', '211300', '211321', `park:${f.parkId}`]);

    const park = (await f.get('/api/regions/tree', 'park')).json();
    expect(park).toMatchObject({ root: `park:${f.parkId}`, nodes: [{ code: `park:${f.parkId}`, level: 'park' }] });
    const tj = (await f.get('/api/regions/tree', 'tianjin')).json();
    expect(tj.nodes.some((n: { code: string }) => n.code.startsWith('21'))).toBe(false);
    const bj = (await f.get('/api/regions/tree', 'beijing')).json();
    expect(bj.nodes.every((n: { hasData: boolean; enterprises: number }) => !n.hasData && n.enterprises === 0)).toBe(true);
  });

  it('draws an outline around what a region holds, within scope only', async () => {
    const res = await f.get('/api/regions/211321/outline', 'county');
    expect(res.statusCode).toBe(200);
    const o = res.json();
    expect(o).toMatchObject({ code: '211321', name: '朝阳县', source: 'points_hull' });
    const ring = o.geometry.coordinates[0];
    expect(ring[0]).toEqual(ring.at(-1));
    const [w, s, e, n] = o.bbox;
    const sites = await f.db.query<{ lat: number; lon: number }>(`select lat, lon from enterprises where region_code = '211321' and lat is not null`);
    for (const p of sites) expect(p.lon >= w && p.lon <= e && p.lat >= s && p.lat <= n).toBe(true);
    expect((await f.get('/api/regions/120101/outline', 'county')).statusCode).toBe(403);
    expect((await f.get('/api/regions/211300/outline', 'county')).statusCode).toBe(403);
    expect((await f.get('/api/regions/120101/outline', 'admin')).json()).toMatchObject({ source: 'points_bbox', pointCount: 2 });
    expect((await f.get('/api/regions/110000/outline', 'beijing')).json()).toMatchObject({ source: 'none', geometry: null });
  });
});
