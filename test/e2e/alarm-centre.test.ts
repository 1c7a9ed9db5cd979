import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, logIn } from '../support/chromium.ts';
import { SimulatedTerminal } from '../../device-simulator/jt808-terminal.ts';
import { ADMIN_PASSWORD, apiClient, eventually, startTestSystem } from '../support/test-system.ts';
import { artefactPath } from '../support/artefacts.ts';

type System = Awaited<ReturnType<typeof startTestSystem>>;

/** The alarm centre in the console: a rule edited in the page governs the next alarm; statistics agree with history. */
describe('alarm centre in Chromium', () => {
  let sys: System;
  let api: ReturnType<typeof apiClient>;
  let browser: Browser;
  let truck: SimulatedTerminal;
  let vehicleId: number;
  let ruleId: number;
  // Device times just behind the clock: the rules run on them, and the gateway takes them as live.
  let deviceTime = Date.now() - 10 * 60_000;

  async function drive(speedKmh: number, seconds: number) {
    for (let s = 0; s <= seconds; s += 5) {
      deviceTime += 5_000;
      expect(await truck.report({ lat: 32.05, lon: 118.78, speedKmh, direction: 90, time: new Date(deviceTime) })).toBe(0);
    }
    await sys.alarmsSettled();
  }
  const overspeedAlarms = async () =>
    ((await api.call('GET', '/api/alarms?state=all&limit=500')).body.items as { type: string; source: { kind: string; id: number } }[]).filter((a) => a.type === 'overspeed' && a.source.id === vehicleId);

  async function openConsole(username: string, password: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await logIn(page, `${sys.urls.http}/admin/`, username, password);
    await page.getByTestId('admin').waitFor();
    return page;
  }

  beforeAll(async () => {
    sys = await startTestSystem();
    api = apiClient(sys.urls.http);
    await api.login('admin', ADMIN_PASSWORD);
    const enterprise = (await api.call('POST', '/api/enterprises', { code: '91320116MA1CENTR1X', name: '报警中心测试危运有限公司', regionCode: '320116' })).body;
    const vehicle = await api.call('POST', '/api/vehicles', { plate: '苏A·C0301', enterpriseId: enterprise.id, terminalPhone: '13900000301' });
    vehicleId = vehicle.body.id;
    truck = new SimulatedTerminal('13900000301', vehicle.body.plate);
    await truck.connect(sys.ports.jt808);
    expect(await truck.register()).toBe(0);
    expect(await truck.authenticate()).toBe(0);
    const rule = await api.call('POST', '/api/alarm-rules', { kind: 'overspeed', name: '报警中心测试限速', enterpriseId: enterprise.id, params: { limitKmh: 90, sustainS: 10 } });
    expect(rule.status).toBe(201);
    ruleId = rule.body.id;
    browser = await launchChromium();
  });
  afterAll(async () => {
    truck?.close();
    await browser?.close();
    await sys?.dispose();
  });

  it('saves a rule edited in the page as a new version, and the next alarm follows the new limit', async () => {
    await drive(75, 30);
    expect(await overspeedAlarms()).toEqual([]);

    const page = await openConsole('admin', ADMIN_PASSWORD);
    await page.getByTestId('menu-alarm-rules').click();
    await page.getByTestId(`rule-edit-${ruleId}`).click();
    const limit = page.getByTestId('rule-param-limitKmh').locator('input');
    expect(await limit.inputValue()).toBe('90');
    await limit.fill('70');
    await limit.press('Tab');
    await page.getByTestId('rule-save').click();
    await eventually(async () => ((await api.call('GET', `/api/alarm-rules/${ruleId}/versions`)).body.items.length === 2 ? true : undefined), 'second version');
    const diff = (await api.call('GET', `/api/alarm-rules/${ruleId}/diff`)).body;
    expect(diff.changes).toEqual([expect.objectContaining({ field: 'params.limitKmh', before: 90, after: 70 })]);

    await page.getByTestId(`rule-history-${ruleId}`).click();
    await expect.poll(() => page.getByTestId('rule-diff').textContent()).toContain('70');
    await page.screenshot({ path: artefactPath('alarm-centre-rule-diff.png') });

    await drive(75, 30);
    await eventually(async () => ((await overspeedAlarms()).length === 1 ? true : undefined), 'overspeed alarm under the edited limit');
    await page.close();
  });

  it('shows statistics that match the history for the same filter', async () => {
    const page = await openConsole('admin', ADMIN_PASSWORD);
    await page.getByTestId('menu-alarm-history').click();
    const history = (await api.call('GET', '/api/alarms/history?limit=1')).body.total as number;
    expect(history).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('alarm-history-total').textContent()).toBe(String(history));

    // The same filter on both pages: overspeed only.
    await page.getByTestId('filter-type').click();
    await page.getByRole('option', { name: '超速', exact: true }).click();
    await page.getByTestId('filter-search').click();
    const overspeed = (await api.call('GET', '/api/alarms/history?type=overspeed&limit=1')).body.total as number;
    await expect.poll(() => page.getByTestId('alarm-history-total').textContent()).toBe(String(overspeed));

    await page.getByTestId('menu-alarm-statistics').click();
    await page.getByTestId('filter-type').click();
    await page.getByRole('option', { name: '超速', exact: true }).click();
    await page.getByTestId('filter-search').click();
    await expect.poll(() => page.getByTestId('stat-total').textContent()).toBe(String(overspeed));
    await page.screenshot({ path: artefactPath('alarm-centre-statistics.png') });
    await page.close();
  });

  it('shows a user of another region none of these alarms', async () => {
    const org = (await api.call('POST', '/api/organizations', { name: '北京市应急管理局', kind: 'province', regionCode: '110000' })).body.id;
    await api.call('POST', '/api/users', { username: 'bj-official', displayName: '北京市局', role: 'official', organizationId: org, password: 'Initial-pass1' });
    const other = apiClient(sys.urls.http);
    await other.login('bj-official', 'Initial-pass1');
    expect((await other.call('POST', '/api/auth/change-password', { oldPassword: 'Initial-pass1', newPassword: 'Beijing-pass2' })).status).toBe(200);
    const page = await openConsole('bj-official', 'Beijing-pass2');
    await page.getByTestId('menu-alarm-history').click();
    await expect.poll(() => page.getByTestId('alarm-history-total').textContent()).toBe('0');
    await page.getByTestId('menu-alarm-statistics').click();
    await expect.poll(() => page.getByTestId('stat-total').textContent()).toBe('0');
    await page.getByTestId('menu-alarm-rules').click();
    await page.getByTestId('rule-table').waitFor();
    expect(await page.getByTestId(`rule-edit-${ruleId}`).count()).toBe(0);
    await page.close();
  });
});
