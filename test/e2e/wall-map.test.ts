import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, logIn } from '../support/chromium.ts';
import { ADMIN_PASSWORD, apiClient, startTestSystem } from '../support/test-system.ts';
import { artefactPath } from '../support/artefacts.ts';
import { HAZARD_LEVEL_COLORS } from '../../web/frontend/src/wall/map/map-logic.ts';

const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
type System = Awaited<ReturnType<typeof startTestSystem>>;
type Api = ReturnType<typeof apiClient>;

async function openWall(browser: Browser, base: string, username: string, password: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await logIn(page, `${base}/wall/`, username, password);
  await page.getByTestId('park-map').waitFor();
  return page;
}

/** A position through the pipeline entry the JT/T 808 gateway uses (store → live state → rules → Socket.IO). */
function feed(sys: System, v: { id: number; plate: string; enterpriseId: number; regionCode: string }, lat: number, lon: number, speedKmh: number) {
  sys.positions.acceptPosition({
    vehicleId: v.id,
    plate: v.plate,
    enterpriseId: v.enterpriseId,
    regionCode: v.regionCode,
    lat,
    lon,
    altitude: 0,
    speedKmh,
    direction: 90,
    ts: new Date(),
    alarmBits: 0,
    statusBits: 2,
    fixed: true,
    drift: false,
    deviceTime: true,
    sos: false,
    reupload: false,
  });
}

