import type { Browser, Page } from 'playwright-core';
import { launchChromium, logIn } from '../../support/chromium.ts';

/** Debian's Chromium on the real wall page, logged in; the panes are the wall's own LivePlayer (mpegts.js, WS-FLV). */
export async function openWall(httpUrl: string, password: string): Promise<{ browser: Browser; page: Page }> {
  const browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await logIn(page, `${httpUrl}/wall/`, 'admin', password);
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
