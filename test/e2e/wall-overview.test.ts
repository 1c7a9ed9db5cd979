import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
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
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    admin = apiClient(sys.urls.http);
    await admin.login('admin', ADMIN_PASSWORD);
    // Another county's enterprise: the county user must not count it.
    const created = await admin.call('POST', '/api/enterprises', { code: '91211322MA0000001A', name: '建平县演示化工有限公司', regionCode: '211322' });
    expect(created.status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await sys?.dispose();
  });

  async function openWall(username: string, password: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${sys.urls.http}/wall/`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('overview').waitFor();
    return page;
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

  it('shows the API\'s figures and follows a drill from the top down to the park and back', async () => {
    const page = await openWall('admin', ADMIN_PASSWORD);
    const top = await expectFiguresOf(page, admin, undefined);
    expect(top.enterprises).toBeGreaterThan(1);

    const seen: number[] = [];
    for (const code of ['210000', '211300', '211321']) {
      await page.getByTestId('region-down').selectOption(code);
      await expect.poll(() => page.getByTestId('overview').getAttribute('data-region')).toBe(code);
      seen.push((await expectFiguresOf(page, admin, code)).enterprises);
    }
    const park = await page.getByTestId('region-down').locator('option:not([disabled])').first().getAttribute('value');
    expect(park).toMatch(/^park:\d+$/);
    await page.getByTestId('region-down').selectOption(park!);
    await expect.poll(() => page.getByTestId('region-current').textContent()).toContain('柳城');
    const parkFigures = await expectFiguresOf(page, admin, park!);
    await page.screenshot({ path: artefactPath('wall-overview-park.png') });
    // The other county's enterprise counts in the province and city, not in the county or park.
    expect(seen[0]).toBe(top.enterprises);
    expect(seen[2]).toBe(seen[1] - 1);
    expect(parkFigures.enterprises).toBeLessThanOrEqual(seen[2]);

    await page.getByTestId('region-up-000000').click();
    await expectFiguresOf(page, admin, undefined);
    await page.close();
  });

  it('keeps a county user inside the county: no way up, and only the county\'s figures', async () => {
    const county = apiClient(sys.urls.http);
    await county.login('211321', '123456');
    expect((await county.call('POST', '/api/auth/change-password', { oldPassword: '123456', newPassword: 'Chaoyang2031x' })).status).toBe(200);
    const page = await openWall('211321', 'Chaoyang2031x');
    await expect.poll(() => page.getByTestId('region-current').textContent()).toContain('朝阳县');
    expect(await page.locator('[data-testid^="region-up-"]').count()).toBe(0);
    const figures = await expectFiguresOf(page, county, undefined);
    const all = (await admin.call('GET', '/api/monitor/overview')).body;
    expect(figures.enterprises).toBe(all.enterprises - 1);
    // Asking the API for a wider region is refused rather than answered.
    expect((await county.call('GET', '/api/monitor/overview?region=211300')).status).toBe(403);
    await page.close();
  });
});
