import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wallFixture, type WallFixture } from '../../support/wall-fixture.ts';
import type { TelemetryReader } from '../../../monitor/telemetry-store/telemetry-reader.ts';
import { pickStep } from '../../../web/wall/trend-range.ts';

const NOW = new Date('2030-11-20T14:00:00+08:00');
const trendCalls: Array<{ ids: readonly number[]; from: Date; to: Date; step: number }> = [];
const reader = {
  trendMany: async (ids: readonly number[], from: Date, to: Date, step: number) => {
    trendCalls.push({ ids, from, to, step });
    return ids.map((sensorId) => ({ sensorId, points: [{ ts: from, mean: 1, min: 0, max: 2 }] }));
  },
} as unknown as TelemetryReader;

describe('wall tank and vehicle detail, map layers', () => {
  let f: WallFixture;
  let tank: { id: number; sensors: number[] };
  let vehicle: number;

  beforeAll(async () => {
    f = await wallFixture({ clock: () => NOW, reader });
    const [t] = await f.db.query<{ id: number }>(`select t.id from tanks t join enterprises e on e.id = t.enterprise_id where e.region_code = '211321' and exists (select 1 from sensors s where s.tank_id = t.id) order by t.id limit 1`);
    tank = { id: t.id, sensors: (await f.db.query<{ id: number }>('select id from sensors where tank_id = $1 order by id', [t.id])).map((r) => r.id) };
    [{ vehicle_id: vehicle }] = await f.db.query<{ vehicle_id: number }>(`select vehicle_id from waybills where status = 'in_transit' order by id limit 1`);
    f.sensorLive.apply({ sensorId: tank.sensors[0], tankId: t.id, enterpriseId: 0, regionCode: '', deviceId: 0, value: 7.5, ts: new Date(NOW.getTime() - 30_000), quality: 'good' });
    const alarm = await f.raise({ kind: 'sensor', id: tank.sensors[0] }, 'threshold', 'major', new Date(NOW.getTime() - 3 * 3600_000));
    await f.alarms.apply({ action: 'clear', type: 'threshold', source: { kind: 'sensor', id: tank.sensors[0], name: '', enterpriseId: 0, regionCode: '' }, value: 1, at: new Date(NOW.getTime() - 2 * 3600_000) });
    void alarm;
    await f.raise({ kind: 'sensor', id: tank.sensors[0] }, 'threshold', 'major', new Date(NOW.getTime() - 600_000));
    await f.raise({ kind: 'vehicle', id: vehicle }, 'overspeed', 'major', new Date(NOW.getTime() - 60_000));
    // 3 h 50 min of driving, the last position a minute ago: the page shows the clock still running.
    const lastAt = NOW.getTime() - 60_000;
    await f.db.query(`insert into rule_state (rule_kind, source_kind, source_id, state) values ('fatigue', 'vehicle', $1, $2::jsonb)`, [
      vehicle,
      JSON.stringify({ lastAt, lastDriving: true, continuousMs: (3 * 60 + 49) * 60_000, restSince: null, day: '2030-11-20', dailyMs: 5 * 3600_000, continuousActive: false, dailyActive: false }),
    ]);
    f.online.add(vehicle);
  });
  afterAll(async () => f?.close());

  it('shows a tank with its sensors, current values, thresholds and open alarms; 404 outside scope', async () => {
    const res = await f.get(`/api/monitor/tanks/${tank.id}`, 'county');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.sensors.map((s: { id: number }) => s.id)).toEqual(tank.sensors);
    expect(body.sensors[0]).toMatchObject({ value: 7.5, state: 'alarm', thresholds: expect.objectContaining({ high: expect.anything() }) });
    expect(body.openAlarms.map((a: { type: string }) => a.type)).toEqual(['threshold', 'threshold']);
    expect((await f.get(`/api/monitor/tanks/${tank.id}`, 'tianjin')).statusCode).toBe(404);
    expect((await f.get(`/api/monitor/tanks/${f.tianjin.tankId}`, 'county')).statusCode).toBe(404);
  });

  it('reads the trend for a preset with a step that keeps each series within 1000 points, with alarm periods to shade', async () => {
    trendCalls.length = 0;
    const res = await f.get(`/api/monitor/tanks/${tank.id}/trend`, 'county');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ from: new Date(NOW.getTime() - 86_400_000).toISOString(), to: NOW.toISOString(), stepS: 120 });
    expect(body.series.map((s: { sensorId: number }) => s.sensorId)).toEqual(tank.sensors);
    expect(body.alarmPeriods).toEqual([
      expect.objectContaining({ sensorId: tank.sensors[0], from: new Date(NOW.getTime() - 3 * 3600_000).toISOString(), to: new Date(NOW.getTime() - 2 * 3600_000).toISOString() }),
      expect.objectContaining({ sensorId: tank.sensors[0], to: null }),
    ]);
    const hour = (await f.get(`/api/monitor/tanks/${tank.id}/trend?range=1h&sensorIds=${tank.sensors[0]}`, 'county')).json();
    expect(hour.stepS).toBe(5);
    expect(hour.series).toHaveLength(1);
    expect(hour.alarmPeriods).toHaveLength(1);
    expect((await f.get(`/api/monitor/tanks/${tank.id}/trend?range=30d`, 'county')).json().stepS).toBe(3600);
    const custom = await f.get(`/api/monitor/tanks/${tank.id}/trend?range=custom&from=2030-11-01T00:00:00Z&to=2030-11-02T00:00:00Z`, 'county');
    expect(custom.json()).toMatchObject({ from: '2030-11-01T00:00:00.000Z', to: '2030-11-02T00:00:00.000Z', alarmPeriods: [] });
    expect((await f.get(`/api/monitor/tanks/${tank.id}/trend?range=custom`, 'county')).statusCode).toBe(400);
    expect((await f.get(`/api/monitor/tanks/${tank.id}/trend`, 'tianjin')).statusCode).toBe(404);
    for (const span of [3600, 86_400, 7 * 86_400, 30 * 86_400, 90 * 86_400]) expect(span / pickStep(span, 1000)).toBeLessThanOrEqual(1000);
  });

  it('shows a vehicle with crew, waybill and cargo, driving clocks against the limits and recent alarms', async () => {
    const res = await f.get(`/api/monitor/vehicles/${vehicle}`, 'county');
    expect(res.statusCode).toBe(200);
    const v = res.json();
    expect(v.waybill).toMatchObject({ status: 'in_transit', unNumber: expect.stringMatching(/^\d{4}$/), hazmatClass: expect.any(String) });
    expect(v.driver.name).toBeTruthy();
    expect(v.escort.name).toBeTruthy();
    expect(v.driving).toMatchObject({ continuousS: 3 * 3600 + 50 * 60, continuousLimitS: 14_400, dailyS: 5 * 3600 + 60, dailyLimitS: 28_800, driving: true });
    expect(v.state).toBe('alarm');
    expect(v.recentAlarms.map((a: { type: string }) => a.type)).toEqual(['overspeed']);
    expect((await f.get(`/api/monitor/vehicles/${vehicle}`, 'tianjin')).statusCode).toBe(404);
    const list = (await f.get('/api/monitor/vehicles?region=211321', 'city')).json().items;
    expect(list.find((x: { id: number }) => x.id === vehicle)).toMatchObject({ state: 'alarm', onTrip: true });
    expect((await f.get('/api/monitor/vehicles', 'tianjin')).json().items.map((x: { id: number }) => x.id)).toEqual([f.tianjin.vehicleId]);
    expect((await f.get('/api/monitor/vehicles?region=211321', 'tianjin')).statusCode).toBe(403);
  });

  it('serves the map layers for a region, and nothing of it to another', async () => {
    const county = (await f.get('/api/monitor/layers?region=211321', 'city')).json();
    expect(county.hazardSources.length).toBeGreaterThan(0);
    expect(county.hazardSources[0]).toMatchObject({ level: expect.any(Number), levelLabel: expect.stringMatching(/级$/), lat: expect.any(Number), lon: expect.any(Number) });
    expect(county.geofences.length).toBeGreaterThan(0);
    expect(county.emergencyResources.length).toBeGreaterThan(0);
    const only = (await f.get('/api/monitor/layers?layers=geofences', 'county')).json();
    expect(only.hazardSources).toEqual([]);
    expect(only.geofences.length).toBe(county.geofences.length);
    const tj = (await f.get('/api/monitor/layers', 'tianjin')).json();
    expect([tj.hazardSources, tj.geofences, tj.emergencyResources]).toEqual([[], [], []]);
    expect((await f.get('/api/monitor/layers?region=211321', 'tianjin')).statusCode).toBe(403);
  });
});
