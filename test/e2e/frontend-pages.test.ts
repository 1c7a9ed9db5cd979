import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, logIn } from '../support/chromium.ts';
import { ADMIN_PASSWORD, startTestSystem } from '../support/test-system.ts';
import { API_TYPES_FILE, apiTypesSource } from '../support/api-types.ts';
import { artefactPath } from '../support/artefacts.ts';
import { fontFamilyOf, loadedFontFamilies } from '../support/browser.ts';

type System = Awaited<ReturnType<typeof startTestSystem>>;

/** The built pages against the running server: typed from its spec, complete without the internet, CJK in /docs. */
describe('frontend pages', () => {
  let sys: System;
  let browser: Browser;

  beforeAll(async () => {
    sys = await startTestSystem();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await sys?.dispose();
  });

  it('has API types generated from exactly the running server\'s OpenAPI spec', async () => {
    const spec = (await (await fetch(`${sys.urls.http}/docs/json`)).json()) as object;
    const checkedIn = await readFile(API_TYPES_FILE, 'utf8');
    // On a mismatch run `npm run api-types` and commit the result, with the frontend changes it calls for.
    expect(checkedIn === (await apiTypesSource(spec)), `${API_TYPES_FILE} is stale: run npm run api-types`).toBe(true);
  });

  for (const page of ['wall', 'admin'] as const) {
    it(`loads /${page}/ and logs in with every request answered by our own server`, async () => {
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
      const origin = new URL(sys.urls.http).origin;
      const elsewhere: string[] = [];
      const failed: string[] = [];
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
        elsewhere.push(url);
        return route.abort('internetdisconnected');
      });
      const tab = await context.newPage();
      tab.on('requestfailed', (req) => failed.push(`${req.url()} ${req.failure()?.errorText}`));
      tab.on('response', (res) => res.status() >= 400 && failed.push(`${res.url()} HTTP ${res.status()}`));
      await logIn(tab, `${sys.urls.http}/${page}/`, 'admin', ADMIN_PASSWORD);
      await tab.getByTestId(page).waitFor();
      await tab.waitForLoadState('networkidle');
      expect(await loadedFontFamilies(tab)).toContain('Noto Sans SC');
      await tab.screenshot({ path: artefactPath(`frontend-${page}.png`) });
      expect(elsewhere).toEqual([]);
      expect(failed).toEqual([]);
      await context.close();
    });
  }

  it('renders /docs with the project\'s CJK font, offline', async () => {
    const context = await browser.newContext();
    const origin = new URL(sys.urls.http).origin;
    const elsewhere: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin) || url.startsWith('data:')) return route.continue();
      elsewhere.push(url);
      return route.abort('internetdisconnected');
    });
    const tab = await context.newPage();
    await tab.goto(`${sys.urls.http}/docs`);
    await tab.locator('.swagger-ui .info .title').filter({ hasText: '危险化学品' }).waitFor();
    await tab.waitForLoadState('networkidle');
    expect(await fontFamilyOf(tab, '.swagger-ui .info .title')).toContain('Noto Sans SC');
    expect(await loadedFontFamilies(tab)).toContain('Noto Sans SC');
    expect(elsewhere).toEqual([]);
    await context.close();
  });
});
