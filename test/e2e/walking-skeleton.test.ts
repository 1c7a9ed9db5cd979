import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt from 'mqtt';
import { io, type Socket } from 'socket.io-client';
import type { Browser } from 'playwright-core';
import { launchChromium, logIn } from '../support/chromium.ts';
import { SimulatedTerminal } from '../../device-simulator/jt808-terminal.ts';
import { MsgId, decodeRegisterReply } from '../../ingest/jt808/codec/index.ts';
import { ADMIN_PASSWORD, apiClient, eventually, startTestSystem } from '../support/test-system.ts';
import { artefactPath } from '../support/artefacts.ts';

type System = Awaited<ReturnType<typeof startTestSystem>>;

describe('walking skeleton: MQTT and JT/T 808 in, InfluxDB and alarms out, wall in Chromium', () => {
  let sys: System;
  let api: ReturnType<typeof apiClient>;
  let device: { code: string; secret: string };
  let sensorId: number;
  let vehicleId: number;
  let socket: Socket;
  const socketAlarms: Array<{ action: string; alarm: { id: number; type: string; active: boolean } }> = [];
  let browser: Browser;

  beforeAll(async () => {
    sys = await startTestSystem();
    api = apiClient(sys.urls.http);
    await api.login('admin', ADMIN_PASSWORD);
    const enterprise = await api.call('POST', '/api/enterprises', { code: '91320116MA1XYW0A1B', name: '测试石化有限公司', regionCode: '320116' });
    expect(enterprise.status).toBe(201);
    const dev = await api.call('POST', '/api/devices', { code: 'GW-T1', name: '测试网关', enterpriseId: enterprise.body.id });
    expect(dev.status).toBe(201);
    expect(dev.body.secret).toMatch(/^\S{20}$/);
    expect(dev.body).not.toHaveProperty('secretHash');
    device = { code: 'GW-T1', secret: dev.body.secret };
    const tank = await api.call('POST', '/api/tanks', {
      enterpriseId: enterprise.body.id,
      code: 'T101',
      name: '1#甲醇储罐',
      medium: '甲醇',
      sensors: [{ code: 'LT1', kind: 'level', unit: 'm', deviceId: dev.body.id, rangeMin: 0, rangeMax: 20, high: 15, highHigh: 17, deadband: 0.5 }],
    });
    expect(tank.status).toBe(201);
    sensorId = tank.body.sensors[0].id;
    const vehicle = await api.call('POST', '/api/vehicles', { plate: '苏A·D0001', enterpriseId: enterprise.body.id, terminalPhone: '013900000001' });
    expect(vehicle.status).toBe(201);
    expect(vehicle.body.terminalPhone).toBe('13900000001');
    vehicleId = vehicle.body.id;

    socket = io(`${sys.urls.http}/live`, { auth: { token: api.token }, transports: ['websocket'] });
    socket.on('alarm', (change) => socketAlarms.push(change));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    socket?.close();
    await browser?.close();
    await sys?.dispose();
  });

  it('reports every component healthy', async () => {
    const res = await fetch(`${sys.urls.http}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', components: { db: { ok: true }, influx: { ok: true }, mqtt: { ok: true }, jt808: { ok: true } } });
  });

  it('refuses anonymous and wrong-secret MQTT connections', async () => {
    await expect(mqtt.connectAsync(sys.urls.mqtt, { reconnectPeriod: 0, connectTimeout: 5000 })).rejects.toThrow(/Not authorized/i);
    await expect(mqtt.connectAsync(sys.urls.mqtt, { username: device.code, password: 'wrong-secret', reconnectPeriod: 0, connectTimeout: 5000 })).rejects.toThrow(
      /Bad username or password/i,
    );
  });

  it('refuses a Socket.IO connection without a valid token', async () => {
    const anon = io(`${sys.urls.http}/live`, { auth: { token: 'forged' }, transports: ['websocket'], reconnection: false });
    const err = await new Promise<Error>((resolve) => anon.once('connect_error', resolve));
    anon.close();
    expect(err.message).toBe('unauthorized');
  });

  it('MQTT reading above the high threshold raises an alarm, visible in the API and on Socket.IO; back inside the deadband clears it', async () => {
    const client = await mqtt.connectAsync(sys.urls.mqtt, { username: device.code, password: device.secret, reconnectPeriod: 0 });
    const errors: Array<{ error: string }> = [];
    await client.subscribeAsync(`devices/${device.code}/errors`, { qos: 0 });
    client.on('message', (_topic, payload) => errors.push(JSON.parse(payload.toString())));

    await client.publishAsync(`devices/${device.code}/telemetry`, JSON.stringify({ readings: [{ sensor: 'LT1', value: 12.5 }] }), { qos: 1 });
    await client.publishAsync(`devices/${device.code}/telemetry`, JSON.stringify({ sensor: 'LT1', value: 15.8 }), { qos: 1 });

    const raised = await eventually(async () => {
      const res = await api.call('GET', '/api/alarms?state=open');
      return res.body.items.find((a: { type: string }) => a.type === 'threshold');
    }, 'threshold alarm in the API');
    expect(raised).toMatchObject({ severity: 'major', active: true, acknowledged: false, source: { kind: 'sensor', id: sensorId, name: '1#甲醇储罐·液位' }, value: 15.8, count: 1 });
    await eventually(() => socketAlarms.find((c) => c.action === 'raised' && c.alarm.id === raised.id), 'alarm event on Socket.IO');

    // A bad message changes nothing, is reported on the errors topic, and the connection stays up.
    await client.publishAsync(`devices/${device.code}/telemetry`, JSON.stringify({ sensor: 'NOPE', value: 99 }), { qos: 1 });
    await client.publishAsync(`devices/${device.code}/telemetry`, 'not json', { qos: 1 });
    await eventually(() => errors.length >= 2, 'two error reports');
    expect(errors.map((e) => e.error)).toEqual(['unknown_sensor', 'malformed_json']);
    expect(client.connected).toBe(true);

    await client.publishAsync(`devices/${device.code}/telemetry`, JSON.stringify({ sensor: 'LT1', value: 14.7 }), { qos: 1 }); // inside deadband: stays
    await client.publishAsync(`devices/${device.code}/telemetry`, JSON.stringify({ sensor: 'LT1', value: 14.2 }), { qos: 1 }); // below: clears
    await eventually(() => socketAlarms.find((c) => c.action === 'cleared' && c.alarm.id === raised.id), 'cleared event');
    expect(socketAlarms.filter((c) => c.alarm.id === raised.id).map((c) => c.action)).toEqual(['raised', 'cleared']);

    // Every accepted reading is in InfluxDB (trend query), the rejected ones are not.
    await sys.flushTelemetry();
    const trend = await api.call('GET', `/api/monitor/sensors/${sensorId}/trend?from=${new Date(Date.now() - 3600_000).toISOString()}&step=3600`);
    expect(trend.status).toBe(200);
    const total = trend.body.items.reduce((n: number, p: { max: number }) => Math.max(n, p.max), 0);
    expect(total).toBe(15.8);

    // A device may not publish under another device's topics: that is an ACL violation and ends the connection.
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    client.publish('devices/OTHER/telemetry', JSON.stringify({ sensor: 'LT1', value: 1 }), { qos: 1 });
    await closed;
    await client.endAsync(true);
  });

  it('JT/T 808: unknown terminal gets result 4; registered one authenticates, reports, and its SOS raises a critical alarm', async () => {
    const stranger = new SimulatedTerminal('13999999999', '苏A·X9999');
    await stranger.connect(sys.ports.jt808);
    expect(await stranger.register()).toBe(4);
    stranger.close();
    const unbound = await api.call('GET', '/api/unbound-terminals');
    expect(unbound.body.items).toEqual([expect.objectContaining({ phone: '13999999999', plate: '苏A·X9999', attempts: 1 })]);

    const t = new SimulatedTerminal('13900000001', '苏A·D0001');
    await t.connect(sys.ports.jt808);
    // Before authentication nothing but registration/authentication is taken.
    expect(await t.report({ lat: 32.23, lon: 118.82, speedKmh: 40, direction: 90 })).toBe(1);
    expect(await t.register()).toBe(0);
    const reply = decodeRegisterReply(t.received.find((f) => f.header.msgId === MsgId.RegisterReply)!.body);
    expect(reply.authCode).toMatch(/^[0-9A-F]{16}$/);
    expect(await t.authenticate()).toBe(0);
    expect(await t.heartbeat()).toBe(0);
    const start = new Date(Math.floor(Date.now() / 1000) * 1000 - 5000);
    expect(await t.report({ lat: 32.23, lon: 118.82, speedKmh: 40, direction: 90, time: start })).toBe(0);
    expect(await t.report({ lat: 32.231, lon: 118.821, speedKmh: 42, direction: 90, sos: true })).toBe(0);

    const sos = await eventually(async () => {
      const res = await api.call('GET', '/api/alarms?state=open');
      return res.body.items.find((a: { type: string }) => a.type === 'sos');
    }, 'SOS alarm');
    expect(sos).toMatchObject({ severity: 'critical', active: true, source: { kind: 'vehicle', id: vehicleId, name: '苏A·D0001' } });
    await eventually(() => socketAlarms.find((c) => c.action === 'raised' && c.alarm.id === sos.id), 'SOS on Socket.IO');

    const vehicles = await api.call('GET', '/api/monitor/vehicles');
    const live = vehicles.body.items.find((v: { id: number }) => v.id === vehicleId);
    expect(live).toMatchObject({ online: true, speedKmh: 42 });
    // Displayed in GCJ-02: offset from the WGS-84 fix by a few hundred metres in this area.
    expect(live.lat).not.toBe(32.231);
    expect(Math.abs(live.lat - 32.231)).toBeLessThan(0.01);

    await sys.flushTelemetry();
    const track = await api.call('GET', `/api/monitor/vehicles/${vehicleId}/track?from=${new Date(start.getTime() - 1000).toISOString()}`);
    expect(track.body.items.map((p: { lat: number; ts: string }) => [p.lat, p.ts])).toEqual([
      [32.23, start.toISOString()],
      [32.231, expect.any(String)],
    ]);
    t.close();
  });

  it('shows the wall in Chromium: login, tanks, vehicles, and an alarm appearing live; at 1920×1080 and 3840×2160', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    await logIn(page, `${sys.urls.http}/wall/`, 'admin', ADMIN_PASSWORD);
    await page.getByTestId('wall').waitFor();
    await page.waitForSelector('[data-testid="conn-state"][data-state="connected"]');
    const sensor = page.locator(`[data-testid="sensor"][data-sensor-id="${sensorId}"]`);
    await sensor.waitFor();
    await page.waitForSelector(`[data-testid="vehicle-marker"][data-vehicle-id="${vehicleId}"]`);
    const items = page.getByTestId('alarm-item');
    await items.first().waitFor();
    expect(await items.count()).toBeGreaterThan(0); // the SOS raised above is still open

    const client = await mqtt.connectAsync(sys.urls.mqtt, { username: device.code, password: device.secret, reconnectPeriod: 0 });
    await client.publishAsync(`devices/${device.code}/telemetry`, JSON.stringify({ sensor: 'LT1', value: 17.6 }), { qos: 1 });
    await client.endAsync();
    const alarm = await eventually(async () => {
      const res = await api.call('GET', '/api/alarms?state=open');
      return res.body.items.find((a: { type: string; active: boolean }) => a.type === 'threshold' && a.active);
    }, 'high-high alarm');
    expect(alarm.level).toBe('high_high');
    const item = page.locator(`[data-testid="alarm-item"][data-alarm-id="${alarm.id}"]`);
    await item.waitFor({ state: 'visible' });
    expect(await item.getAttribute('data-severity')).toBe('critical');
    expect(await item.textContent()).toContain('1#甲醇储罐');
    await sensor.getByTestId('sensor-value').filter({ hasText: '17.6' }).waitFor();
    await page.waitForSelector(`[data-testid="sensor"][data-sensor-id="${sensorId}"][data-state="alarm"][data-level="high_high"]`);
    await page.screenshot({ path: artefactPath('wall-1920x1080.png') });

    // A critical alarm blocks the wall behind its banner, earliest first: mute the SOS raised before, acknowledge this one.
    const banner = page.getByTestId('critical-banner');
    for (let id = await banner.getAttribute('data-alarm-id'); id !== String(alarm.id); id = await banner.getAttribute('data-alarm-id')) {
      await page.getByTestId('critical-banner-mute').click();
    }
    await page.getByTestId('critical-banner-ack').click();
    await page.waitForSelector(`[data-testid="alarm-item"][data-alarm-id="${alarm.id}"][data-acknowledged="true"]`);
    expect((await api.call('GET', `/api/alarms/${alarm.id}`)).body).toMatchObject({ acknowledged: true, acknowledgedBy: 'admin' });

    // A 4K wall: the same layout fills the screen, text grows with the viewport.
    const rootFont = 'parseFloat(getComputedStyle(document.documentElement).fontSize)'; // evaluated in the page
    const small = await page.evaluate<number>(rootFont);
    await page.setViewportSize({ width: 3840, height: 2160 });
    await page.waitForFunction(`${rootFont} > ${small * 1.5}`);
    const box = await page.getByTestId('wall').boundingBox();
    expect(box).toMatchObject({ width: 3840, height: 2160 });
    for (const panel of ['tank-panel', 'map-panel', 'alarm-panel']) expect((await page.getByTestId(panel).boundingBox())!.height).toBeGreaterThan(1500);
    await page.screenshot({ path: artefactPath('wall-3840x2160.png') });

    expect(failed.filter((u) => !u.startsWith(sys.urls.http))).toEqual([]);
    await page.close();
  });
});
