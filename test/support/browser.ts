import type { Page } from 'playwright-core';

// Page-side code as strings: the test project's TypeScript has no DOM library.

/** Families of the web fonts the page has loaded, once its font loading has settled. */
export const loadedFontFamilies = (page: Page): Promise<string[]> =>
  page.evaluate<string[]>(`document.fonts.ready.then(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family))`);

/** The computed font-family of the first element matching a CSS selector. */
export const fontFamilyOf = (page: Page, selector: string): Promise<string> =>
  page.evaluate<string>(`getComputedStyle(document.querySelector(${JSON.stringify(selector)})).fontFamily`);
