/**
 * Issue 16 benchmark: live video through the whole system (node-media-server behind our listeners, play URLs from
 * our API), with Debian's ffmpeg as the cameras (25 fps, 1 s GOP) and Debian's Chromium on the real wall page.
 * - First frame: from clicking a camera into a wall pane to the first decoded frame of that pane's <video>; the
 *   reference is ffmpeg fetching a play URL and decoding the same stream from the media server, in the same run.
 * - Publish-to-display latency: a camera whose frames carry the time they were handed to the encoder as a block
 *   pattern (support/clock-pattern.ts); the page reads every presented frame through a canvas and compares it with
 *   its clock (same machine, same clock). ffmpeg reading the same stream is the reference. VIDEO_BENCH_MINUTES (2).
 * - JT/T 1078: H.264 frames reassembled from packets per CPU-second, against ffmpeg splitting the same H.264.
 * - Viewers per stream, streams per process, before any viewer falls below 95 % of the publisher's frame rate,
 *   and RSS per viewer.
 * VIDEO_BENCH_PARTS picks parts: first-frame,latency,jt1078,viewers,streams (all by default).
 */
import { ADMIN_PASSWORD, apiClient, eventually, startTestSystem } from '../support/test-system.ts';
import { run, testPatternArgs } from '../support/ffmpeg.ts';
import { clockCamera } from './support/clock-camera.ts';
import { ffmpegClockViewer, ffmpegFirstFrameMs, ffmpegStartupMs } from './support/ffmpeg-viewer.ts';
import { firstFrameProbe, openWall, rendererInfo } from './support/wall-page.ts';
import { ms, p50p95, quantile, sleep } from './support/stats.ts';

const PARTS = (process.env.VIDEO_BENCH_PARTS ?? 'first-frame,latency,jt1078,viewers,streams').split(',');
const MINUTES = Number(process.env.VIDEO_BENCH_MINUTES ?? 2);
const OPENINGS = Number(process.env.VIDEO_BENCH_OPENINGS ?? 20);

if (PARTS.includes('jt1078')) await (await import('./support/jt1078-reassembly.ts')).jt1078Reassembly();