describe('wall map: layers, click to detail, region following, scope', () => {
  let sys: System;
  let browser: Browser;
  let admin: Api;

  beforeAll(async () => {
    sys = await startTestSystem({ DEMO: 'true' });
    browser = await launchChromium();
    admin = apiClient(sys.urls.http);
    await admin.login('admin', ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await sys?.dispose();
  });

  it('shows hazard sources in their level colours, toggles geofences and emergency resources, and opens the detail of what is clicked; nothing leaves the server', async () => {
    const layers = (await admin.call('GET', '/api/monitor/layers')).body as {
      hazardSources: { id: number; level: 1 | 2 | 3 | 4 | null; lat: number | null; lon: number | null }[];
      geofences: { id: number }[];
      emergencyResources: { id: number }[];
    };
    expect(layers.hazardSources.length).toBeGreaterThan(1);
    expect(layers.geofences.length).toBeGreaterThan(0);
    expect(layers.emergencyResources.length).toBeGreaterThan(0);

    const page = await openWall(browser, sys.urls.http, 'admin', ADMIN_PASSWORD);
    const foreign: string[] = [];
    const origin = new URL(sys.urls.http).origin;
    page.on('request', (r) => {
      const u = r.url();
      if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) foreign.push(u);
    });
    const hazards = page.getByTestId('hazard-source');
    const located = layers.hazardSources.filter((h) => h.lat != null);
    await expect.poll(() => hazards.count(), { timeout: 20_000 }).toBe(located.length);
    for (const h of located) {
      const marker = page.locator(`[data-testid="hazard-source"][data-id="${h.id}"]`);
      expect(await marker.getAttribute('data-level')).toBe(String(h.level ?? ''));
      const painted = `getComputedStyle(document.querySelector('[data-testid="hazard-source"][data-id="${h.id}"]')).backgroundColor`; // evaluated in the page
      if (h.level) expect(await page.evaluate<string>(painted)).toBe(rgb(HAZARD_LEVEL_COLORS[h.level]));
    }
    // Offline, the base map is GCJ-02: a stored WGS-84 position is drawn shifted by a few hundred metres.
    const shifted = page.locator(`[data-testid="hazard-source"][data-id="${located[0].id}"]`);
    const dLat = Math.abs(Number(await shifted.getAttribute('data-lat')) - located[0].lat!);
    expect(dLat).toBeGreaterThan(0.0002);
    expect(dLat).toBeLessThan(0.01);

    await expect.poll(() => page.getByTestId('geofence').count()).toBe(layers.geofences.length);
    await expect.poll(() => page.getByTestId('emergency-resource').count()).toBe(layers.emergencyResources.length);
    await page.screenshot({ path: artefactPath('wall-map-layers.png') });
    await page.getByTestId('layer-toggle-geofences').uncheck();
    await page.getByTestId('layer-toggle-emergencyResources').uncheck();
    await expect.poll(() => page.getByTestId('geofence').count()).toBe(0);
    expect(await page.getByTestId('emergency-resource').count()).toBe(0);
    expect(await hazards.count()).toBe(located.length);
    await page.screenshot({ path: artefactPath('wall-map-layers-off.png') });
    await page.getByTestId('layer-toggle-geofences').check();
    await page.getByTestId('layer-toggle-emergencyResources').check();
    await expect.poll(() => page.getByTestId('geofence').count()).toBe(layers.geofences.length);
    expect(await page.getByTestId('emergency-resource').count()).toBe(layers.emergencyResources.length);

    // Click to detail: a hazard source, a geofence, then a truck of the demo simulator.
    const h = located[0];
    await page.locator(`[data-testid="hazard-source"][data-id="${h.id}"]`).dispatchEvent('click');
    const popup = page.getByTestId('detail-popup');
    await expect.poll(() => popup.getAttribute('data-kind')).toBe('hazardSource');
    expect(await popup.getAttribute('data-id')).toBe(String(h.id));
    await page.locator(`[data-testid="geofence"][data-id="${layers.geofences[0].id}"]`).dispatchEvent('click');
    await expect.poll(() => popup.getAttribute('data-kind')).toBe('geofence');

    const truck = page.getByTestId('vehicle-marker').first();
    await truck.waitFor({ state: 'attached', timeout: 30_000 });
    const vehicleId = await truck.getAttribute('data-vehicle-id');
    expect(['moving', 'stopped', 'offline', 'alarm']).toContain(await truck.getAttribute('data-state'));
    // A truck has a detail panel of its own (crew, waybill, driving clocks), not the map's popup.
    await truck.dispatchEvent('click');
    const panel = page.locator(`[data-testid="vehicle-detail"][data-vehicle-id="${vehicleId}"]`);
    await panel.waitFor();
    const plate = (await admin.call('GET', `/api/monitor/vehicles/${vehicleId}`)).body.plate as string;
    await expect.poll(() => panel.locator('h3').textContent()).toContain(plate);
    expect(await popup.count()).toBe(0);
    await page.screenshot({ path: artefactPath('wall-map-vehicle-detail.png') });
    await page.getByTestId('detail-panel-close').click();
    expect(await panel.count()).toBe(0);

    // Offline by default: no tileset configured, no tile request, nothing fetched from another host.
    expect(await page.getByTestId('park-map').getAttribute('data-tiles')).toBe('false');
    expect(await page.locator('.leaflet-tile').count()).toBe(0);
    expect(foreign).toEqual([]);
    await page.close();
  });

  it('drilling to the city shows its outline and clusters the trucks; a user of another county sees none of them', async () => {
    // 400 more trucks of a park enterprise, spread over the county: more than the map draws one by one.
    const ent = (await admin.call('GET', '/api/enterprises?pageSize=100')).body.items.find((e: { regionCode: string }) => e.regionCode === '211321');
    const fleet: { id: number; plate: string; enterpriseId: number; regionCode: string }[] = [];
    for (let batch = 0; batch < 400; batch += 20) {
      const plates = Array.from({ length: 20 }, (_, i) => `辽N${String(10000 + batch + i)}`);
      const created = await Promise.all(plates.map((plate) => admin.call('POST', '/api/vehicles', { plate, enterpriseId: ent.id })));
      created.forEach((res, i) => {
        expect(res.status).toBe(201);
        fleet.push({ id: res.body.id, plate: plates[i], enterpriseId: ent.id, regionCode: '211321' });
      });
    }
    // Within the park (the county's sites, so inside the city's outline), a few kilometres across.
    const spread = (i: number, tick: number) => [41.505 + ((i * 37) % 100) / 3000, 120.385 + ((i * 61) % 100) / 2500 + (tick % 20) * 0.00005] as const;
    let tick = 0;
    const driving = setInterval(() => {
      tick++;
      fleet.forEach((v, i) => feed(sys, v, ...spread(i, tick), i % 5 === 0 ? 0 : 50));
    }, 1000);
    try {
      fleet.forEach((v, i) => feed(sys, v, ...spread(i, 0), 50));
      const page = await openWall(browser, sys.urls.http, 'admin', ADMIN_PASSWORD);
      await page.getByTestId('region-down').selectOption('210000');
      await page.getByTestId('region-down').selectOption('211300');
      const map = page.getByTestId('park-map');
      await expect.poll(() => map.getAttribute('data-region')).toBe('211300');
      expect(await map.getAttribute('data-region-level')).toBe('city');
      expect(await page.getByTestId('map-title').textContent()).toContain('朝阳');
      const outline = page.getByTestId('region-outline');
      await outline.waitFor({ state: 'attached' });
      expect(['points_hull', 'points_bbox']).toContain(await outline.getAttribute('data-source'));
      expect(await page.getByTestId('map-region-note').getAttribute('data-source')).toBe(await outline.getAttribute('data-source'));
      await expect.poll(() => map.getAttribute('data-vehicle-mode'), { timeout: 20_000 }).toBe('clustered');
      await expect.poll(() => page.getByTestId('vehicle-cluster').count()).toBeGreaterThan(0);
      // Every truck shown is counted once: clusters plus single markers add up to the located trucks in view.
      const counted = async () =>
        (await page.getByTestId('vehicle-cluster').evaluateAll((els) => els.reduce((n, el) => n + Number(el.getAttribute('data-count')), 0))) + (await page.getByTestId('vehicle-marker').count());
      const located = async () => Number(await page.getByTestId('map-vehicle-total').textContent()) - Number(await page.getByTestId('map-vehicle-unlocated').textContent());
      await expect.poll(async () => (await counted()) >= 400 && (await counted()) <= (await located()), { timeout: 60_000 }).toBe(true);
      await page.screenshot({ path: artefactPath('wall-map-city-clusters.png') });

      // A cluster click zooms in; past the cluster zoom each truck is single again.
      const before = Number(await map.getAttribute('data-zoom'));
      await page.getByTestId('vehicle-cluster').first().dispatchEvent('click');
      await expect.poll(async () => Number(await map.getAttribute('data-zoom'))).toBeGreaterThan(before);
      await page.close();

      // Another county (建平县): its official sees none of this county's trucks, hazard sources or clusters.
      const [{ id: orgId }] = [(await admin.call('POST', '/api/organizations', { name: '建平县应急管理局', kind: 'county', regionCode: '211322' })).body];
      const created = await admin.call('POST', '/api/users', { username: 'jianping', displayName: '建平县值班员', role: 'official', organizationId: orgId, password: 'Duty-2031-Xq7' });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const other = apiClient(sys.urls.http);
      await other.login('jianping', 'Duty-2031-Xq7');
      await other.call('POST', '/api/auth/change-password', { oldPassword: 'Duty-2031-Xq7', newPassword: 'Duty-2031-Yq8' });
      expect((await other.call('GET', '/api/monitor/vehicles')).body.items).toEqual([]);
      const theirs = await openWall(browser, sys.urls.http, 'jianping', 'Duty-2031-Yq8');
      await theirs.getByTestId('map-layers').waitFor();
      await expect.poll(() => theirs.getByTestId('park-map').getAttribute('data-region')).not.toBeNull();
      await theirs.waitForTimeout(3000); // positions keep flowing meanwhile
      expect(await theirs.getByTestId('vehicle-marker').count()).toBe(0);
      expect(await theirs.getByTestId('vehicle-cluster').count()).toBe(0);
      expect(await theirs.getByTestId('hazard-source').count()).toBe(0);
      expect(await theirs.getByTestId('map-vehicle-total').textContent()).toBe('0');
      await theirs.screenshot({ path: artefactPath('wall-map-other-county.png') });
      await theirs.close();
    } finally {
      clearInterval(driving);
    }
  }, 300_000);
});

