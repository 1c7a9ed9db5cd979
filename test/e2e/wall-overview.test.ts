import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, logIn } from '../support/chromium.ts';
import { ADMIN_PASSWORD, apiClient, startTestSystem } from '../support/test-system.ts';
import { artefactPath } from '../support/artefacts.ts';

type System = Awaited<ReturnType<typeof startTestSystem>>;
type Api = ReturnType<typeof apiClient>;

/** The wall's overview strip and region drill-down in Chromium, against the API's own figures for the same scope. */
describe('wall overview and region drill-down', () => {
  let sys: System;
  let browser: Browser;
  let admin: Api;

  beforeAll(async () => {
    sys = await startTestSystem({ DEMO: 'true' });
    browser = await launchChromium();
    admin = apiClient(sys.urls.http);
    await admin.login('admin', ADMIN_PASSWORD);
    // Another county's enterprise: the county user must not count it.
    const created = await admin.call('POST', '/api/enterprises', { code: '91211322MA0000001A', name: '建平县演示化工有限公司', regionCode: '211322' });
    expect(created.status).toBe(201);
    // …with a tank, so the tank list has something to leave out when the wall drills into 朝阳县.
    const tank = await admin.call('POST', '/api/tanks', { enterpriseId: created.body.id, code: 'JP-T01', name: '建平1号储罐', medium: '甲醇' });
    expect(tank.status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await sys?.dispose();
  });

  async function openWall(username: string, password: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await logIn(page, `${sys.urls.http}/wall/`, username, password);
    await page.getByTestId('overview').waitFor();
    return page;
  }

  /** A demo user (initial password 123456) past the forced password change: its API client and its wall. */
  async function demoUserWall(username: string, password: string): Promise<{ api: Api; page: Page }> {
    const api = apiClient(sys.urls.http);
    await api.login(username, '123456');
    expect((await api.call('POST', '/api/auth/change-password', { oldPassword: '123456', newPassword: password })).status).toBe(200);
    return { api, page: await openWall(username, password) };
  }

  /** The page and the API agree on every figure for the region; live devices move the alarm counts, so ask both again until they do. */
  async function expectFiguresOf(page: Page, api: Api, region: string | undefined) {
    const query = region ? `?region=${encodeURIComponent(region)}` : '';
    let expected: { enterprises: number; hazardSources: { total: number }; openAlarms: { total: number }; todayAlarms: { total: number } } | undefined;
    await expect
      .poll(
        async () => {
          expected = (await api.call('GET', `/api/monitor/overview${query}`)).body;
          const shown = await Promise.all(['overview-enterprises-value', 'overview-hazard-sources-value', 'overview-open-alarms-total', 'overview-today-total'].map((id) => page.getByTestId(id).textContent()));
          return shown.join(' ') === [expected!.enterprises, expected!.hazardSources.total, expected!.openAlarms.total, expected!.todayAlarms.total].join(' ');
        },
        { timeout: 20_000, interval: 500 },
      )
      .toBe(true);
    return expected!;
  }

  /** The tank list shows exactly the region's tanks, and every listed alarm is one the region's open alarms contain. */
  async function expectListsOf(page: Page, api: Api, region: string | undefined) {
    const query = region ? `?region=${encodeURIComponent(region)}` : '';
    const tanks = ((await api.call('GET', `/api/monitor/tanks${query}`)).body.items as { id: number }[]).map((t) => String(t.id)).sort();
    // The panel draws only the cards in view; its list names every tank it holds.
    const listed = async () => ((await page.getByTestId('tank-list').getAttribute('data-tank-ids')) ?? '').split(',').filter(Boolean).sort().join();
    await expect.poll(listed, { timeout: 20_000 }).toBe(tanks.join());
    const drawn = await page.getByTestId('tank-card').evaluateAll((els) => els.map((e) => e.getAttribute('data-tank-id')));
    expect(drawn.filter((id) => !tanks.includes(id!))).toEqual([]);
    const members = (await api.call('GET', `/api/regions/members${query}`)).body as { enterpriseIds: number[] };
    const open = (await api.call('GET', '/api/alarms?state=open&limit=500')).body.items as { id: number; enterpriseId: number | null }[];
    const inRegion = new Set(open.filter((a) => a.enterpriseId == null || members.enterpriseIds.includes(a.enterpriseId)).map((a) => String(a.id)));
    const shown = await page.getByTestId('alarm-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-alarm-id')));
    // Alarms raised between the two reads may be listed already: only an alarm from outside the region is wrong.
    const outside = open.filter((a) => !inRegion.has(String(a.id))).map((a) => String(a.id));
    expect(shown.filter((id) => outside.includes(id!))).toEqual([]);
    return tanks.length;
  }

  it('shows the API\'s figures and follows a drill from the top down to the park and back', async () => {
    const page = await openWall('admin', ADMIN_PASSWORD);
    const top = await expectFiguresOf(page, admin, undefined);
    expect(top.enterprises).toBeGreaterThan(1);

    const allTanks = await expectListsOf(page, admin, undefined);
    const seen: number[] = [];
    const tankCounts: number[] = [];
    for (const code of ['210000', '211300', '211321']) {
      await page.getByTestId('region-down').selectOption(code);
      await expect.poll(() => page.getByTestId('overview').getAttribute('data-region')).toBe(code);
      seen.push((await expectFiguresOf(page, admin, code)).enterprises);
      tankCounts.push(await expectListsOf(page, admin, code));
    }
    // 建平县's tank is on the province's and the city's lists, not on 朝阳县's.
    expect(tankCounts).toEqual([allTanks, allTanks, allTanks - 1]);
    expect(await page.getByTestId('tank-panel-region').textContent()).toContain('朝阳县');
    const park = await page.getByTestId('region-down').locator('option:not([disabled])').first().getAttribute('value');
    expect(park).toMatch(/^park:\d+$/);
    await page.getByTestId('region-down').selectOption(park!);
    await expect.poll(() => page.getByTestId('region-current').textContent()).toContain('柳城');
    const parkFigures = await expectFiguresOf(page, admin, park!);
    await expectListsOf(page, admin, park!);
    await page.screenshot({ path: artefactPath('wall-overview-park.png') });
    // The other county's enterprise counts in the province and city, not in the county or park.
    expect(seen[0]).toBe(top.enterprises);
    expect(seen[2]).toBe(seen[1] - 1);
    expect(parkFigures.enterprises).toBeLessThanOrEqual(seen[2]);

    await page.getByTestId('region-up-000000').click();
    await expectFiguresOf(page, admin, undefined);
    expect(await expectListsOf(page, admin, undefined)).toBe(allTanks);
    expect(await page.getByTestId('tank-panel-region').count()).toBe(0);
    await page.close();
  }, 180_000);

  it('keeps a county user inside the county: no way up, and only the county\'s figures', async () => {
    const { api: county, page } = await demoUserWall('211321', 'Chaoyang2031x');
    await expect.poll(() => page.getByTestId('region-current').textContent()).toContain('朝阳县');
    expect(await page.locator('[data-testid^="region-up-"]').count()).toBe(0);
    const figures = await expectFiguresOf(page, county, undefined);
    const all = (await admin.call('GET', '/api/monitor/overview')).body;
    expect(figures.enterprises).toBe(all.enterprises - 1);
    // Asking the API for a wider region is refused rather than answered.
    expect((await county.call('GET', '/api/monitor/overview?region=211300')).status).toBe(403);
    await page.close();
  });

  it("shows an enterprise user its own enterprise's figures, without an error", async () => {
    // The enterprise's root in the drill-down is no region code: the strip and the map used to send it as one (400).
    const { api: ent, page } = await demoUserWall('hjxcl_admin', 'Huajin2031x');
    await expect.poll(() => page.getByTestId('region-current').textContent()).toContain('华锦');
    const figures = await expectFiguresOf(page, ent, undefined);
    expect(figures.enterprises).toBe(1);
    // The map's layers are the enterprise's: its hazard sources are drawn.
    const hazards = ((await ent.call('GET', '/api/monitor/layers')).body.hazardSources as { lat: number | null; lon: number | null }[]).filter((h) => h.lat != null && h.lon != null);
    expect(hazards.length).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('hazard-source').count()).toBe(hazards.length);
    expect(await page.getByRole('alert').allTextContents()).toEqual([]);
    await page.close();
  });
});
