import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt, { type MqttClient } from 'mqtt';
import { ADMIN_PASSWORD, apiClient, eventually, startTestSystem } from '../support/test-system.ts';

type System = Awaited<ReturnType<typeof startTestSystem>>;
interface Creds {
  id: number;
  code: string;
  secret: string;
}
interface Health {
  components: Record<string, { ok: boolean; detail?: string }>;
}
interface Alarm {
  type: string;
  active: boolean;
  message: string;
  severity: string;
  source: { id: number };
}

/** The MQTT side of issue 4 over real sockets: ACL, every bad payload, units, ordering, WebSocket, live credential changes, data interruption. */
describe('MQTT ingest against the whole system', () => {
  let sys: System;
  let api: ReturnType<typeof apiClient>;
  let enterpriseId: number;
  const devices: Record<string, Creds> = {};
  const sensorIds: Record<string, number> = {};
  const clients: MqttClient[] = [];

  const connect = async (d: { code: string; secret: string }, opts: mqtt.IClientOptions = {}, url = `mqtt://127.0.0.1:${sys.ports.mqtt}`) => {
    const c = await mqtt.connectAsync(url, { username: d.code, password: d.secret, reconnectPeriod: 0, connectTimeout: 5000, ...opts });
    clients.push(c);
    return c;
  };
  const closed = (c: MqttClient) => new Promise<void>((resolve) => (c.disconnected || !c.connected ? resolve() : c.once('close', () => resolve())));
  const sensorState = async (id: number) => {
    const res = await api.call('GET', '/api/monitor/tanks');
    for (const t of res.body.items ?? res.body) for (const s of t.sensors) if (s.id === id) return s;
    throw new Error(`sensor ${id} not listed`);
  };
  const alarms = async () => (await api.call('GET', '/api/alarms?state=all&pageSize=200')).body.items as Alarm[];
  const addDevice = async (code: string) => {
    const res = await api.call('POST', '/api/devices', { code, name: `网关 ${code}`, enterpriseId });
    expect(res.status).toBe(201);
    devices[code] = { id: res.body.id, code, secret: res.body.secret };
    return devices[code];
  };

  beforeAll(async () => {
    sys = await startTestSystem();
    api = apiClient(sys.urls.http);
    await api.login('admin', ADMIN_PASSWORD);
    const enterprise = await api.call('POST', '/api/enterprises', { code: '91320116MA1XYW0M4Q', name: '物联测试化工有限公司', regionCode: '320116' });
    expect(enterprise.status).toBe(201);
    enterpriseId = enterprise.body.id;
    for (const code of ['GW-A', 'GW-B', 'GW-QUIET', 'GW-DROP', 'GW-OFF', 'GW-ROT']) await addDevice(code);
    const tank = await api.call('POST', '/api/tanks', {
      enterpriseId,
      code: 'T201',
      name: '2#甲醇储罐',
      sensors: [
        { code: 'A-LT', kind: 'level', unit: 'm', deviceId: devices['GW-A'].id, rangeMin: 0, rangeMax: 20, high: 15, highHigh: 17, deadband: 0.5 },
        { code: 'A-PT', kind: 'pressure', unit: 'MPa', deviceId: devices['GW-A'].id, rangeMin: 0, rangeMax: 2.5 },
        { code: 'B-TT', kind: 'temperature', unit: '°C', deviceId: devices['GW-B'].id, rangeMin: -40, rangeMax: 150 },
        { code: 'Q-LT', kind: 'level', unit: 'm', deviceId: devices['GW-QUIET'].id, rangeMin: 0, rangeMax: 20, interruptionTimeoutS: 10 },
        { code: 'D-LT', kind: 'level', unit: 'm', deviceId: devices['GW-DROP'].id, rangeMin: 0, rangeMax: 20 },
        { code: 'D-PT', kind: 'pressure', unit: 'MPa', deviceId: devices['GW-DROP'].id, rangeMin: 0, rangeMax: 2.5 },
      ],
    });
    expect(tank.status).toBe(201);
    for (const s of tank.body.sensors) sensorIds[s.code] = s.id;
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.endAsync(true).catch(() => undefined)));
    await sys?.dispose();
  });

  it('refuses anonymous and wrong credentials, foreign topics, $SYS, and foreign subscriptions, and counts them', async () => {
    await expect(mqtt.connectAsync(`mqtt://127.0.0.1:${sys.ports.mqtt}`, { reconnectPeriod: 0 })).rejects.toThrow(/not authori[sz]ed/i);
    await expect(connect({ code: 'GW-A', secret: 'wrong-secret' })).rejects.toThrow(/bad user ?name or password/i);

    const a = await connect(devices['GW-A']);
    const refused = await a.subscribeAsync('devices/GW-B/#').catch((err: { packet?: { granted?: number[] } }) => err.packet?.granted);
    expect(refused).toEqual([128]);
    expect((await a.subscribeAsync('devices/GW-A/errors')).map((g) => g.qos)).toEqual([0]);

    const foreign = await connect(devices['GW-A']);
    const foreignClosed = closed(foreign);
    foreign.publish('devices/GW-B/telemetry', JSON.stringify({ sensor: 'B-TT', value: 20 }), { qos: 1 });
    await foreignClosed;

    const sys$ = await connect(devices['GW-A']);
    const sysClosed = closed(sys$);
    sys$.publish('$SYS/broker/uptime', '1', { qos: 1 });
    await sysClosed;

    const metrics = await (await fetch(`${sys.urls.http}/metrics`)).text();
    expect(metrics).toMatch(/mqtt_acl_refusals_total\{action="publish",reason="foreign_topic"\} [1-9]/);
    expect(metrics).toMatch(/mqtt_acl_refusals_total\{action="publish",reason="sys_topic"\} [1-9]/);
    expect(metrics).toMatch(/mqtt_acl_refusals_total\{action="subscribe",reason="foreign_topic"\} [1-9]/);
    expect(metrics).toMatch(/mqtt_connections_total\{result="bad_secret"\} [1-9]/);
    expect(metrics).toMatch(/mqtt_connections_total\{result="anonymous"\} [1-9]/);
  });

  it('answers every kind of bad message on the errors topic, changes nothing, and keeps the connection', async () => {
    const a = await connect(devices['GW-A']);
    const errors: Array<{ error: string; message: string }> = [];
    a.on('message', (topic, payload) => topic === 'devices/GW-A/errors' && errors.push(JSON.parse(payload.toString())));
    await a.subscribeAsync('devices/GW-A/errors');
    const bad: Array<[string, string | Buffer]> = [
      ['malformed_json', '{"sensor": "A-LT", '],
      ['schema', JSON.stringify({ sensor: 'A-LT', value: '3' })],
      ['schema', JSON.stringify({ readings: [] })],
      ['unknown_sensor', JSON.stringify({ sensor: 'NOPE', value: 1 })],
      ['unknown_sensor', JSON.stringify({ readings: [{ sensor: 'A-LT', value: 1 }, { sensor: 'B-TT', value: 1 }] })],
      ['non_finite', '{"readings":[{"sensor":"A-LT","value":1},{"sensor":"A-PT","value":1e999}]}'],
      ['oversize', Buffer.from(JSON.stringify({ readings: Array.from({ length: 4000 }, () => ({ sensor: 'A-LT', value: 1, quality: 'good', ts: new Date().toISOString() })) }).padEnd(300 * 1024))],
      ['unknown_unit', JSON.stringify({ sensor: 'A-PT', value: 1, unit: 'psi' })],
      ['timestamp_out_of_range', JSON.stringify({ sensor: 'A-LT', value: 1, ts: Date.now() + 3600_000 })],
      ['timestamp_out_of_range', JSON.stringify({ sensor: 'A-LT', value: 1, ts: '2020-01-01T00:00:00+08:00' })],
    ];
    for (const [, payload] of bad) await a.publishAsync('devices/GW-A/telemetry', payload, { qos: 1 });
    await eventually(() => errors.length >= bad.length, 'an error report per bad message');
    expect(errors.map((e) => e.error)).toEqual(bad.map(([code]) => code));
    expect(a.connected).toBe(true);
    expect(await sensorState(sensorIds['A-LT'])).toMatchObject({ value: null, state: 'nodata' });
    expect(await sensorState(sensorIds['A-PT'])).toMatchObject({ value: null });
    const metrics = await (await fetch(`${sys.urls.http}/metrics`)).text();
    for (const reason of ['malformed_json', 'schema', 'unknown_sensor', 'non_finite', 'oversize', 'unknown_unit', 'timestamp_out_of_range']) {
      expect(metrics).toMatch(new RegExp(`telemetry_validation_failures_total\\{reason="${reason}"\\} [1-9]`));
    }
  });

  it('converts units, keeps the gateway time, and does not move the current value back for a late reading (which is still stored)', async () => {
    const a = await connect(devices['GW-A']);
    const t = Date.now() - 60_000;
    await a.publishAsync('devices/GW-A/telemetry', JSON.stringify({ readings: [{ sensor: 'A-PT', value: 1500, unit: 'kPa', ts: t }, { sensor: 'A-LT', value: 942, unit: 'cm', ts: t }] }), { qos: 1 });
    // Acknowledged means durable and applied: the state is already there.
    expect(await sensorState(sensorIds['A-PT'])).toMatchObject({ value: 1.5, ts: new Date(t).toISOString() });
    expect(await sensorState(sensorIds['A-LT'])).toMatchObject({ value: 9.42 });

    await a.publishAsync('devices/GW-A/telemetry', JSON.stringify({ sensor: 'A-LT', value: 3.1, ts: t - 30_000 }), { qos: 1 });
    expect(await sensorState(sensorIds['A-LT'])).toMatchObject({ value: 9.42, ts: new Date(t).toISOString() });

    await sys.flushTelemetry();
    const trend = await api.call('GET', `/api/monitor/sensors/${sensorIds['A-LT']}/trend?from=${new Date(t - 3600_000).toISOString()}&step=86400`);
    const all = trend.body.items as Array<{ min: number; max: number }>;
    expect(Math.min(...all.map((p) => p.min))).toBe(3.1);
    expect(Math.max(...all.map((p) => p.max))).toBe(9.42);
  });

  it('takes MQTT over WebSocket at /mqtt on the HTTP port, QoS 1 and QoS 0', async () => {
    const ws = await connect(devices['GW-B'], {}, `${sys.urls.http.replace('http', 'ws')}/mqtt`);
    await ws.publishAsync('devices/GW-B/telemetry', JSON.stringify({ sensor: 'B-TT', value: 68, unit: '°F' }), { qos: 1 });
    expect(await sensorState(sensorIds['B-TT'])).toMatchObject({ value: 20 });
    await ws.publishAsync('devices/GW-B/telemetry', JSON.stringify({ sensor: 'B-TT', value: 21.5 }), { qos: 0 });
    await eventually(async () => (await sensorState(sensorIds['B-TT'])).value === 21.5, 'QoS 0 reading applied');
  });

  it('closes a live connection when its device is disabled, and another when its secret is rotated', async () => {
    const off = await connect(devices['GW-OFF']);
    const offClosed = closed(off);
    const put = await api.call('PUT', `/api/devices/${devices['GW-OFF'].id}`, { code: 'GW-OFF', name: '网关 GW-OFF', enterpriseId, enabled: false });
    expect(put.status).toBe(200);
    await offClosed;
    await expect(connect(devices['GW-OFF'])).rejects.toThrow(/not authori[sz]ed/i);

    const rot = await connect(devices['GW-ROT']);
    const rotClosed = closed(rot);
    const rotated = await api.call('POST', `/api/devices/${devices['GW-ROT'].id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    await rotClosed;
    await expect(connect(devices['GW-ROT'])).rejects.toThrow(/bad user ?name or password/i);
    const again = await connect({ code: 'GW-ROT', secret: rotated.body.secret });
    expect(again.connected).toBe(true);
  });

  it('delivers a gateway last will to a subscriber when the gateway drops', async () => {
    const watcher = await connect(devices['GW-B'], { clientId: 'GW-B-watcher' });
    const wills: string[] = [];
    watcher.on('message', (topic, payload) => topic === 'devices/GW-B/status' && wills.push(payload.toString()));
    await watcher.subscribeAsync('devices/GW-B/status');
    const gw = await connect(devices['GW-B'], { clientId: 'GW-B-main', will: { topic: 'devices/GW-B/status', payload: Buffer.from('offline'), qos: 1, retain: false } });
    (gw.stream as unknown as { destroy(): void }).destroy();
    await eventually(() => wills.includes('offline'), 'last will');
  });

  it('raises a data-interruption alarm for every sensor of a gateway that disconnects, and clears it when data returns', async () => {
    const drop = await connect(devices['GW-DROP']);
    await drop.publishAsync('devices/GW-DROP/telemetry', JSON.stringify({ readings: [{ sensor: 'D-LT', value: 5 }, { sensor: 'D-PT', value: 0.5 }] }), { qos: 1 });
    await drop.endAsync();
    const ids = [sensorIds['D-LT'], sensorIds['D-PT']];
    const open = await eventually(async () => {
      const found = (await alarms()).filter((al) => al.type === 'data_interruption' && al.active && ids.includes(al.source.id));
      return found.length === 2 && found;
    }, 'data interruption alarms');
    expect(open[0]).toMatchObject({ severity: 'major' });
    expect(open.map((al) => al.message).sort()).toEqual(['2#甲醇储罐·压力 数据中断（网关已断开）', '2#甲醇储罐·液位 数据中断（网关已断开）']);
    // The interruption shows as the sensor's state, not as a threshold-style 'alarm' state.
    expect(await sensorState(sensorIds['D-LT'])).toMatchObject({ state: 'stale' });

    const back = await connect(devices['GW-DROP']);
    await back.publishAsync('devices/GW-DROP/telemetry', JSON.stringify({ readings: [{ sensor: 'D-LT', value: 5.1 }, { sensor: 'D-PT', value: 0.5 }] }), { qos: 1 });
    await eventually(async () => !(await alarms()).some((al) => al.type === 'data_interruption' && al.active && ids.includes(al.source.id)), 'alarms cleared');
    expect(await sensorState(sensorIds['D-LT'])).toMatchObject({ state: 'normal' });
  });

  it('raises a data-interruption alarm for a sensor silent past its timeout while its gateway stays connected', async () => {
    const quiet = await connect(devices['GW-QUIET']);
    await quiet.publishAsync('devices/GW-QUIET/telemetry', JSON.stringify({ sensor: 'Q-LT', value: 2 }), { qos: 1 });
    const alarm = await eventually(
      async () => (await alarms()).find((al) => al.type === 'data_interruption' && al.active && al.source.id === sensorIds['Q-LT']),
      'silence alarm',
      30_000,
    );
    expect(alarm.message).toBe('2#甲醇储罐·液位 数据中断（超过 10 秒无数据）');
    expect(quiet.connected).toBe(true);
  });

  it('reports spool depth and write lag on /healthz and the Prometheus metrics', async () => {
    const health = (await (await fetch(`${sys.urls.http}/healthz`)).json()) as Health;
    expect(health.components.spool).toMatchObject({ ok: true, detail: expect.stringMatching(/^depth \d+ readings, .* write lag [\d.]+ s/) });
    const metrics = await (await fetch(`${sys.urls.http}/metrics`)).text();
    for (const name of ['telemetry_spool_records{store="sensor"}', 'influx_write_lag_seconds{store="sensor"}', 'influx_write_seconds_count{store="sensor"}', 'influx_write_batch_lines_sum{store="sensor"}', 'nodejs_eventloop_lag_seconds', 'mqtt_connected_clients', 'readings_accepted_total']) {
      expect(metrics).toContain(name);
    }
  });
});
