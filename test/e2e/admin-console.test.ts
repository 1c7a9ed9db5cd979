import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ADMIN_PASSWORD, apiClient, eventually, startTestSystem } from '../support/test-system.ts';
import { SimulatedTerminal, simulatedDevice } from '../../device-simulator/jt808-terminal.ts';

type System = Awaited<ReturnType<typeof startTestSystem>>;

/** The admin console in Debian's Chromium against the whole system: metadata-driven forms, validation, scoping. */
describe('admin console in Chromium', () => {
  let sys: System;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    sys = await startTestSystem();
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  });
  afterAll(async () => {
    await browser?.close();
    await sys?.dispose();
  });

  it('creates an enterprise through the generated form, with per-field errors first', async () => {
    await page.goto(`${sys.urls.http}/admin/`);
    await page.fill('#username', 'admin');
    await page.fill('#password', ADMIN_PASSWORD);
    await page.click('#login-submit');
    await page.waitForSelector('#admin', { state: 'visible' });
    await page.click('a.menu-item[data-module="enterprises"]');
    await page.click('#btn-create');
    const form = page.locator('form#record-form');
    await form.locator('[name="code"]').fill('bad-code');
    await form.locator('[name="name"]').fill('演示化工有限公司');
    await form.locator('[name="regionCode"]').fill('211321');
    await page.click('#record-submit');
    await page.locator('.field-error[data-field="code"]').filter({ hasText: '统一社会信用代码' }).waitFor();

    await form.locator('[name="code"]').fill('91211321MA0000007G');
    await page.click('#record-submit');
    await page.locator('table.data-table tr[data-id]').filter({ hasText: '演示化工有限公司' }).waitFor();

    const api = apiClient(sys.urls.http);
    await api.login('admin', ADMIN_PASSWORD);
    const list = await api.call('GET', '/api/enterprises?q=演示化工');
    expect(list.body.items).toEqual([expect.objectContaining({ code: '91211321MA0000007G', regionCode: '211321' })]);
    const audit = await api.call('GET', `/api/audit?module=enterprises&recordId=${list.body.items[0].id}`);
    expect(audit.body.items).toEqual([expect.objectContaining({ action: 'create', actor: 'admin' })]);
  });

  it('filters by a reference field with a select of the referenced records the user may see', async () => {
    const api = apiClient(sys.urls.http);
    await api.login('admin', ADMIN_PASSWORD);
    const enterprise = async (code: string, name: string, regionCode: string) => (await api.call('POST', '/api/enterprises', { code, name, regionCode })).body.id as number;
    const unit = (enterpriseId: number, code: string, name: string) => api.call('POST', '/api/enterprise-units', { enterpriseId, code, name });
    const north = await enterprise('91211321MA0000008H', '朝阳北化工有限公司', '211321');
    const south = await enterprise('91211321MA0000009J', '朝阳南化工有限公司', '211321');
    const jianping = await enterprise('91211322MA000000XK', '建平化工有限公司', '211322');
    await unit(north, 'N-01', '北厂一车间');
    await unit(south, 'S-01', '南厂一车间');
    await unit(jianping, 'J-01', '建平一车间');
    const org = (await api.call('POST', '/api/organizations', { name: '朝阳县应急管理局', kind: 'county', regionCode: '211321' })).body.id;
    await api.call('POST', '/api/users', { username: 'cy-official', displayName: '县局', role: 'official', organizationId: org, password: 'Initial-pass1' });
    const county = apiClient(sys.urls.http);
    await county.login('cy-official', 'Initial-pass1');
    expect((await county.call('POST', '/api/auth/change-password', { oldPassword: 'Initial-pass1', newPassword: 'County-pass2' })).status).toBe(200);

    const countyPage = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await countyPage.goto(`${sys.urls.http}/admin/`);
    await countyPage.fill('#username', 'cy-official');
    await countyPage.fill('#password', 'County-pass2');
    await countyPage.click('#login-submit');
    await countyPage.waitForSelector('#admin', { state: 'visible' });
    await countyPage.click('a.menu-item[data-module="enterprise-units"]');
    const filter = countyPage.locator('select[data-filter="enterpriseId"]');
    await filter.locator('option', { hasText: '朝阳南化工有限公司' }).waitFor({ state: 'attached' });
    const options = await filter.locator('option').allTextContents();
    expect(options).toEqual(expect.arrayContaining(['全部', '朝阳北化工有限公司', '朝阳南化工有限公司']));
    expect(options).not.toContain('建平化工有限公司');

    const rows = countyPage.locator('table.data-table tr[data-id]');
    await rows.filter({ hasText: '南厂一车间' }).waitFor();
    await filter.selectOption({ label: '朝阳北化工有限公司' });
    await rows.filter({ hasText: '南厂一车间' }).waitFor({ state: 'detached' });
    expect(await rows.allTextContents()).toEqual([expect.stringContaining('北厂一车间')]);
    await countyPage.close();
  });

  it('an impostor terminal raises 终端身份冲突 in /api/alarms; the vehicle page releases the binding and the new terminal binds', async () => {
    const api = apiClient(sys.urls.http);
    await api.login('admin', ADMIN_PASSWORD);
    const carrier = (await api.call('POST', '/api/enterprises', { code: '91211321MA0000010L', name: '朝阳通达危险货物运输有限公司', regionCode: '211321' })).body.id;
    const vehicle = (await api.call('POST', '/api/vehicles', { plate: '辽N·D2871', enterpriseId: carrier, terminalPhone: '13800000001' })).body;
    const terminals: SimulatedTerminal[] = [];
    const terminal = async (device: Partial<ReturnType<typeof simulatedDevice>>) => {
      const t = new SimulatedTerminal('13800000001', '辽N·D2871', '2013', { ...simulatedDevice('13800000001'), ...device });
      terminals.push(t);
      await t.connect(sys.ports.jt808);
      return t;
    };
    try {
      const real = await terminal({});
      expect(await real.register()).toBe(0);
      expect(await real.authenticate()).toBe(0);
      const replacement = await terminal({ terminalId: 'N000001', makerId: 'NEW01' });
      expect(await replacement.register()).toBe(3);
      const alarms = await eventually(async () => {
        const open = (await api.call('GET', '/api/alarms?state=open')).body.items.filter((a: { type: string }) => a.type === 'terminal_identity_conflict');
        return open.length > 0 && open;
      }, 'identity conflict alarm');
      expect(alarms).toEqual([expect.objectContaining({ severity: 'major', source: { kind: 'vehicle', id: vehicle.id, name: '辽N·D2871' } })]);
      expect((await api.call('GET', '/api/alarms/types')).body.labels.terminal_identity_conflict).toBe('终端身份冲突');

      const admin = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
      await admin.goto(`${sys.urls.http}/admin/`);
      await admin.fill('#username', 'admin');
      await admin.fill('#password', ADMIN_PASSWORD);
      await admin.click('#login-submit');
      await admin.waitForSelector('#admin', { state: 'visible' });
      await admin.click('a.menu-item[data-module="vehicles"]');
      await admin.locator('table.data-table tr[data-id]').filter({ hasText: '辽N·D2871' }).locator('a.act-view').click();
      await admin.locator('.record-drawer').filter({ hasText: 'T000001' }).waitFor(); // the bound terminal is shown
      await admin.click('.record-drawer button[data-action="release-terminal"]');
      await admin.click('#confirm-ok');
      await eventually(async () => (await api.call('GET', `/api/vehicles/${vehicle.id}`)).body.terminalId === null, 'binding released');

      expect(await replacement.register()).toBe(0);
      expect(await replacement.authenticate()).toBe(0);
      const audit = await api.call('GET', `/api/audit?module=vehicles&recordId=${vehicle.id}&action=release_terminal`);
      expect(audit.body.items).toEqual([expect.objectContaining({ actor: 'admin', before: expect.objectContaining({ terminalId: 'T000001' }), after: expect.objectContaining({ terminalId: null }) })]);
      await admin.close();
    } finally {
      for (const t of terminals) t.close();
    }
  });
});