const sys = await startTestSystem();
const api = apiClient(sys.urls.http);
const stops: Array<() => Promise<void>> = [];
try {
  await api.login('admin', ADMIN_PASSWORD);
  const enterprise = (await api.call('POST', '/api/enterprises', { code: '91211321MA0000B16X', name: '视频压测化工有限公司', regionCode: '211321' })).body;
  const camera = async (code: string) => {
    const cam = (await api.call('POST', '/api/cameras', { enterpriseId: enterprise.id, code, name: `压测${code}`, enabled: true })).body;
    const key = (await api.call('GET', `/api/cameras/${cam.id}`)).body.streamKey as string;
    return { id: cam.id as number, rtmp: `rtmp://127.0.0.1:${sys.ports.rtmp}/live/${key}`, stream: `camera-${cam.id}` };
  };
  const live = (id: number) => eventually(async () => ((await api.call('GET', '/api/video/cameras')).body.items.find((c: { id: number; live: boolean }) => c.id === id)?.live ? true : undefined), `camera ${id} live`, 30_000);
  const playUrl = async (id: number) => (await api.call('POST', `/api/cameras/${id}/play-url`)).body as { flv: string; ws: string };

  if (PARTS.includes('first-frame') || PARTS.includes('latency')) {
    // Before the page opens: the wall lists its cameras when it loads.
    const ffCam = await camera('B-FF');
    const clockCam = await camera('B-CLOCK');
    const { browser, page } = await openWall(sys.urls.http, ADMIN_PASSWORD);
    stops.push(() => browser.close());
    console.log(`Chromium renderer: ${await rendererInfo(page)} (headless, --disable-gpu; H.264 decoded in software)`);

    if (PARTS.includes('first-frame')) {
      const cam = ffCam;
      const publisher = run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-nostdin', ...testPatternArgs(), '-f', 'flv', cam.rtmp]);
      stops.push(() => publisher.stop());
      await live(cam.id);
      await page.getByTestId('video-pane-0').click();
      const decoded: number[] = [];
      const presented: number[] = [];
      const reference: number[] = [];
      const defaultProbe: number[] = [];
      const startup: number[] = [];
      let missed = 0;
      for (let i = 0; i < OPENINGS; i++) {
        await page.getByTestId('video-pick').click();
        const r = await page.evaluate<{ decoded: number | null; presented: number | null }>(firstFrameProbe('[data-testid="video-pane-0"]', `[data-testid="video-camera-${cam.id}"]`));
        if (r.decoded === null || r.presented === null) missed++;
        else decoded.push(r.decoded), presented.push(r.presented);
        await page.getByTestId('video-pick').click();
        await page.getByRole('button', { name: '清空本格' }).click();
        reference.push(await ffmpegFirstFrameMs(async () => (await playUrl(cam.id)).flv));
        if (i < 5) startup.push(await ffmpegStartupMs());
        if (i < 3) defaultProbe.push(await ffmpegFirstFrameMs(async () => (await playUrl(cam.id)).flv, 'default'));
        await sleep(200 + ((i * 370) % 1000)); // open at different points of the 1 s GOP
      }
      await publisher.stop();
      console.log(`first frame, wall pane (click → play URL → WS-FLV → mpegts.js → decoded), ${OPENINGS} openings: decoded ${p50p95(decoded)}; presented ${p50p95(presented)}${missed ? `; ${missed} never played within 20 s` : ''}`);
      console.log(`  reference, ffmpeg (play URL → HTTP-FLV → first decoded frame out, incl. process start): ${p50p95(reference)}; wall p95 / ffmpeg p95 = ${(quantile(decoded, 0.95) / quantile(reference, 0.95)).toFixed(2)} (target p95 ≤ 1500 ms)`);
      console.log(`  ffmpeg flags: -fflags nobuffer -flags low_delay -analyzeduration 100000 -probesize 32768; its process start-up alone (null source) p50 ${ms(quantile(startup, 0.5))}; with its default probing it takes ${defaultProbe.map(ms).join(', ')} (it waits for the audio the FLV header announces)`);
    }

    if (PARTS.includes('latency')) {
      const cam = clockCam;
      const clock = clockCamera(cam.rtmp);
      stops.push(() => clock.stop());
      await live(cam.id);
      await page.getByTestId('video-pane-1').click();
      await page.getByTestId('video-pick').click();
      await page.getByTestId(`video-camera-${cam.id}`).click();
      const pane = '[data-testid="video-pane-1"] video';
      await eventually(() => page.evaluate<boolean>(`(document.querySelector('${pane}')?.getVideoPlaybackQuality().totalVideoFrames ?? 0) > 0`).then((b) => b || undefined), 'clock pane playing', 30_000);
      await page.evaluate(`${(await import('./support/clock-pattern.ts')).pageLatencyProbe(pane)}`);
      const ffmpeg = ffmpegClockViewer((await playUrl(cam.id)).flv);
      stops.push(() => ffmpeg.stop());
      const begin = Date.now();
      const sentAtBegin = clock.sent();
      const durationMs = MINUTES * 60_000;
      while (Date.now() - begin < durationMs) {
        await sleep(Math.min(30_000, durationMs - (Date.now() - begin)));
        const recent = await page.evaluate<Array<[number, number, number]>>(`window.__latency.samples.filter(([t]) => t >= ${Date.now() - 30_000})`);
        console.log(`  … ${Math.round((Date.now() - begin) / 1000)} s: last 30 s wall ${p50p95(recent.map(([, l]) => l))}, buffered ahead p50 ${ms(quantile(recent.map(([, , a]) => a), 0.5))}`);
      }
      const end = Date.now();
      const page_ = await page.evaluate<{ samples: Array<[number, number, number]>; unreadable: number; waiting: number; maxRate: number; quality: { total: number; dropped: number } }>(
        `({ ...window.__latency, quality: (() => { const q = document.querySelector('${pane}').getVideoPlaybackQuality(); return { total: q.totalVideoFrames, dropped: q.droppedVideoFrames }; })() })`,
      );
      const sent = clock.sent() - sentAtBegin;
      await ffmpeg.stop();
      const win = Math.min(30_000, durationMs / 4);
      const mid = begin + durationMs / 2;
      const windows: Array<[string, number, number]> = [['start', begin, begin + win], ['middle', mid - win / 2, mid + win / 2], ['end', end - win, end]];
      const inWindow = <T extends [number, ...number[]]>(samples: T[], from: number, to: number) => samples.filter(([t]) => t >= from && t < to && t >= begin);
      const pick = (samples: Array<[number, number, ...number[]]>, from: number, to: number) => inWindow(samples, from, to).map(([, l]) => l);
      const ahead = (from: number, to: number) => ms(quantile(inWindow(page_.samples, from, to).map(([, , a]) => a), 0.5));
      console.log(`publish → display latency over ${MINUTES} min (clock camera 25 fps, 1 s GOP; ${sent} frames published):`);
      for (const [label, from, to] of windows) {
        const browser_ = pick(page_.samples, from, to);
        const ref = pick(ffmpeg.samples(), from, to);
        console.log(`  ${label.padEnd(6)} (${Math.round(win / 1000)} s): wall ${p50p95(browser_)} (${browser_.length} frames); ffmpeg ${p50p95(ref)} (${ref.length} frames); wall p50 − ffmpeg p50 = ${ms(quantile(browser_, 0.5) - quantile(ref, 0.5))}; buffered ahead of the shown frame p50 ${ahead(from, to)}`);
      }
      const all = pick(page_.samples, begin, end);
      const allRef = pick(ffmpeg.samples(), begin, end);
      console.log(`  whole run: wall ${p50p95(all)}, max ${ms(Math.max(...all))}, ${all.length} of ${sent} frames shown (${page_.unreadable} unreadable; video quality: ${page_.quality.total} decoded, ${page_.quality.dropped} dropped; buffer ran dry ${page_.waiting}×; playbackRate up to ${page_.maxRate}); ffmpeg ${p50p95(allRef)} (${ffmpeg.unreadable()} unreadable) (target ≤ 1500 ms, not growing)`);
      await clock.stop();
    }
  }
  if (PARTS.includes('viewers') || PARTS.includes('streams')) await (await import('./support/viewer-load.ts')).viewerLoad(sys, camera, live, PARTS);
} finally {
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
  await sys.dispose();
}