describe('wall map with a configured tileset', () => {
  let sys: System;
  let browser: Browser;
  let tiles: http.Server;
  const requested: string[] = [];
  // 1×1 transparent PNG.
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

  beforeAll(async () => {
    tiles = http.createServer((req, res) => {
      requested.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' });
      res.end(png);
    });
    await new Promise<void>((resolve) => tiles.listen(0, '127.0.0.1', resolve));
    const port = (tiles.address() as AddressInfo).port;
    sys = await startTestSystem({ DEMO: 'true', MAP_TILE_URL: `http://127.0.0.1:${port}/tiles/{z}/{x}/{y}.png`, MAP_TILE_CRS: 'WGS-84' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await sys?.dispose();
    await new Promise((resolve) => tiles?.close(resolve));
  });

  it('requests the tiles from the configured server and draws in its coordinate system', async () => {
    const api = apiClient(sys.urls.http);
    await api.login('admin', ADMIN_PASSWORD);
    const config = (await api.call('GET', '/api/map/config')).body;
    expect(config.tiles).toMatchObject({ crs: 'WGS-84' });
    const page = await openWall(browser, sys.urls.http, 'admin', ADMIN_PASSWORD);
    const map = page.getByTestId('park-map');
    await expect.poll(() => map.getAttribute('data-tiles')).toBe('true');
    expect(await map.getAttribute('data-crs')).toBe('WGS-84');
    await expect.poll(() => requested.filter((u) => /^\/tiles\/\d+\/\d+\/\d+\.png$/.test(u)).length, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await page.getByTestId('map-crs-note').textContent()).toContain('WGS-84');
    // A hazard source is drawn at its stored WGS-84 position (no GCJ-02 shift on a WGS-84 tileset).
    const layers = (await api.call('GET', '/api/monitor/layers')).body as { hazardSources: { id: number; lat: number; lon: number }[] };
    const h = layers.hazardSources.find((x) => x.lat != null)!;
    const marker = page.locator(`[data-testid="hazard-source"][data-id="${h.id}"]`);
    await marker.waitFor({ state: 'attached' });
    expect(Number(await marker.getAttribute('data-lat'))).toBeCloseTo(h.lat, 5);
    expect(Number(await marker.getAttribute('data-lon'))).toBeCloseTo(h.lon, 5);
    await page.screenshot({ path: artefactPath('wall-map-tiles.png') });
    await page.close();
  });
});
