import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt, { type MqttClient } from 'mqtt';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, logIn } from '../support/chromium.ts';
import { SimulatedTerminal } from '../../device-simulator/jt808-terminal.ts';
import { ADMIN_PASSWORD, apiClient, eventually, startTestSystem } from '../support/test-system.ts';
import { artefactPath } from '../support/artefacts.ts';

type System = Awaited<ReturnType<typeof startTestSystem>>;

/** The wall's detail panel in Chromium: a tank's gauges and trend from InfluxDB, a vehicle's detail and its track replay. */
describe('wall: tank detail, vehicle detail and track replay', () => {
  let sys: System;
  let api: ReturnType<typeof apiClient>;
  let gateway: MqttClient;
  let truck: SimulatedTerminal;
  let browser: Browser;
  let page: Page;
  let tankId: number;
  let vehicleId: number;
  const sensors: Record<string, number> = {};

  /** A reading `minutesAgo` before now, so the trend has points minutes apart. */
  const publish = (sensor: string, value: number, minutesAgo: number) =>
    gateway.publishAsync('devices/GW-DT/telemetry', JSON.stringify({ sensor, value, ts: Date.now() - minutesAgo * 60_000 }), { qos: 1 });

  beforeAll(async () => {
    sys = await startTestSystem();
    api = apiClient(sys.urls.http);
    await api.login('admin', ADMIN_PASSWORD);
    const enterprise = (await api.call('POST', '/api/enterprises', { code: '91320116MA1DETAL1X', name: '详情测试化工有限公司', regionCode: '320116' })).body;
    const dev = (await api.call('POST', '/api/devices', { code: 'GW-DT', name: '详情网关', enterpriseId: enterprise.id })).body;
    const tank = await api.call('POST', '/api/tanks', {
      enterpriseId: enterprise.id, code: 'DT1', name: '详情1#罐', medium: '甲醇',
      sensors: [{ code: 'DT-L', kind: 'level', unit: 'm', deviceId: dev.id, rangeMin: 0, rangeMax: 20, high: 15, highHigh: 19, deadband: 0.5 }, { code: 'DT-T', kind: 'temperature', unit: 'C', deviceId: dev.id, rangeMin: -20, rangeMax: 80, high: 50 }],
    });
    tankId = tank.body.id;
    for (const s of tank.body.sensors) sensors[s.code] = s.id;
    gateway = await mqtt.connectAsync(sys.urls.mqtt, { username: 'GW-DT', password: dev.secret, reconnectPeriod: 0 });

    const vehicle = (await api.call('POST', '/api/vehicles', { plate: '苏A·D0401', enterpriseId: enterprise.id, terminalPhone: '13900000401' })).body;
    vehicleId = vehicle.id;
    await api.call('POST', '/api/alarm-rules', { kind: 'overspeed', name: '详情测试限速', enterpriseId: enterprise.id, params: { limitKmh: 60, sustainS: 10 } });
    truck = new SimulatedTerminal('13900000401', vehicle.plate);
    await truck.connect(sys.ports.jt808);
    expect(await truck.register()).toBe(0);
    expect(await truck.authenticate()).toBe(0);

    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await logIn(page, `${sys.urls.http}/wall/`, 'admin', ADMIN_PASSWORD);
    await page.getByTestId('wall').waitFor();
  });
  afterAll(async () => {
    truck?.close();
    await gateway?.endAsync();
    await browser?.close();
    await sys?.dispose();
  });

  it('shows gauges and the trend read from InfluxDB, with threshold lines and the shaded alarm period', async () => {
    for (const [v, ago] of [[10, 30], [11, 25], [12, 20]]) await publish('DT-L', v, ago);
    await publish('DT-T', 25, 20);
    await publish('DT-L', 16.2, 10);
    const alarm = await eventually(async () => (await api.call('GET', '/api/alarms?state=open')).body.items.find((a: { source: { id: number } }) => a.source.id === sensors['DT-L']), 'level alarm');
    await publish('DT-L', 12, 5);
    await eventually(async () => ((await api.call('GET', `/api/alarms/${alarm.id}`)).body.active === false ? true : undefined), 'alarm cleared');
    // The readings are in InfluxDB once the API's own trend shows them.
    await eventually(async () => {
      const series = (await api.call('GET', `/api/monitor/tanks/${tankId}/trend?range=1h`)).body.series as { points: { mean: number | null }[] }[];
      return series[0].points.filter((p) => p.mean !== null).length >= 2 ? true : undefined;
    }, 'trend in InfluxDB');

    await page.locator(`[data-testid="tank-card"][data-tank-id="${tankId}"]`).getByTestId('tank-open-detail').click();
    const detail = page.getByTestId('tank-detail');
    await detail.waitFor();
    await expect.poll(() => detail.getByTestId('tank-gauge').count()).toBe(2);
    const trend = page.getByTestId('tank-trend');
    await expect.poll(async () => Number(await trend.getAttribute('data-points')), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    expect(Number(await trend.getAttribute('data-periods'))).toBe(1);
    // high and high-high of the level, high of the temperature
    expect(Number(await trend.getAttribute('data-thresholds'))).toBe(3);
    expect(await detail.getByRole('alert').count()).toBe(0);
    await page.getByTestId('trend-range-1h').click();
    await expect.poll(async () => Number(await trend.getAttribute('data-points'))).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: artefactPath('wall-tank-detail.png') });
    await page.getByTestId('detail-panel-close').click();
  });

  it('opens the vehicle from its alarm and replays the stored path with the alarm and the stop marked', async () => {
    // Device times of the last half hour: driving, a 6-minute stop, then 20 s over the limit.
    let t = Date.now() - 30 * 60_000;
    const fix = async (lon: number, speedKmh: number) => {
      t += 30_000;
      expect(await truck.report({ lat: 32.05, lon, speedKmh, direction: 90, time: new Date(t) })).toBe(0);
    };
    for (let i = 0; i < 10; i++) await fix(118.7 + i * 0.002, 50);
    for (let i = 0; i < 13; i++) await fix(118.72, 0);
    for (let i = 0; i < 6; i++) await fix(118.722 + i * 0.002, 50);
    for (let i = 0; i < 3; i++) {
      t += 10_000 - 30_000;
      await fix(118.735 + i * 0.001, 90);
    }
    await sys.alarmsSettled();
    const overspeed = await eventually(async () => (await api.call('GET', '/api/alarms?state=open')).body.items.find((a: { type: string; source: { id: number } }) => a.type === 'overspeed' && a.source.id === vehicleId), 'overspeed alarm');
    const from = new Date(Date.now() - 3600_000).toISOString();
    await eventually(async () => ((await api.call('GET', `/api/monitor/vehicles/${vehicleId}/track?from=${from}`)).body.items.length >= 32 ? true : undefined), 'track in InfluxDB');

    await page.locator(`[data-testid="alarm-item"][data-alarm-id="${overspeed.id}"]`).click();
    const vehicle = page.getByTestId('vehicle-detail');
    await vehicle.waitFor();
    await expect.poll(() => vehicle.getByTestId('vehicle-speed').textContent()).toContain('km/h');
    await page.getByTestId('vehicle-open-track').click();
    const replay = page.getByTestId('track-replay');
    await expect.poll(async () => Number(await replay.getAttribute('data-points')), { timeout: 20_000 }).toBeGreaterThanOrEqual(32);
    expect(await replay.getAttribute('data-mode')).toBe('full');
    expect(Number(await replay.getAttribute('data-stops'))).toBe(1);
    expect(Number(await replay.getAttribute('data-alarms'))).toBeGreaterThanOrEqual(1);
    expect(await replay.getByRole('alert').count()).toBe(0);

    await page.getByTestId('track-speed').selectOption('64');
    const before = await page.getByTestId('track-time').textContent();
    const cursor = page.getByTestId('track-chart-cursor');
    const cursorBefore = await cursor.evaluate((el) => el.style.transform);
    await page.getByTestId('track-play').click();
    await expect.poll(() => page.getByTestId('track-time').textContent()).not.toBe(before);
    // The speed chart's cursor follows the playback.
    await expect.poll(() => cursor.evaluate((el) => el.style.transform)).not.toBe(cursorBefore);
    expect(await cursor.isVisible()).toBe(true);
    await page.screenshot({ path: artefactPath('wall-track-replay.png') });
  });
});
