import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { launchChromium, logIn } from '../support/chromium.ts';
import { ADMIN_PASSWORD, apiClient, eventually, startTestSystem } from '../support/test-system.ts';
import { artefactPath } from '../support/artefacts.ts';
import { SimulatedTerminal, simulatedDevice } from '../../device-simulator/jt808-terminal.ts';

type System = Awaited<ReturnType<typeof startTestSystem>>;

/** The Vue admin console in Debian's Chromium against the whole system: metadata-driven forms, declared actions, scoping. */
describe('admin console in Chromium', () => {
  let sys: System;
  let browser: Browser;
  let api: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    sys = await startTestSystem();
    browser = await launchChromium();
    api = apiClient(sys.urls.http);
    await api.login('admin', ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await sys?.dispose();
  });

  /** A fresh tab logged in at 1366×768, the smallest screen the console is made for. */
  async function openConsole(username = 'admin', password = ADMIN_PASSWORD, options: BrowserContextOptions = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, ...options });
    const page = await context.newPage();
    await logIn(page, `${sys.urls.http}/admin/`, username, password);
    await page.getByTestId('admin').waitFor();
    return page;
  }
  const row = (page: Page, id: number) => page.getByTestId(`row-${id}`);
  const tableRows = (page: Page) => page.getByTestId('record-table').locator('tbody tr');
  const enterprise = async (code: string, name: string, regionCode: string) => (await api.call('POST', '/api/enterprises', { code, name, regionCode })).body.id as number;
  /** Shanghai wall-clock text of an instant, computed here independently of the page. */
  const shanghai = (iso: string) => new Date(iso).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai', hourCycle: 'h23' });

  it('creates an enterprise through the generated form, with per-field errors first, the region from the cascader', async () => {
    const page = await openConsole();
    await page.getByTestId('menu-enterprises').click();
    await page.getByTestId('btn-create').click();
    const form = page.getByTestId('record-form');
    await form.getByTestId('input-code').fill('bad-code');
    await form.getByTestId('input-name').fill('演示化工有限公司');
    await form.getByTestId('input-regionCode').click();
    for (const code of ['210000', '211300', '211321']) await page.getByTestId(`region-${code}`).locator('visible=true').click();
    await page.getByTestId('record-submit').click();
    await expect.poll(() => form.getByTestId('error-code').textContent()).toContain('统一社会信用代码');

    await form.getByTestId('input-code').fill('91211321MA0000007G');
    await page.getByTestId('record-submit').click();
    await tableRows(page).filter({ hasText: '演示化工有限公司' }).waitFor();
    await page.screenshot({ path: artefactPath('admin-enterprises.png') });

    const list = await api.call('GET', '/api/enterprises?q=演示化工');
    expect(list.body.items).toEqual([expect.objectContaining({ code: '91211321MA0000007G', regionCode: '211321' })]);
    const audit = await api.call('GET', `/api/audit?module=enterprises&recordId=${list.body.items[0].id}`);
    expect(audit.body.items).toEqual([expect.objectContaining({ action: 'create', actor: 'admin' })]);
    await page.context().close();
  });

  it('filters by a reference field with a select of the referenced records the user may see', async () => {
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

    const page = await openConsole('cy-official', 'County-pass2');
    await page.getByTestId('menu-enterprise-units').click();
    await tableRows(page).filter({ hasText: '南厂一车间' }).waitFor();
    await page.getByTestId('filter-enterpriseId').getByTestId('input-enterpriseId').click();
    const options = page.getByTestId(/^option-enterpriseId-/);
    await page.getByTestId(`option-enterpriseId-${south}`).waitFor();
    const labels = await options.allTextContents();
    expect(labels).toEqual(expect.arrayContaining(['朝阳北化工有限公司', '朝阳南化工有限公司']));
    expect(labels).not.toContain('建平化工有限公司');

    await page.getByTestId(`option-enterpriseId-${north}`).click();
    await tableRows(page).filter({ hasText: '南厂一车间' }).waitFor({ state: 'detached' });
    expect(await tableRows(page).allTextContents()).toEqual([expect.stringContaining('北厂一车间')]);
    await page.context().close();
  });

  it('runs the declared 属地调整 from the generic record drawer: a cascader input, a reason, an audited move', async () => {
    const id = await enterprise('91211321MA0000011M', '朝阳迁址化工有限公司', '211321');
    const page = await openConsole();
    await page.getByTestId('menu-enterprises').click();
    await row(page, id).getByTestId('row-view').click();
    await page.getByTestId('record-details').filter({ hasText: '朝阳迁址化工有限公司' }).waitFor();
    await page.getByTestId('action-move-region').click();
    const dialog = page.getByTestId('action-dialog');
    await dialog.getByTestId('input-regionCode').click();
    for (const code of ['210000', '211300', '211322']) await page.getByTestId(`region-${code}`).locator('visible=true').click();
    await dialog.getByTestId('action-form').getByTestId('input-reason').fill('企业整体搬迁至建平县');
    await page.getByTestId('action-submit').click();
    await eventually(async () => (await api.call('GET', `/api/enterprises/${id}`)).body.regionCode === '211322', 'moved');
    await page.getByTestId('action-dialog').waitFor({ state: 'detached' });
    const audit = await api.call('GET', `/api/audit?module=enterprises&recordId=${id}&action=move`);
    expect(audit.body.items).toEqual([expect.objectContaining({ actor: 'admin', after: expect.objectContaining({ regionCode: '211322', reason: '企业整体搬迁至建平县' }) })]);
    await expect.poll(() => page.getByTestId('value-regionCode').textContent()).toBe('211322');
    await page.screenshot({ path: artefactPath('admin-move-region.png') });
    await page.context().close();
  });

  it('runs the declared 重置密钥 of a gateway and shows the new secret once', async () => {
    const owner = await enterprise('91211321MA0000012N', '朝阳网关化工有限公司', '211321');
    const created = (await api.call('POST', '/api/devices', { code: 'GW-ROTATE-01', name: '轮换网关', enterpriseId: owner })).body;
    expect(created.secret).toEqual(expect.any(String));
    const page = await openConsole();
    await page.getByTestId('menu-devices').click();
    await row(page, created.id).getByTestId('row-view').click();
    await page.getByTestId('action-rotate-secret').click();
    await page.getByTestId('confirm-ok').click();
    const secret = (await page.getByTestId('reveal-value').textContent())?.trim();
    expect(secret).toMatch(/^\S{16,}$/);
    expect(secret).not.toBe(created.secret);
    await page.screenshot({ path: artefactPath('admin-rotate-secret.png') });
    await page.getByTestId('reveal-ok').click();
    await page.getByTestId('reveal-dialog').waitFor({ state: 'hidden' });
    await page.context().close();
  });

  it('shows times on the Shanghai clock and keeps date fields as calendar dates in a browser set to New York', async () => {
    const owner = await enterprise('91211321MA0000013P', '朝阳时区运输有限公司', '211321');
    const vehicle = (await api.call('POST', '/api/vehicles', { plate: '辽N·T0115', enterpriseId: owner, inspectionExpiresOn: '2030-01-15' })).body;
    const page = await openConsole('admin', ADMIN_PASSWORD, { timezoneId: 'America/New_York' });
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('America/New_York');

    await page.getByTestId('menu-audit-log').click();
    const expected = (await api.call('GET', '/api/audit?page=1&pageSize=20')).body.items.map((e: { at: string }) => shanghai(e.at));
    await expect.poll(() => page.getByTestId('audit-at').allTextContents()).toEqual(expected);

    await page.getByTestId('menu-vehicles').click();
    await tableRows(page).filter({ hasText: '辽N·T0115' }).filter({ hasText: '2030-01-15' }).waitFor();
    await row(page, vehicle.id).getByTestId('row-edit').click();
    await expect.poll(() => page.getByTestId('record-form').getByTestId('input-inspectionExpiresOn').locator('input').inputValue()).toBe('2030-01-15');
    await page.getByTestId('record-form').getByTestId('input-speedLimitKmh').locator('input').fill('80');
    await page.getByTestId('record-submit').click();
    await page.getByTestId('record-drawer').waitFor({ state: 'detached' });
    expect((await api.call('GET', `/api/vehicles/${vehicle.id}`)).body).toEqual(expect.objectContaining({ inspectionExpiresOn: '2030-01-15', speedLimitKmh: 80 }));
    await page.screenshot({ path: artefactPath('admin-vehicles-new-york.png') });
    await page.context().close();
  });

  it('an impostor terminal raises 终端身份冲突 in /api/alarms; the vehicle page releases the binding and the new terminal binds', async () => {
    const carrier = await enterprise('91211321MA0000010L', '朝阳通达危险货物运输有限公司', '211321');
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

      const page = await openConsole();
      await page.getByTestId('menu-vehicles').click();
      await row(page, vehicle.id).getByTestId('row-view').click();
      await page.getByTestId('record-details').filter({ hasText: 'T000001' }).waitFor(); // the bound terminal is shown
      await page.getByTestId('action-release-terminal').click();
      await page.getByTestId('confirm-ok').click();
      await eventually(async () => (await api.call('GET', `/api/vehicles/${vehicle.id}`)).body.terminalId === null, 'binding released');
      // released: the action is no longer offered on this record
      await page.getByTestId('action-release-terminal').waitFor({ state: 'detached' });

      expect(await replacement.register()).toBe(0);
      expect(await replacement.authenticate()).toBe(0);
      const audit = await api.call('GET', `/api/audit?module=vehicles&recordId=${vehicle.id}&action=release_terminal`);
      expect(audit.body.items).toEqual([expect.objectContaining({ actor: 'admin', before: expect.objectContaining({ terminalId: 'T000001' }), after: expect.objectContaining({ terminalId: null }) })]);
      await page.context().close();
    } finally {
      for (const t of terminals) t.close();
    }
  });

  it('resets a user\'s password with the declared action; the user must change it at the next login', async () => {
    const org = (await api.call('POST', '/api/organizations', { name: '建平县应急管理局', kind: 'county', regionCode: '211322' })).body.id;
    const user = (await api.call('POST', '/api/users', { username: 'jp-official', displayName: '建平县局', role: 'official', organizationId: org, password: 'Initial-pass1' })).body;
    const page = await openConsole();
    await page.getByTestId('menu-users').click();
    await row(page, user.id).getByTestId('action-reset-password').click();
    await page.getByTestId('confirm-ok').click();
    const password = (await page.getByTestId('reveal-value').textContent())!.trim();
    await page.getByTestId('reveal-ok').click();
    await page.context().close();

    const tab = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await logIn(tab, `${sys.urls.http}/admin/`, 'jp-official', password);
    await tab.getByTestId('password-change-form').waitFor();
    await tab.getByTestId('password-old').fill(password);
    await tab.getByTestId('password-new').fill('Jianping-pass2');
    await tab.getByTestId('password-confirm').fill('Jianping-pass2');
    await tab.getByTestId('password-submit').click();
    await tab.getByTestId('admin').waitFor();
    await tab.getByTestId('logout').click();
    await tab.getByTestId('login-form').waitFor();
    await tab.close();
  });
});
