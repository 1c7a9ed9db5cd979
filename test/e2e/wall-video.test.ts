import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt, { type MqttClient } from 'mqtt';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, logIn } from '../support/chromium.ts';
import { ADMIN_PASSWORD, apiClient, eventually, startTestSystem } from '../support/test-system.ts';
import { publishRtmp, type RunningProcess } from '../support/ffmpeg.ts';
import { artefactPath } from '../support/artefacts.ts';
import { SimulatedTerminal } from '../../device-simulator/jt808-terminal.ts';
import { answerVideoRequests } from '../../device-simulator/jt1078-camera.ts';

type System = Awaited<ReturnType<typeof startTestSystem>>;

/** The wall's video grid in Chromium, with Debian's ffmpeg as the site camera and a simulated JT/T 1078 truck. */
describe('wall: live video', () => {
  let sys: System;
  let api: ReturnType<typeof apiClient>;
  let browser: Browser;
  let page: Page;
  let gateway: MqttClient;
  let camera: RunningProcess;
  let truck: SimulatedTerminal;
  let truckCams: ReturnType<typeof answerVideoRequests>;
  let cameraId: number;
  let vehicleId: number;

  /** The pane's <video> plays: its currentTime moves on by at least a second. */
  async function advances(pane: string) {
    const time = () => page.evaluate<number>(`document.querySelector('[data-testid="${pane}"] video')?.currentTime ?? 0`);
    const start = await eventually(async () => ((await time()) > 0 ? time() : undefined), `${pane} starts playing`, 30_000);
    await expect.poll(time, { timeout: 20_000, interval: 250 }).toBeGreaterThan(start + 1);
  }
  const paneWith = (source: string) => page.locator(`[data-testid^="video-pane-"][data-source="${source}"]`);

  beforeAll(async () => {
    sys = await startTestSystem({ VIDEO_CLIP_BEFORE_S: '2', VIDEO_CLIP_AFTER_S: '3' });
    api = apiClient(sys.urls.http);
    await api.login('admin', ADMIN_PASSWORD);
    const enterprise = (await api.call('POST', '/api/enterprises', { code: '91211321MA0000W01X', name: '大屏视频化工有限公司', regionCode: '211321' })).body;
    const dev = (await api.call('POST', '/api/devices', { code: 'GW-WV', name: '视频网关', enterpriseId: enterprise.id })).body;
    const tank = (await api.call('POST', '/api/tanks', { enterpriseId: enterprise.id, code: 'WV1', name: '视频1#罐', sensors: [{ code: 'WV-L', kind: 'level', unit: 'm', deviceId: dev.id, rangeMin: 0, rangeMax: 20, high: 15, highHigh: 19, deadband: 0.5 }] })).body;
    const cam = (await api.call('POST', '/api/cameras', { enterpriseId: enterprise.id, tankId: tank.id, code: 'CAM-WV', name: '罐区球机', enabled: true, lat: 41.521, lon: 120.402 })).body;
    cameraId = cam.id;
    const key = (await api.call('GET', `/api/cameras/${cameraId}`)).body.streamKey;
    camera = publishRtmp(`rtmp://127.0.0.1:${sys.ports.rtmp}/live/${key}`);
    gateway = await mqtt.connectAsync(sys.urls.mqtt, { username: 'GW-WV', password: dev.secret, reconnectPeriod: 0 });

    const v = (await api.call('POST', '/api/vehicles', { plate: '辽N·W1078', enterpriseId: enterprise.id, terminalPhone: '13900002078' })).body;
    vehicleId = v.id;
    truck = new SimulatedTerminal('13900002078', v.plate, '2019');
    await truck.connect(sys.ports.jt808);
    expect(await truck.register()).toBe(0);
    expect(await truck.authenticate()).toBe(0);
    truckCams = answerVideoRequests(truck);

    browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await logIn(page, `${sys.urls.http}/wall/`, 'admin', ADMIN_PASSWORD);
    await page.getByTestId('video-grid').waitFor();
    await eventually(async () => ((await api.call('GET', '/api/video/cameras')).body.items.find((c: { id: number; live: boolean }) => c.id === cameraId)?.live ? true : undefined), 'camera live');
  });
  afterAll(async () => {
    await camera?.stop();
    truckCams?.stopAll();
    truck?.close();
    await gateway?.endAsync();
    await browser?.close();
    await sys?.dispose();
  });

  it('plays a camera chosen for a pane, and keeps the layout for the user', async () => {
    await page.getByTestId('video-pane-3').click();
    await page.getByTestId('video-pick').click();
    await page.getByTestId(`video-camera-${cameraId}`).click();
    await advances('video-pane-3');
    await eventually(async () => ((await api.call('GET', '/api/video-layout')).body.panes[3]?.id === cameraId ? true : undefined), 'layout saved');
    await page.screenshot({ path: artefactPath('wall-video-pane.png') });
  });

  it('opens the linked camera when its tank alarms', async () => {
    await page.getByTestId('video-pane-3').click();
    await page.getByTestId('video-pick').click();
    await page.getByRole('button', { name: '清空本格' }).click();
    expect(await paneWith(`camera:${cameraId}`).count()).toBe(0);

    await gateway.publishAsync('devices/GW-WV/telemetry', JSON.stringify({ sensor: 'WV-L', value: 16.5 }), { qos: 1 });
    await paneWith(`camera:${cameraId}`).waitFor({ timeout: 20_000 });
    await advances((await paneWith(`camera:${cameraId}`).getAttribute('data-testid'))!);

    // The alarm carries a snapshot and a clip from the linked camera, and the drawer plays the clip.
    const alarm = await eventually(async () => (await api.call('GET', '/api/alarms?state=open')).body.items.find((a: { type: string }) => a.type === 'threshold'), 'tank alarm');
    await page.locator(`[data-testid="alarm-item"][data-alarm-id="${alarm.id}"] [data-testid="alarm-open"]`).click();
    await page.locator('[data-testid="alarm-snapshot"][data-status="ready"] img').waitFor({ timeout: 30_000 });
    const clip = page.locator('[data-testid="alarm-clip"][data-status="ready"] video');
    await clip.waitFor({ timeout: 60_000 });
    const video = `document.querySelector('[data-testid="alarm-clip"] video')`;
    await page.evaluate(`${video}.play()`);
    await expect.poll(() => page.evaluate<number>(`${video}.currentTime`), { timeout: 15_000 }).toBeGreaterThan(0.5);
    await page.screenshot({ path: artefactPath('wall-alarm-clip.png') });
    await page.getByTestId('alarm-drawer-close').click();
  });

  it('opens the truck\'s cab video on an SOS, and its frames advance', async () => {
    expect(await truck.report({ lat: 41.52, lon: 120.4, speedKmh: 30, direction: 90, sos: true })).toBe(0);
    const banner = page.getByTestId('critical-banner-mute');
    await banner.click({ timeout: 20_000 });
    const pane = paneWith(`vehicle:${vehicleId}:1`);
    await pane.waitFor({ timeout: 20_000 });
    await advances((await pane.getAttribute('data-testid'))!);
    await page.screenshot({ path: artefactPath('wall-video-sos.png') });
  });

  it('shows the camera on the map in its state; a click opens it in a pane; it turns dark when the camera stops', async () => {
    const marker = page.locator(`[data-testid="camera-marker"][data-id="${cameraId}"]`);
    await expect.poll(() => marker.getAttribute('data-live'), { timeout: 20_000 }).toBe('true');
    await page.getByTestId('video-grid-1').click();
    expect(await paneWith(`camera:${cameraId}`).count()).toBe(0);
    // The tank alarm opened above left the tank's detail panel over the map.
    if (await page.getByTestId('detail-panel-close').isVisible()) await page.getByTestId('detail-panel-close').click();
    await marker.click();
    await paneWith(`camera:${cameraId}`).waitFor({ timeout: 20_000 });
    await advances((await paneWith(`camera:${cameraId}`).getAttribute('data-testid'))!);
    await page.screenshot({ path: artefactPath('wall-camera-on-map.png') });
    await camera.stop();
    await expect.poll(() => marker.getAttribute('data-live'), { timeout: 30_000 }).toBe('false');
  });
});
