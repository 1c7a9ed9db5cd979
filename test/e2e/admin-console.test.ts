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
});
