import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { wallFixture, type WallFixture } from '../../support/wall-fixture.ts';
import { ruleKindSpecs } from '../../../alerts/rules/rule-kinds.ts';
import { ruleParamSchemas } from '../../../alerts/rules/rule-params.ts';

const NOW = new Date('2030-03-10T09:00:00+08:00');
const at = (iso: string) => new Date(iso);

describe('alarm centre: statistics, exports, rule kinds and version diffs, outbox state', () => {
  let f: WallFixture;
  let sensors: number[];
  let vehicles: number[];

  beforeAll(async () => {
    f = await wallFixture({ clock: () => NOW });
    sensors = (await f.db.query<{ id: number }>(`select s.id from sensors s join tanks t on t.id = s.tank_id join enterprises e on e.id = t.enterprise_id where e.region_code = '211321' order by s.id`)).map((r) => r.id);
    vehicles = (await f.db.query<{ id: number }>(`select v.id from vehicles v join enterprises e on e.id = v.enterprise_id where e.region_code = '211321' order by v.id`)).map((r) => r.id);
    // Shanghai days 03-08 (twice, one at 23:30 local = 15:30 UTC), 03-09, and a Tianjin alarm on 03-09.
    const a1 = await f.raise({ kind: 'sensor', id: sensors[0] }, 'threshold', 'major', at('2030-03-08T08:00:00+08:00'));
    await f.raise({ kind: 'vehicle', id: vehicles[0] }, 'overspeed', 'major', at('2030-03-08T23:30:00+08:00'));
    await f.raise({ kind: 'vehicle', id: vehicles[1] }, 'sos', 'critical', at('2030-03-09T00:10:00+08:00'));
    await f.raise({ kind: 'sensor', id: f.tianjin.sensorId }, 'threshold', 'minor', at('2030-03-09T12:00:00+08:00'));
    await f.alarms.acknowledge(a1, { kind: 'all' }, 'county');
    const [{ id: sub }] = await f.db.query<{ id: number }>(`insert into notification_subscriptions (name, channel, target) values ('值班', 'sms', '13800000000') returning id`);
    const [{ id: ev }] = await f.db.query<{ id: number }>(`select id from alarm_events where alarm_id = $1 order by id limit 1`, [a1]);
    await f.db.query(`insert into notification_outbox (subscription_id, alarm_id, event_id, channel, target, payload, attempts) values ($1, $2, $3, 'sms', '13800000000', '{}', 2)`, [sub, a1, ev]);
  });
  afterAll(async () => f?.close());

  it('counts by type, severity, region, enterprise and Shanghai day, with the history agreeing for the same filter', async () => {
    const q = 'from=2030-03-08T00:00:00%2B08:00&to=2030-03-10T00:00:00%2B08:00';
    const res = await f.get(`/api/alarms/statistics?${q}`, 'county');
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.total).toBe(3);
    expect(s.byDay).toEqual([{ day: '2030-03-08', count: 2 }, { day: '2030-03-09', count: 1 }]);
    expect(s.bySeverity).toEqual([
      { severity: 'critical', label: '紧急', count: 1 },
      { severity: 'major', label: '重要', count: 2 },
      { severity: 'minor', label: '一般', count: 0 },
      { severity: 'warning', label: '提示', count: 0 },
    ]);
    expect(s.byType).toContainEqual({ type: 'sos', label: '紧急报警（SOS）', count: 1 });
    expect(s.byRegion).toEqual([{ regionCode: '211321', name: '辽宁省 朝阳市 朝阳县', count: 3 }]);
    expect(s.byEnterprise.reduce((n: number, e: { count: number }) => n + e.count, 0)).toBe(3);
    expect(s.byEnterprise.every((e: { name: string }) => e.name)).toBe(true);
    expect(s.meanAckSeconds).toBeCloseTo((NOW.getTime() - at('2030-03-08T08:00:00+08:00').getTime()) / 1000);
    expect(s.topSources).toHaveLength(3);
    const history = (await f.get(`/api/alarms/history?${q}`, 'county')).json();
    expect(history.total).toBe(s.total);
    const vehicleOnly = (await f.get(`/api/alarms/statistics?${q}&sourceKind=vehicle`, 'county')).json();
    expect(vehicleOnly.total).toBe(2);
    expect((await f.get(`/api/alarms/history?${q}&sourceKind=vehicle&sourceId=${vehicles[1]}`, 'county')).json().total).toBe(1);
    expect((await f.get(`/api/alarms/stats?${q}`, 'county')).json()).toEqual(s);
    expect((await f.get(`/api/alarms/statistics?${q}&region=park:${f.parkId}`, 'city')).statusCode).toBe(200);
    expect((await f.get(`/api/alarms/statistics?${q}&region=211300`, 'county')).statusCode).toBe(403);
  });

  it('shows another region none of these alarms', async () => {
    const q = 'from=2030-03-08T00:00:00%2B08:00&to=2030-03-10T00:00:00%2B08:00';
    const tj = (await f.get(`/api/alarms/statistics?${q}`, 'tianjin')).json();
    expect(tj.total).toBe(1);
    expect(tj.byRegion).toEqual([{ regionCode: '120101', name: expect.any(String), count: 1 }]);
    expect((await f.get(`/api/alarms/history?${q}`, 'tianjin')).json().items.every((a: { regionCode: string }) => a.regionCode === '120101')).toBe(true);
    expect((await f.get(`/api/alarms/statistics?${q}`, 'beijing')).json().total).toBe(0);
    expect((await f.get(`/api/alarms/statistics?${q}&regionCode=211321`, 'tianjin')).json().total).toBe(0);
  });

  it('exports the chosen period as a workbook with one sheet per breakdown', async () => {
    const res = await f.get('/api/alarms/statistics.xlsx?from=2030-03-08T00:00:00%2B08:00&to=2030-03-10T00:00:00%2B08:00', 'county');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['概况', '按类型', '按严重程度', '按区划', '按企业', '按日', '高发对象']);
    expect(wb.getWorksheet('概况')!.getRow(4).values).toEqual([undefined, '报警总数', 3]);
    expect(wb.getWorksheet('按日')!.getRow(2).values).toEqual([undefined, '2030-03-08', 2]);
  });

  it('describes every rule kind with the parameters, defaults and limits the store applies', async () => {
    const res = await f.get('/api/alarm-rules/kinds', 'county');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((k: { kind: string }) => k.kind).sort()).toEqual(Object.keys(ruleParamSchemas).sort());
    expect(body.schedule.days).toHaveLength(7);
    for (const spec of ruleKindSpecs) {
      const schema = ruleParamSchemas[spec.kind];
      const shape = ('shape' in schema ? schema.shape : (schema as unknown as { _def: { schema: { shape: object } } })._def.schema.shape) as object;
      expect(spec.params.map((p) => p.name).sort(), spec.kind).toEqual(Object.keys(shape).sort());
      if (spec.kind === 'rate_of_change') continue;
      expect(Object.fromEntries(spec.params.map((p) => [p.name, p.default])), spec.kind).toEqual(schema.parse({}));
    }
    const fatigue = body.items.find((k: { kind: string }) => k.kind === 'fatigue');
    expect(fatigue.params.find((p: { name: string }) => p.name === 'continuousS')).toMatchObject({ label: '连续驾驶上限', default: 14400, unit: 's' });
  });

  it('diffs two versions of a rule field by field, within scope', async () => {
    const headers = { authorization: `Bearer ${f.tokens.city}` };
    const created = await f.app.inject({ method: 'POST', url: '/api/alarm-rules', headers, payload: { kind: 'overspeed', name: '朝阳市超速', regionCode: '211300', params: { limitKmh: 60, sustainS: 10 } } });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const edited = await f.app.inject({ method: 'PUT', url: `/api/alarm-rules/${id}`, headers, payload: { kind: 'overspeed', name: '朝阳市超速（城区）', regionCode: '211300', params: { limitKmh: 50, sustainS: 10 }, schedule: [{ days: [1, 2, 3, 4, 5], from: '07:00', to: '19:00' }] } });
    expect(edited.statusCode).toBe(200);
    await f.app.inject({ method: 'POST', url: `/api/alarm-rules/${id}/disable`, headers });
    const latest = (await f.get(`/api/alarm-rules/${id}/diff`, 'city')).json();
    expect(latest).toMatchObject({ ruleId: id, from: { version: 2 }, to: { version: 3 }, changes: [{ field: 'enabled', label: '启用', before: true, after: false }] });
    const d = (await f.get(`/api/alarm-rules/${id}/diff?from=1&to=2`, 'city')).json();
    expect(d.changes).toEqual([
      { field: 'name', label: '规则名称', before: '朝阳市超速', after: '朝阳市超速（城区）' },
      { field: 'schedule', label: '生效时段', before: [], after: [{ days: [1, 2, 3, 4, 5], from: '07:00', to: '19:00' }] },
      { field: 'params.limitKmh', label: '限速', before: 60, after: 50 },
    ]);
    expect((await f.get(`/api/alarm-rules/${id}/diff?from=1&to=9`, 'city')).statusCode).toBe(404);
    expect((await f.get(`/api/alarm-rules/${id}/diff`, 'tianjin')).statusCode).toBe(404);
  });

  it('lists the outbox with the state of each notification', async () => {
    const items = (await f.get('/api/alarm-notifications', 'city')).json().items;
    expect(items).toEqual([expect.objectContaining({ state: 'retrying', attempts: 2 })]);
    expect((await f.get('/api/alarm-notifications?status=retrying', 'city')).json().items).toHaveLength(1);
    expect((await f.get('/api/alarm-notifications?status=sent', 'city')).json().items).toHaveLength(0);
    expect((await f.get('/api/alarm-notifications', 'tianjin')).json().items).toHaveLength(0);
  });
});
