/**
 * Issue 15 benchmark: track replay of a 185-day track reported every 10 s (about 1.6 M positions), written through the
 * real write path (TelemetryWriter: spools, rollups). Measures the time to the replay's answer (what the first draw
 * waits for) for the whole span, against two references in the same run: a raw InfluxDB read of the same span, and
 * the same replay without rollups (buckets computed by InfluxDB over every raw position, the path before rollups);
 * and the time of a zoomed-in hour in full detail. Reports ratios; absolute times depend on the machine.
 *
 * Then in Debian's Chromium at 1920×1080 (BENCH_TRACK_BROWSER=0 skips it): the whole system on the same InfluxDB,
 * the wall's track replay of that truck. For the last 24 h (the reference: the answer is as large, only the span
 * differs) and for 190 days, the time from the click on the period to the first frame drawn after the answer, and
 * the frame times while it plays at ×64.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { startInfluxd } from '../../platform/influx/influxd-process.ts';
import { connectInflux, ensureInfluxSchema } from '../../platform/influx/influx-connection.ts';
import { telemetryStores } from '../../monitor/telemetry-store/telemetry-schema.ts';
import { TelemetryReader } from '../../monitor/telemetry-store/telemetry-reader.ts';
import { TelemetryWriter } from '../../monitor/telemetry-store/telemetry-writer.ts';
import { trackReplay } from '../../monitor/track/track-replay.ts';
import { openDatabase } from '../../platform/db/open-database.ts';
import { loadDemoPark } from '../../seeds/load-demo-park.ts';
import { TONGDA } from '../../seeds/demo-enterprises.ts';
import { ADMIN_PASSWORD, startTestSystem } from '../support/test-system.ts';
import { launchChromium, logIn } from '../support/chromium.ts';
import { artefactPath } from '../support/artefacts.ts';
import { fmtFrames, frameTimes } from './support/frame-times.ts';

const POINTS = Number(process.env.BENCH_TRACK_POINTS ?? 1_600_000);
const INTERVAL_S = 10;
const MAX_POINTS = Number(process.env.BENCH_TRACK_MAX_POINTS ?? 2000);
const RUNS = 3;
// The slow references take seconds each.
const SLOW_RUNS = 2;
const BROWSER = process.env.BENCH_TRACK_BROWSER !== '0';
const PLAY_SECONDS = 10;

const log = pino({ level: 'silent' });
const stores = telemetryStores({ sensorRetentionDays: 90, trackRetentionDays: 190 });
const dir = await mkdtemp(path.join(os.tmpdir(), 'hazwatch-bench-track-'));
const influxd = await startInfluxd({ influxdPath: 'influxd', dataDir: dir, log });
// The truck is a real vehicle of the demo park's 通达运输, so the system started on this InfluxDB can replay it.
const systemDir = path.join(dir, 'system');
await mkdir(systemDir);
const truck = await (async () => {
  const db = await openDatabase({ dataDir: systemDir });
  await loadDemoPark(db, log);
  const [ent] = await db.query<{ id: number; region_code: string }>('select id, region_code from enterprises where code = $1', [TONGDA]);
  const [v] = await db.query<{ id: number }>(`insert into vehicles (plate, enterprise_id) values ('辽N00001', $1) returning id`, [ent.id]);
  await db.close();
  return { vehicleId: v.id, enterpriseId: ent.id, regionCode: String(ent.region_code).trim(), plate: '辽N00001' };
})();
try {
  const conn = await connectInflux({ url: influxd.url, database: 'bench_track', api: 'auto', influxdPath: 'influxd', sensorRetentionDays: 90, trackRetentionDays: 190, bucket: 'x' } as never);
  await ensureInfluxSchema(conn, Object.values(stores));
  // Ends an hour ago, starts POINTS × 10 s before (185 days for 1.6 M): inside the 190-day retention.
  const end = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3_600_000;
  const start = end - POINTS * INTERVAL_S * 1000;
  // The writer's clock ages rollup partials out of memory; here it follows the data, as it would live.
  let clock = start;
  const writer = await TelemetryWriter.open(conn, stores, log, {
    spoolDir: path.join(dir, 'spool'), deadLetterDir: path.join(dir, 'dead-letter'), spoolMaxBytes: 1024 * 1024 * 1024, gzip: false, now: () => clock,
  });
  const t0 = performance.now();
  const BATCH = 20_000;
  for (let i = 0; i < POINTS; i += BATCH) {
    for (let j = i; j < Math.min(POINTS, i + BATCH); j++) {
      const minuteOfDay = Math.floor((j * INTERVAL_S) / 60) % 1440;
      const driving = minuteOfDay > 360 && minuteOfDay < 1080 && minuteOfDay % 120 > 15; // days driving with breaks, nights parked
      clock = start + j * INTERVAL_S * 1000;
      writer.writePosition({
        ...truck, lat: 41.5 + Math.sin(j / 5000) * 0.2, lon: 120.4 + Math.cos(j / 5000) * 0.2, altitude: 0,
        speedKmh: driving ? 55 : 0, direction: (j * 7) % 360, ts: new Date(start + j * INTERVAL_S * 1000), alarmBits: 0, statusBits: 0, fixed: true,
        drift: j % 5000 === 17, deviceTime: true, sos: false, reupload: j % 20_000 < 30,
      });
    }
    // Keeps the spools small: the bench writes far faster than trucks report.
    if (!(await writer.flush(120_000))) throw new Error('writer did not drain');
  }
  const { pointsWritten, rollupLinesWritten } = writer.stats;
  await writer.close();
  const writeS = (performance.now() - t0) / 1000;
  const reader = new TelemetryReader(conn, stores);
  const from = new Date(start);
  const to = new Date(end);

  const time = async (fn: () => Promise<unknown>, runs = RUNS) => {
    const samples: number[] = [];
    for (let r = 0; r < runs; r++) {
      const s = performance.now();
      await fn();
      samples.push(performance.now() - s);
    }
    return Math.min(...samples);
  };
  // The connection gives up on a query after 30 s; on a loaded machine the raw reference can take longer.
  const raw = await time(() => reader.track(truck.vehicleId, from, to), SLOW_RUNS).catch((err: Error) => {
    console.log(`  raw reference failed (${err.message}); ratios below use 30 s, a lower bound`);
    return 30_000;
  });
  // The same replay as if no rollups existed (history not yet backfilled).
  const withoutRollups = Object.assign(Object.create(reader) as TelemetryReader, { firstRollupAt: async () => null });
  const old = await time(() => trackReplay(withoutRollups, truck.vehicleId, from, to, MAX_POINTS).then((r) => JSON.stringify(r)), SLOW_RUNS);
  let replayInfo = { points: 0, stops: 0, bucketS: 0 };
  const replay = await time(async () => {
    const r = await trackReplay(reader, truck.vehicleId, from, to, MAX_POINTS);
    replayInfo = { points: r.points.length, stops: r.stops.length, bucketS: r.bucketS ?? 0 };
    // What the HTTP answer serialises.
    JSON.stringify(r);
  });
  const hourFrom = new Date(start + 100 * 86_400_000);
  const zoomed = await time(() => trackReplay(reader, truck.vehicleId, hourFrom, new Date(hourFrom.getTime() + 3_600_000), MAX_POINTS));

  console.log(`track replay, ${POINTS.toLocaleString('en')} positions every ${INTERVAL_S} s over ${((end - start) / 86_400_000).toFixed(1)} days`);
  console.log(`  written through TelemetryWriter in ${writeS.toFixed(0)} s: ${pointsWritten.toLocaleString('en')} positions, ${rollupLinesWritten.toLocaleString('en')} rollup lines`);
  console.log(`  raw InfluxDB read of the whole span (reference): ${raw.toFixed(0)} ms`);
  console.log(`  replay of the whole span without rollups (buckets over raw, reference): ${old.toFixed(0)} ms; ratio to raw ${(old / raw).toFixed(3)}`);
  console.log(`  replay of the whole span, maxPoints ${MAX_POINTS}: ${replay.toFixed(0)} ms → ${replayInfo.points} points, bucket ${replayInfo.bucketS} s, ${replayInfo.stops} stops; ratio to raw ${(replay / raw).toFixed(3)}`);
  console.log(`  replay of one hour in full detail: ${zoomed.toFixed(0)} ms; ratio to raw ${(zoomed / raw).toFixed(4)}`);
  console.log(`  best of ${RUNS} runs each (the two references: best of ${SLOW_RUNS})`);
  if (BROWSER) await inBrowser(influxd.url);
} finally {
  await influxd.stop();
  await rm(dir, { recursive: true, force: true });
}

/** The wall's track replay of the truck in Chromium: time to the first frame after the answer, frame times while playing. */
async function inBrowser(influxUrl: string): Promise<void> {
  const sys = await startTestSystem({ DATA_DIR: systemDir, INFLUX_URL: influxUrl, INFLUX_DATABASE: 'bench_track' });
  const browser = await launchChromium();
  try {
    // A fix now, in the park, puts the truck on the wall's map.
    sys.positions.acceptPosition({
      ...truck, lat: 41.5223, lon: 120.4058, altitude: 0, speedKmh: 0, direction: 0, ts: new Date(), alarmBits: 0, statusBits: 3, fixed: true, drift: false, deviceTime: true, sos: false, reupload: false,
    });
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await logIn(page, `${sys.urls.http}/wall/`, 'admin', ADMIN_PASSWORD);
    await page.locator(`[data-testid="vehicle-marker"][data-vehicle-id="${truck.vehicleId}"]`).click();
    await page.getByTestId('vehicle-open-track').click();
    const replay = page.getByTestId('track-replay');
    await replay.waitFor();
    await page.waitForSelector('[data-testid="track-replay"][data-loading="false"][data-points]:not([data-points="0"])', { timeout: 120_000 });
    await page.getByTestId('track-speed').selectOption('64');

    const run = async (preset: '24h' | '190d') => {
      // Page code: click the period, resolve on the second animation frame after loading ends (the first drawn).
      const firstDrawMs = await page.evaluate<number>(`new Promise((resolve) => {
        const el = document.querySelector('[data-testid="track-replay"]');
        const t0 = performance.now();
        let seenLoading = false;
        const obs = new MutationObserver(() => {
          if (el.dataset.loading === 'true') seenLoading = true;
          else if (seenLoading) { obs.disconnect(); requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0))); }
        });
        obs.observe(el, { attributes: true, attributeFilter: ['data-loading'] });
        document.querySelector('[data-testid="track-range-${preset}"]').click();
      })`);
      const points = Number(await replay.getAttribute('data-points'));
      const mode = await replay.getAttribute('data-mode');
      await page.getByTestId('track-play').click();
      const frames = await frameTimes(page, PLAY_SECONDS);
      await page.screenshot({ path: artefactPath(`track-replay-bench-${preset}.png`) });
      await page.getByTestId('track-play').click();
      return { firstDrawMs, points, mode, frames };
    };
    const day = await run('24h');
    const long = await run('190d');
    const row = (name: string, r: typeof day) => `  ${name}: first draw ${r.firstDrawMs.toFixed(0)} ms (${r.points} points, ${r.mode}); playing ×64: ${fmtFrames(r.frames)}`;
    console.log('track replay in Chromium at 1920×1080 (the wall page, software compositing):');
    console.log(row('last 24 h (reference)', day));
    console.log(row('190 days (1.6 M positions stored)', long));
    console.log(`  ratio 190 days / 24 h: first draw ${(long.firstDrawMs / day.firstDrawMs).toFixed(2)}, frame p95 ${(long.frames.p95 / day.frames.p95).toFixed(2)}`);
  } finally {
    await browser.close();
    await sys.dispose();
  }
}
