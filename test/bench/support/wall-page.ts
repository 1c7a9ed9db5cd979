import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium on the real wall page, logged in; the panes are the wall's own LivePlayer (mpegts.js, WS-FLV). */
export async function openWall(httpUrl: string, password: string): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--autoplay-policy=no-user-gesture-required'] });
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(`${httpUrl}/wall/`);
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('video-grid').waitFor();
  return { browser, page };
}

/** What renders: the WebGL renderer string (SwiftShader or similar without a GPU) and the browser version. */
export const rendererInfo = (page: Page) =>
  page.evaluate<string>(`(() => {
    const gl = document.createElement('canvas').getContext('webgl');
    const ext = gl && gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = gl ? (ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER)) : 'no WebGL';
    return renderer + '; ' + navigator.userAgent.replace(/^.*(HeadlessChrome|Chrome)\\//, '$1/').split(' ')[0];
  })()`);

/**
 * Page code: clicks the camera button (the picker is open for the selected pane) and resolves with the ms from that
 * click until the pane's <video> has decoded a frame (getVideoPlaybackQuality) and until it presented one
 * (requestVideoFrameCallback).
 */
export const firstFrameProbe = (paneSelector: string, buttonSelector: string) => `new Promise((resolve) => {
  const pane = document.querySelector(${JSON.stringify(paneSelector)});
  const t0 = performance.now();
  let video = null, decoded = null, presented = null;
  const poll = setInterval(() => {
    const now = performance.now();
    if (!video) {
      video = pane.querySelector('video');
      if (video) video.requestVideoFrameCallback(() => (presented = performance.now() - t0));
    }
    if (video && decoded === null && video.getVideoPlaybackQuality().totalVideoFrames > 0) decoded = now - t0;
    if ((decoded !== null && presented !== null) || now - t0 > 20000) {
      clearInterval(poll);
      resolve({ decoded, presented });
    }
  }, 5);
  document.querySelector(${JSON.stringify(buttonSelector)}).click();
})`;
