import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt, { type MqttClient } from 'mqtt';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, logIn } from '../support/chromium.ts';
import { ADMIN_PASSWORD, apiClient, eventually, startTestSystem } from '../support/test-system.ts';
import { artefactPath } from '../support/artefacts.ts';

type System = Awaited<ReturnType<typeof startTestSystem>>;

/** An over-threshold reading becomes a critical alarm whose banner sounds and blocks the wall until acknowledged or muted. */
describe('wall: critical alarm banner', () => {
  let sys: System;
  let api: ReturnType<typeof apiClient>;
  let gateway: MqttClient;
  let browser: Browser;
  let page: Page;
  let device: string;
  const sensorIds: Record<string, number> = {};

  const publish = (sensor: string, value: number) => gateway.publishAsync(`devices/${device}/telemetry`, JSON.stringify({ sensor, value }), { qos: 1 });
  const openAlarmOf = (sensor: string) =>
    eventually(async () => {
      const res = await api.call('GET', '/api/alarms?state=open');
      return res.body.items.find((a: { source: { id: number }; active: boolean }) => a.source.id === sensorIds[sensor] && a.active) as { id: number; severity: string; acknowledged: boolean } | undefined;
    }, `open alarm of ${sensor}`);

  beforeAll(async () => {
    sys = await startTestSystem();
    api = apiClient(sys.urls.http);
    await api.login('admin', ADMIN_PASSWORD);
    const enterprise = await api.call('POST', '/api/enterprises', { code: '91320116MA1XYW0K5F', name: '横幅测试化工有限公司', regionCode: '320116' });
    const dev = await api.call('POST', '/api/devices', { code: 'GW-CB', name: '横幅网关', enterpriseId: enterprise.body.id });
    device = 'GW-CB';
    const sensor = (code: string) => ({ code, kind: 'level', unit: 'm', deviceId: dev.body.id, rangeMin: 0, rangeMax: 20, high: 15, highHigh: 17, deadband: 0.5 });
    const tank = await api.call('POST', '/api/tanks', { enterpriseId: enterprise.body.id, code: 'CB1', name: '横幅1#罐', medium: '甲醇', sensors: [sensor('CB-L1'), sensor('CB-L2')] });
    for (const s of tank.body.sensors) sensorIds[s.code] = s.id;
    gateway = await mqtt.connectAsync(sys.urls.mqtt, { username: device, password: dev.body.secret, reconnectPeriod: 0 });
    browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await logIn(page, `${sys.urls.http}/wall/`, 'admin', ADMIN_PASSWORD);
    await page.getByTestId('wall').waitFor();
  });
  afterAll(async () => {
    await gateway?.endAsync();
    await browser?.close();
    await sys?.dispose();
  });

  it('blocks the wall with a sounding banner until the alarm is acknowledged', async () => {
    await publish('CB-L1', 18.2);
    const alarm = await openAlarmOf('CB-L1');
    expect(alarm.severity).toBe('critical');
    const banner = page.locator(`[data-testid="critical-banner"][data-alarm-id="${alarm.id}"]`);
    await banner.waitFor();
    expect(await page.getByTestId('critical-banner-source').textContent()).toContain('横幅1#罐');
    await expect.poll(async () => Number(await banner.getAttribute('data-tones'))).toBeGreaterThan(0);
    await page.screenshot({ path: artefactPath('wall-critical-banner.png') });
    // The wall behind it takes no clicks.
    await expect(page.getByTestId('alarm-filter-unacked').click({ timeout: 1500 })).rejects.toThrow();

    await page.getByTestId('critical-banner-ack').click();
    await banner.waitFor({ state: 'detached' });
    const acked = await api.call('GET', `/api/alarms/${alarm.id}`);
    expect(acked.body.acknowledged).toBe(true);
    await page.getByTestId('alarm-filter-unacked').click({ timeout: 5000 });
  });

  it('lets a muted alarm go off the screen while it stays unacknowledged', async () => {
    await publish('CB-L2', 18.4);
    const alarm = await openAlarmOf('CB-L2');
    const banner = page.locator(`[data-testid="critical-banner"][data-alarm-id="${alarm.id}"]`);
    await banner.waitFor();
    await page.getByTestId('critical-banner-mute').click();
    await banner.waitFor({ state: 'detached' });
    expect((await api.call('GET', `/api/alarms/${alarm.id}`)).body.acknowledged).toBe(false);
    await page.locator(`[data-testid="alarm-item"][data-alarm-id="${alarm.id}"]`).waitFor();
  });
});
