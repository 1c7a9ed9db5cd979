import { chromium, type Browser, type Page } from 'playwright-core';

// Debian's Chromium, as every UI test starts it: no sandbox (root in CI), no GPU, no calls home.
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking'];

/**
 * Waits and clicks get 60 s instead of Playwright's 30: during `npm test` two test files run at once, each with its
 * own InfluxDB, PostgreSQL, platform and Chromium, on two shared cores, and a page can stall that long.
 */
export const UI_TIMEOUT_MS = 60_000;

export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...ARGS, ...extraArgs] });
  const newContext = browser.newContext.bind(browser);
  // browser.newPage() makes its context through newContext, so every page gets the timeout.
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.setDefaultTimeout(UI_TIMEOUT_MS);
    return context;
  };
  return browser;
}

/** Opens a page with a login form (`/wall/`, `/admin/`) and logs in through it. */
export async function logIn(page: Page, url: string, username: string, password: string, gotoOptions?: Parameters<Page['goto']>[1]): Promise<void> {
  await page.goto(url, gotoOptions);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}
