import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ADMIN_PASSWORD, apiClient, startTestSystem } from '../support/test-system.ts';

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
});
