/**
 * Issue 15 benchmark: frame times of the monitoring wall in Debian's Chromium at 1920×1080 while 10,000 trucks move
 * once a second and 5,000 tanks are live, beside the same wall showing 100 trucks and 50 tanks in the same run under
 * the same server load.
 *
 * 10,100 vehicles are inserted in bulk (SQL) into the demo park's database: 100 belong to 华锦新材料, 10,000 to
 * 通达运输. A load generator moves every vehicle once a second, spread over the second. By default
 * (BENCH_WALL_FEED=live) it hands each position to the push to the wall (RunningSystem.livePush), which coalesces
 * them per 0.5 s into the Socket.IO `positions` batches the telemetry pipeline would send: the wall sees the same
 * stream, and the 2 cores it shares are not also storing 30,000 InfluxDB lines a second. With
 * BENCH_WALL_FEED=pipeline it calls the pipeline's position entry (RunningSystem.positions, the one the JT/T 808
 * gateway feeds after decoding): store → live state → alarm rules → push. The pipeline's own throughput is
 * jt808.bench.ts's figure.
 *
 * 5,050 tanks with a level and a temperature sensor each are inserted the same way: 50 for 华锦新材料 on one gateway,
 * 5,000 for 亿丰化工 on 50 gateways of 100 tanks. Their gateways (a child process, support/wall-tank-gateways.ts)
 * publish every sensor once every 5 s (BENCH_WALL_TANK_PERIOD_S) over MQTT, QoS 1: the real ingest path (authorize, validate, bind, spool,
 * store → live state → rules → Socket.IO `readings`). Values stay below the thresholds, so no alarm storm.
 *
 * The reference is the wall of 华锦新材料's administrator (its 100 trucks and its tanks; the server still moves
 * and reads everything); the figure is the administrator's wall (all of them). Frame times are requestAnimationFrame deltas over
 * BENCH_WALL_SECONDS (20 s), after a warm-up. The wall draws with the DOM and SVG (Leaflet), no canvas or WebGL;
 * Chromium composites in software here (no GPU), and the WebGL renderer string is printed for the record.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { Browser, Page } from 'playwright-core';
import { openDatabase } from '../../platform/db/open-database.ts';
import { loadDemoPark } from '../../seeds/load-demo-park.ts';
import { TONGDA } from '../../seeds/demo-enterprises.ts';
import { hashDeviceSecret } from '../../registry/device-secrets.ts';
import { ADMIN_PASSWORD, apiClient, startTestSystem } from '../support/test-system.ts';
import { artefactPath } from '../support/artefacts.ts';
import { fmtFrames, frameTimes, type FrameTimes } from './support/frame-times.ts';
import { launchChromium, logIn } from '../support/chromium.ts';

const MANY = Number(process.env.BENCH_WALL_VEHICLES ?? 10_000);
const FEW = Number(process.env.BENCH_WALL_REFERENCE ?? 100);
const MANY_TANKS = Number(process.env.BENCH_WALL_TANKS ?? 5_000);
const FEW_TANKS = Number(process.env.BENCH_WALL_REFERENCE_TANKS ?? 50);
const TANKS_PER_GATEWAY = 100;
/** Every sensor reports once per period. 1 s (10,000 readings/s on top of 10,000 positions/s) stalled the platform on the shared 2-core machine. */
const TANK_PERIOD_S = Number(process.env.BENCH_WALL_TANK_PERIOD_S ?? 5);
/**
 * Where the generated positions enter. `live` (default): the push to the wall (LiveChannel), the same Socket.IO
 * batches the pipeline would send, without storing 10,000 positions a second (InfluxDB and its rollups take most
 * of a core here, and the browser shares the 2 cores; the pipeline's own throughput is jt808.bench.ts's figure).
 * `pipeline`: the telemetry pipeline's position entry (store, live state, rules, push), the whole platform under load.
 */
const FEED = process.env.BENCH_WALL_FEED === 'pipeline' ? 'pipeline' : 'live';
const SECONDS = Number(process.env.BENCH_WALL_SECONDS ?? 20);
const WARMUP_S = 8;
/** BENCH_WALL_PROFILE=1: a CPU profile of the page during each measurement, top functions by self time (build the wall unminified to read the names). */
const PROFILE = process.env.BENCH_WALL_PROFILE === '1';
/** BENCH_WALL_TRACE=1: a Chromium trace of each measurement, summed by event name on the page's main thread (where the time that is not script goes). */
const TRACE = process.env.BENCH_WALL_TRACE === '1';

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: { name?: string; data?: { functionName?: string; url?: string; type?: string } } }
function printTrace(label: string, json: Buffer) {
  const events = (JSON.parse(String(json)) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const onMain = events.filter((e) => e.ph === 'X' && e.dur && main.has(`${e.pid}:${e.tid}`)).sort((a, b) => a.ts - b.ts);
  const nameOf = (e: TraceEvent) => (e.name === 'FunctionCall' ? `FunctionCall ${e.args?.data?.functionName || '?'} ${String(e.args?.data?.url ?? '').split('/').pop()}` : e.name === 'EventDispatch' ? `EventDispatch ${e.args?.data?.type}` : e.name);
  const byName = new Map<string, number>();
  for (const e of onMain) byName.set(nameOf(e), (byName.get(nameOf(e)) ?? 0) + e.dur! / 1000);
  console.log(`trace ${label}: main-thread events by total duration (nested events counted in each)`);
  for (const [k, ms] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${k}`);
  // Inside the long tasks (over 50 ms): what they spent their time on.
  const tasks = onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.dur! > 50_000);
  const inLong = new Map<string, number>();
  let i = 0;
  for (const t of tasks) {
    while (i < onMain.length && onMain[i].ts < t.ts) i++;
    for (let j = i; j < onMain.length && onMain[j].ts < t.ts + t.dur!; j++) if (onMain[j] !== t && onMain[j].name !== 'ThreadControllerImpl::RunTask') inLong.set(nameOf(onMain[j]), (inLong.get(nameOf(onMain[j])) ?? 0) + onMain[j].dur! / 1000);
  }
  console.log(`trace ${label}: ${tasks.length} long tasks, ${tasks.reduce((n, t) => n + t.dur! / 1000, 0).toFixed(0)} ms; inside them:`);
  for (const [k, ms] of [...inLong].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${k}`);
}
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
}
function printProfile(label: string, p: CpuProfile) {
  const byNode = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  (p.samples ?? []).forEach((id, i) => {
    const f = byNode.get(id)!.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (p.timeDeltas?.[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`profile ${label}: ${total.toFixed(0)} ms sampled`);
  for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${k}`);
}
const HUAJIN = '91211321MA0Y2H3C2W';
const YIFENG = '91211321MA0YD62WX1';
/** Two sensors a tank; thresholds near the top of the range, which the generated values never reach. */
const TANK_SENSORS = [
  { suffix: 'LT', kind: 'level', unit: 'm', min: 0, max: 20, high: 19, highHigh: 19.6 },
  { suffix: 'TT', kind: 'temperature', unit: '°C', min: -20, max: 60, high: 56, highHigh: 58 },
];
const PARK = { lat: 41.518, lon: 120.4 }; // WGS-84, the demo park

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hazwatch-wall-bench-'));
interface Truck {
  id: number;
  plate: string;
  enterpriseId: number;
  regionCode: string;
  lat: number;
  lon: number;
  heading: number;
  speed: number;
}
let trucks: Truck[] = [];
interface Gateway {
  code: string;
  secret: string;
  sensors: { code: string; min: number; max: number }[];
}
const gateways: Gateway[] = [];
{
  const db = await openDatabase({ dataDir });
  await loadDemoPark(db, pino({ level: 'silent' }));
  const ent = async (code: string) => (await db.query<{ id: number; region_code: string }>('select id, region_code from enterprises where code = $1', [code]))[0];
  const few = await ent(HUAJIN);
  const many = await ent(TONGDA);
  // Trucks wandering at random through the demo's forbidden and allowed-only zones would raise thousands of alarms a
  // minute: an alarm storm, which measures the alarm store and panel, not the map. Within the speed limits and
  // without the zones, the alarms are the demo's own.
  await db.query('update geofences set enabled = false');
  await db.query(`insert into vehicles (plate, enterprise_id) select '辽B' || lpad(g::text, 5, '0'), $1 from generate_series(1, $2) g`, [few.id, FEW]);
  await db.query(`insert into vehicles (plate, enterprise_id) select '辽J' || lpad(g::text, 5, '0'), $1 from generate_series(1, $2) g`, [many.id, MANY]);
  const rows = await db.query<{ id: number; plate: string; enterprise_id: number; region_code: string }>(
    `select v.id, v.plate, v.enterprise_id, e.region_code from vehicles v join enterprises e on e.id = v.enterprise_id where v.plate like '辽B%' or v.plate like '辽J%' order by v.id`,
  );
  // Deterministic spread over the park and the few kilometres around it: what the wall's park view shows.
  let seed = 15;
  const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  trucks = rows.map((r) => ({
    id: r.id,
    plate: r.plate,
    enterpriseId: r.enterprise_id,
    regionCode: String(r.region_code).trim(),
    lat: PARK.lat + (rand() - 0.5) * 0.06,
    lon: PARK.lon + (rand() - 0.5) * 0.09,
    heading: rand() * 360,
    speed: rand() < 0.2 ? 0 : 10 + rand() * 25,
  }));

  const addTanks = async (enterpriseId: number, prefix: string, count: number) => {
    for (let g = 0; g * TANKS_PER_GATEWAY < count; g++) {
      const code = `GW-${prefix}-${String(g + 1).padStart(3, '0')}`;
      const secret = `bench-${code}-secret`;
      const [dev] = await db.query<{ id: number }>('insert into devices (code, name, enterprise_id, secret_hash) values ($1, $2, $3, $4) returning id', [code, `压测网关${g + 1}`, enterpriseId, hashDeviceSecret(secret)]);
      const from = g * TANKS_PER_GATEWAY + 1;
      const to = Math.min(count, (g + 1) * TANKS_PER_GATEWAY);
      await db.query(
        `insert into tanks (enterprise_id, code, name, medium) select $1, $2 || lpad(n::text, 5, '0'), n || '#压测储罐', '甲醇' from generate_series($3::int, $4::int) n`,
        [enterpriseId, `${prefix}-T`, from, to],
      );
      const sensors: Gateway['sensors'] = [];
      for (const s of TANK_SENSORS) {
        await db.query(
          `insert into sensors (tank_id, device_id, code, kind, unit, range_min, range_max, high, high_high)
           select t.id, $1, t.code || '-' || $2, $3, $4, $5, $6, $7, $8 from tanks t
           where t.code between $9 and $10`,
          [dev.id, s.suffix, s.kind, s.unit, s.min, s.max, s.high, s.highHigh, `${prefix}-T${String(from).padStart(5, '0')}`, `${prefix}-T${String(to).padStart(5, '0')}`],
        );
      }
      for (let n = from; n <= to; n++) for (const s of TANK_SENSORS) sensors.push({ code: `${prefix}-T${String(n).padStart(5, '0')}-${s.suffix}`, min: s.min, max: s.max });
      gateways.push({ code, secret, sensors });
    }
  };
  await addTanks(few.id, 'HJB', FEW_TANKS);
  await addTanks((await ent(YIFENG)).id, 'YFB', MANY_TANKS);
  await db.close();
}

// Video off: a demo alarm's video linkage would open a playing pane on one wall and not the other (video.bench.ts measures the players).
const sys = await startTestSystem({ DEMO: 'true', DATA_DIR: dataDir, VIDEO_ENABLED: 'false' });

/** Every truck once a second, in ten slices a second apart by 100 ms. */
function startLoad(): () => void {
  let slice = 0;
  const timer = setInterval(() => {
    const now = new Date();
    for (let i = slice; i < trucks.length; i += 10) {
      const t = trucks[i];
      if (t.speed > 0) {
        const d = (t.speed / 3600) / 111; // degrees per second, roughly
        t.heading = (t.heading + (Math.sin(i + now.getTime() / 7000) * 8)) % 360;
        t.lat += d * Math.cos((t.heading * Math.PI) / 180);
        t.lon += (d * Math.sin((t.heading * Math.PI) / 180)) / Math.cos((t.lat * Math.PI) / 180);
        if (Math.abs(t.lat - PARK.lat) > 0.03 || Math.abs(t.lon - PARK.lon) > 0.045) t.heading = (t.heading + 180) % 360;
      }
      // What a terminal sends: degrees in millionths, speed in tenths of km/h, heading a WORD (a fraction would be refused by InfluxDB).
      const fix = { lat: Math.round(t.lat * 1e6) / 1e6, lon: Math.round(t.lon * 1e6) / 1e6, speedKmh: Math.round(t.speed * 10) / 10, direction: Math.round(t.heading + 360) % 360 };
      if (FEED === 'live') {
        sys.livePush.position(t.id, { enterpriseId: t.enterpriseId, regionCode: t.regionCode }, { vehicleId: t.id, plate: t.plate, ...fix, ts: now.toISOString() });
        continue;
      }
      sys.positions.acceptPosition({
        vehicleId: t.id,
        plate: t.plate,
        enterpriseId: t.enterpriseId,
        regionCode: t.regionCode,
        ...fix,
        altitude: 200,
        ts: now,
        alarmBits: 0,
        statusBits: 3,
        fixed: true,
        drift: false,
        deviceTime: true,
        sos: false,
        reupload: false,
      });
    }
    slice = (slice + 1) % 10;
  }, 100);
  return () => clearInterval(timer);
}

/** The tank gateways, publishing until the returned function is called; it resolves with their counts. */
async function startTankGateways(): Promise<() => Promise<string>> {
  const script = path.join(import.meta.dirname, 'support', 'wall-tank-gateways.ts');
  const jobFile = path.join(dataDir, 'tank-gateways.json'); // too long for an argument
  await writeFile(jobFile, JSON.stringify({ url: `mqtt://127.0.0.1:${sys.ports.mqtt}`, periodMs: TANK_PERIOD_S * 1000, gateways }));
  const child = spawn(process.execPath, ['--import', 'tsx', script, jobFile], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b));
  await new Promise<void>((resolve, reject) => {
    child.stderr.on('data', (b: Buffer) => (String(b).includes('go') ? resolve() : process.stderr.write(b)));
    child.on('exit', (code) => reject(new Error(`tank gateways exited with ${code}`)));
  });
  return async () => {
    child.stdin.end();
    if (child.exitCode === null) await new Promise((resolve) => child.on('exit', resolve));
    return out.trim();
  };
}

async function openWall(browser: Browser, username: string, password: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await logIn(page, `${sys.urls.http}/wall/`, username, password, { timeout: 120_000 });
  await page.getByTestId('park-map').waitFor({ timeout: 120_000 });
  await page.waitForSelector('[data-testid="conn-state"][data-state="connected"]', { timeout: 60_000 });
  return page;
}

interface Frames extends FrameTimes {
  drawn: string;
  located: number;
  mainThread: string;
}

const progress = (what: string) => process.stderr.write(`[wall-bench ${new Date().toISOString().slice(11, 19)}] ${what}\n`);

async function measure(page: Page, label: string, expectLocated: number): Promise<Frames> {
  progress(`${label}: waiting for ${expectLocated} located trucks`);
  const located = async () => Number(await page.getByTestId('map-vehicle-total').textContent()) - Number(await page.getByTestId('map-vehicle-unlocated').textContent());
  const deadline = Date.now() + 90_000;
  while ((await located()) < expectLocated && Date.now() < deadline) await page.waitForTimeout(500);
  progress(`${label}: ${await located()} located; warm-up, then ${SECONDS} s measured`);
  await page.waitForTimeout(WARMUP_S * 1000);
  const cdp = await page.context().newCDPSession(page);
  if (PROFILE) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
    await cdp.send('Profiler.start');
  }
  // Main-thread time by kind over the measurement (Chromium's cumulative counters, in seconds).
  await cdp.send('Performance.enable');
  const counters = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const before = await counters();
  if (TRACE) await page.context().browser()!.startTracing(page, { categories: ['devtools.timeline', 'toplevel'] });
  const frames = await frameTimes(page, SECONDS);
  const after = await counters();
  if (TRACE) printTrace(label, await page.context().browser()!.stopTracing());
  if (PROFILE) printProfile(label, (await cdp.send('Profiler.stop')).profile);
  const perS = (k: string) => (((after[k] ?? 0) - (before[k] ?? 0)) * 1000) / SECONDS;
  const mainThread = `main thread per second: tasks ${perS('TaskDuration').toFixed(0)} ms (script ${perS('ScriptDuration').toFixed(0)}, style ${perS('RecalcStyleDuration').toFixed(0)}, layout ${perS('LayoutDuration').toFixed(0)}); ${after.Nodes} DOM nodes`;
  await cdp.detach();
  const mode = await page.getByTestId('park-map').getAttribute('data-vehicle-mode');
  const markers = await page.locator('.vehicle-icon, .vehicle-cluster-icon').count();
  const tankCards = await page.getByTestId('tank-card').count();
  const sensorRows = await page.getByTestId('sensor').count();
  await page.screenshot({ path: artefactPath(`${label}.png`) });
  return {
    ...frames,
    drawn: `${mode}, ${markers} markers in the DOM; ${tankCards} tank cards (${sensorRows} sensor rows) in the DOM`,
    located: await located(),
    mainThread,
  };
}

const browser = await launchChromium();
const stopLoad = startLoad();
let stopTanks: (() => Promise<string>) | null = null;
let tankCounts = '';
try {
  stopTanks = await startTankGateways();
  progress('tank gateways connected and publishing');
  const probe = await browser.newPage();
  // Evaluated in the page.
  const gl = await probe.evaluate<string>(`(() => {
    const c = document.createElement('canvas').getContext('webgl');
    if (!c) return 'no WebGL';
    const ext = c.getExtension('WEBGL_debug_renderer_info');
    return String(ext ? c.getParameter(ext.UNMASKED_RENDERER_WEBGL) : c.getParameter(c.RENDERER));
  })()`);
  await probe.close();

  const ent = apiClient(sys.urls.http);
  await ent.login('hjxcl_admin', '123456');
  await ent.call('POST', '/api/auth/change-password', { oldPassword: '123456', newPassword: 'Bench-Wall-2031x' });

  const fewPage = await openWall(browser, 'hjxcl_admin', 'Bench-Wall-2031x');
  const few = PROFILE ? ({ n: 1, p50: 1, p95: 1, p99: 1, max: 1, fps: 0, longTasks: 0, longTaskMs: 0, drawn: 'skipped', located: 0, mainThread: '' } as Frames) : await measure(fewPage, 'wall-bench-few', FEW);
  await fewPage.close();
  const manyPage = await openWall(browser, 'admin', ADMIN_PASSWORD);
  const many = await measure(manyPage, 'wall-bench-many', MANY);
  await manyPage.close();

  tankCounts = await stopTanks();
  stopTanks = null;
  const row = (name: string, f: Frames) =>
    `${name}: ${f.located.toLocaleString('en')} trucks located, ${fmtFrames(f)}; ${f.drawn}; ${f.mainThread}`;
  console.log(`renderer: DOM + SVG (Leaflet divIcons and SVG paths; no canvas, no WebGL), Chromium software compositing (--disable-gpu; WebGL would be: ${gl})`);
  const sensorCount = gateways.reduce((n, g) => n + g.sensors.length, 0);
  console.log(`load: ${trucks.length.toLocaleString('en')} positions/s ${FEED === 'live' ? 'pushed to the wall (Socket.IO `positions`, not stored: BENCH_WALL_FEED=live)' : 'through the telemetry pipeline (store, live state, rules, Socket.IO: BENCH_WALL_FEED=pipeline)'}; ${(sensorCount / TANK_PERIOD_S).toLocaleString('en')} readings/s from ${gateways.length} MQTT gateways (${FEW_TANKS + MANY_TANKS} tanks; ${tankCounts}); ${SECONDS} s measured per wall after ${WARMUP_S} s warm-up, 1920×1080`);
  console.log(row(`reference, ${FEW} trucks and ${FEW_TANKS} bench tanks (华锦新材料's wall)`, few));
  console.log(row(`${MANY.toLocaleString('en')} trucks and ${MANY_TANKS.toLocaleString('en')} bench tanks (administrator's wall)`, many));
  console.log(`ratio ${MANY.toLocaleString('en')} / ${FEW}: p50 ${(many.p50 / few.p50).toFixed(2)}, p95 ${(many.p95 / few.p95).toFixed(2)}`);
  console.log(`screenshots: ${artefactPath('wall-bench-few.png')}, wall-bench-many.png`);
} finally {
  stopLoad();
  await stopTanks?.();
  await browser.close();
  await sys.dispose();
  await rm(dataDir, { recursive: true, force: true });
}
