/**
 * Issue 4 benchmark: sustained readings/s persisted end to end (MQTT publish → validated → spooled → in InfluxDB,
 * counted back) for single-reading QoS 1 messages and 50-reading batches, each beside the same points written
 * straight to InfluxDB as line protocol in this run (the ceiling); publish→Socket.IO latency; RSS per 1,000
 * connected gateways. Publishers run in child processes so they do not share the broker's event loop.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import mqtt from 'mqtt';
import { io } from 'socket.io-client';
import { startInfluxd } from '../../platform/influx/influxd-process.ts';
import { connectInflux, ensureInfluxSchema } from '../../platform/influx/influx-connection.ts';
import { telemetryStores } from '../../monitor/telemetry-store/telemetry-schema.ts';
import { readingLine } from '../../monitor/telemetry-store/line-protocol.ts';
import { ADMIN_PASSWORD, apiClient, startTestSystem } from '../support/test-system.ts';

const BATCH_MESSAGES = Number(process.env.BENCH_BATCH_MESSAGES ?? 12_000); // × 50 readings
const SINGLE_MESSAGES = Number(process.env.BENCH_SINGLE_MESSAGES ?? 60_000);
const LOAD_CLIENTS = 4;
const INFLIGHT = 32;
const IDLE_GATEWAYS = 1000;
const LATENCY_SAMPLES = 200;

const log = pino({ level: 'silent' });
const loadScript = path.join(import.meta.dirname, 'support', 'mqtt-load.ts');
const idleScript = path.join(import.meta.dirname, 'support', 'mqtt-idle-gateways.ts');

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

const influxDir = await mkdtemp(path.join(os.tmpdir(), 'hazwatch-bench-influx-'));
const influxd = await startInfluxd({ influxdPath: 'influxd', dataDir: influxDir, port: await freePort(), log });
const sys = await startTestSystem({ INFLUX_URL: influxd.url });
const api = apiClient(sys.urls.http);
await api.login('admin', ADMIN_PASSWORD);

const enterprise = await api.call('POST', '/api/enterprises', { code: '91320116MA1XYW0B3N', name: '压测化工有限公司', regionCode: '320116' });
const dev = await api.call('POST', '/api/devices', { code: 'GW-BENCH', name: '压测网关', enterpriseId: enterprise.body.id });
const device = { code: 'GW-BENCH', secret: dev.body.secret as string };
const sensorCodes: string[] = [];
const sensorIds: number[] = [];
for (let t = 0; t < 5; t++) {
  const sensors = Array.from({ length: 10 }, (_, i) => ({ code: `B${t}-${i}`, kind: 'level', unit: 'm', deviceId: dev.body.id, rangeMin: 0, rangeMax: 100 }));
  const tank = await api.call('POST', '/api/tanks', { enterpriseId: enterprise.body.id, code: `TB${t}`, name: `${t + 1}#压测储罐`, sensors });
  for (const s of tank.body.sensors) {
    sensorCodes.push(s.code);
    sensorIds.push(s.id);
  }
}

const influxdPid = Number(await readFile(path.join(influxDir, 'influxdb', 'influxd.pid'), 'utf8'));
/** CPU seconds InfluxDB has used so far (utime + stime from /proc, in clock ticks of 10 ms). */
async function influxdCpuSeconds(): Promise<number> {
  const fields = (await readFile(`/proc/${influxdPid}/stat`, 'utf8')).split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function countInInflux(db: string, rp: string, from: number, to: number): Promise<number> {
  const q = new URLSearchParams({ db, q: `SELECT count("value") FROM "${db}"."${rp}"."reading" WHERE time >= ${from}ms AND time < ${to}ms`, epoch: 'ms' });
  const body = (await (await fetch(`${influxd.url}/query?${q}`)).json()) as { results: Array<{ series?: Array<{ values: unknown[][] }> }> };
  return Number(body.results[0].series?.[0]?.values[0][1] ?? 0);
}

/** The same points as a load run, straight into InfluxDB as line protocol, 5,000 lines per request. */
async function rawCeiling(mode: 'single' | 'batch', messages: number, tsBase: number, database: string): Promise<number> {
  const conn = await connectInflux({ url: influxd.url, database, api: 'auto', influxdPath: 'influxd', sensorRetentionDays: 90, trackRetentionDays: 190, bucket: 'x' } as never);
  const stores = telemetryStores({ sensorRetentionDays: 90, trackRetentionDays: 190 });
  await ensureInfluxSchema(conn, Object.values(stores));
  // Uncompressed and two requests in flight, like the platform's writer towards a loopback InfluxDB.
  const apis = [0, 1].map(() => conn.writeApi(stores.sensor, { batchSize: 5001, flushInterval: 0, maxRetries: 0, gzipThreshold: Number.MAX_SAFE_INTEGER }));
  const perClient = Math.ceil(messages / LOAD_CLIENTS);
  const lines: string[] = [];
  for (let c = 0; c < LOAD_CLIENTS; c++) {
    for (let k = 0; k < perClient; k++) {
      const base = tsBase + c * 10_000_000;
      const point = (i: number, ts: number) => readingLine({ sensorId: sensorIds[i], tankId: 1, enterpriseId: enterprise.body.id, regionCode: '320116', deviceId: dev.body.id, value: (k + i) % 100, ts: new Date(ts), quality: 'good' });
      if (mode === 'batch') for (let i = 0; i < sensorIds.length; i++) lines.push(point(i, base + k));
      else lines.push(point(k % sensorIds.length, base + Math.floor(k / sensorIds.length)));
    }
  }
  const started = performance.now();
  let next = 0;
  await Promise.all(
    apis.map(async (api) => {
      for (let i = next; i < lines.length; i = next) {
        next += 5000;
        api.writeRecords(lines.slice(i, i + 5000));
        await api.flush();
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(apis.map((api) => api.close()));
  return lines.length / seconds;
}

/** Publishes through the broker from a child process; the clock runs from "all connected" to "all counted back in InfluxDB". */
async function endToEnd(mode: 'single' | 'batch', messages: number, tsBase: number): Promise<{ perSecond: number; readings: number; counted: number; ackedAfter: number; seconds: number; cpu: { ingest: number; load: number; influxd: number } }> {
  const job = { url: `mqtt://127.0.0.1:${sys.ports.mqtt}`, username: device.code, password: device.secret, sensors: sensorCodes, mode, messages, clients: LOAD_CLIENTS, inflight: INFLIGHT, tsBase };
  const child = spawn(process.execPath, ['--import', 'tsx', loadScript, JSON.stringify(job)], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let started = 0;
  let cpuAtStart = process.cpuUsage();
  let influxdAtStart = 0;
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => {
    err += d;
    if (!started && err.includes('go\n')) {
      started = performance.now();
      cpuAtStart = process.cpuUsage();
      void influxdCpuSeconds().then((s) => (influxdAtStart = s));
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  // The result line comes once every message is acknowledged; the gateways stay connected until the count is done.
  const published = await Promise.race([new Promise<true>((resolve) => child.stdout.on('data', () => out.includes('\n') && resolve(true))), exited]);
  if (published !== true) throw new Error(`load generator failed: ${err}`);
  const ackedAfter = (performance.now() - started) / 1000;
  const { readings, cpuMicros: loadCpuMicros } = JSON.parse(out) as { readings: number; cpuMicros: number };
  const to = tsBase + LOAD_CLIENTS * 10_000_000;
  // As for the ceiling, the clock stops once InfluxDB has acknowledged every write; the count back, a scan that costs
  // InfluxDB CPU the drain would otherwise get, verifies it outside the clock.
  let counted = 0;
  let seconds = 0;
  let own = process.cpuUsage(cpuAtStart);
  let influxd = 0;
  do {
    await sys.flushTelemetry();
    seconds = (performance.now() - started) / 1000;
    own = process.cpuUsage(cpuAtStart);
    influxd = ((await influxdCpuSeconds()) - influxdAtStart) * 1e6;
    counted = await countInInflux('hazwatch', 'sensor', tsBase, to);
  } while (counted < readings);
  child.stdin.end();
  if ((await exited) !== 0) throw new Error(`load generator failed: ${err}`);
  // The disconnect's data-interruption alarms are written before the next ceiling run shares this process.
  await new Promise((r) => setTimeout(r, 200));
  await sys.alarmsSettled();
  return { perSecond: readings / seconds, readings, counted, ackedAfter, seconds, cpu: { ingest: (own.user + own.system) / readings, load: loadCpuMicros / readings, influxd: influxd / readings } };
}

async function latency(): Promise<{ p50: number; p99: number; samples: number }> {
  const socket = io(`${sys.urls.http}/live`, { auth: { token: api.token }, transports: ['websocket'] });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const sent = new Map<number, { at: number; sensorId: number }>();
  const samples: number[] = [];
  socket.on('readings', (list: Array<{ sensorId: number; value: number }>) => {
    const now = performance.now();
    for (const r of list) {
      const s = sent.get(r.value);
      if (s && r.sensorId === s.sensorId) {
        samples.push(now - s.at);
        sent.delete(r.value);
      }
    }
  });
  const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${sys.ports.mqtt}`, { username: device.code, password: device.secret, reconnectPeriod: 0 });
  // Round-robin over the sensors: the live channel keeps the latest reading per sensor per tick, so one sensor
  // publishing every 50 ms would only ever show its last reading before each tick and bias the figures low.
  for (let i = 0; i < LATENCY_SAMPLES; i++) {
    const value = 1000 + i;
    const k = i % sensorCodes.length;
    sent.set(value, { at: performance.now(), sensorId: sensorIds[k] });
    await client.publishAsync(`devices/${device.code}/telemetry`, JSON.stringify({ sensor: sensorCodes[k], value }), { qos: 1 });
    await new Promise((r) => setTimeout(r, 50));
  }
  await new Promise((r) => setTimeout(r, 1500));
  await client.endAsync();
  socket.close();
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  return { p50: at(0.5), p99: at(0.99), samples: samples.length };
}

/**
 * RSS growth of the broker process per 1,000 idle connected gateways, measured on a second thousand: the first also
 * grows the young generation (up to --max-semi-space-size) and other one-off buffers, which are not per gateway.
 */
async function rssPerThousandGateways(): Promise<{ firstMiB: number; perThousandMiB: number; connected: number }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  const settle = async () => {
    gc?.();
    await new Promise((r) => setTimeout(r, 1000));
    gc?.();
    return process.memoryUsage().rss;
  };
  const connect = async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', idleScript, `mqtt://127.0.0.1:${sys.ports.mqtt}`, device.code, device.secret, String(IDLE_GATEWAYS)], { stdio: ['pipe', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout.on('data', (d) => String(d).includes('ready') && resolve()));
    return child;
  };
  const before = await settle();
  const first = await connect();
  const afterFirst = await settle();
  const second = await connect();
  const afterSecond = await settle();
  const connected = Number((await (await fetch(`${sys.urls.http}/metrics`)).text()).match(/^mqtt_connected_clients (\d+)/m)?.[1] ?? 0);
  for (const child of [first, second]) {
    child.stdin.end();
    await new Promise((resolve) => child.on('exit', resolve));
  }
  const perThousand = (bytes: number) => (bytes / 1024 / 1024) * (1000 / IDLE_GATEWAYS);
  return { firstMiB: perThousand(afterFirst - before), perThousandMiB: perThousand(afterSecond - afterFirst), connected };
}

const mib = (n: number) => `${n.toFixed(1)} MiB`;
const rate = (n: number) => `${Math.round(n).toLocaleString('en-US')} readings/s`;
const cpuLine = (c: { ingest: number; load: number; influxd: number }) => `  CPU per reading: ingest process ${c.ingest.toFixed(2)} µs, load generator ${c.load.toFixed(2)} µs, InfluxDB ${c.influxd.toFixed(2)} µs`;
try {
  const day = 86_400_000;
  const batchBase = Date.now() - 2 * day;
  const singleBase = Date.now() - 3 * day;
  // RSS first, before the throughput runs leave garbage behind. Each ceiling is measured right before and right
  // after its end-to-end run and averaged, so load from elsewhere on the machine hits both sides alike.
  const rss = await rssPerThousandGateways();
  const ceiling = async (mode: 'single' | 'batch', messages: number, base: number, run: () => Promise<Awaited<ReturnType<typeof endToEnd>>>) => {
    const before = await rawCeiling(mode, messages, base, `raw_${mode}_before`);
    const result = await run();
    const after = await rawCeiling(mode, messages, base, `raw_${mode}_after`);
    return { result, before, after, mean: (before + after) / 2 };
  };
  const b = await ceiling('batch', BATCH_MESSAGES, batchBase, () => endToEnd('batch', BATCH_MESSAGES, batchBase));
  const s1 = await ceiling('single', SINGLE_MESSAGES, singleBase, () => endToEnd('single', SINGLE_MESSAGES, singleBase));
  const [batch, rawBatch, single, rawSingle] = [b.result, b.mean, s1.result, s1.mean];
  const lat = await latency();

  console.log(`machine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model}), node ${process.version}, InfluxDB ${(await (await fetch(`${influxd.url}/ping`)).headers.get('x-influxdb-version'))}`);
  console.log(`batched (50 readings/message, QoS 1): ${rate(batch.perSecond)} end to end; counted back ${batch.counted} of ${batch.readings} (all acknowledged by the broker after ${batch.ackedAfter.toFixed(2)} s, written to InfluxDB after ${batch.seconds.toFixed(2)} s)`);
  console.log(cpuLine(batch.cpu));
  console.log(`  raw line protocol ceiling, same points: ${rate(rawBatch)} (before ${rate(b.before)}, after ${rate(b.after)}); ratio ${(batch.perSecond / rawBatch).toFixed(2)}`);
  console.log(`single reading per message (QoS 1):  ${rate(single.perSecond)} end to end; counted back ${single.counted} of ${single.readings} (all acknowledged by the broker after ${single.ackedAfter.toFixed(2)} s, written to InfluxDB after ${single.seconds.toFixed(2)} s)`);
  console.log(cpuLine(single.cpu));
  console.log(`  raw line protocol ceiling, same points: ${rate(rawSingle)} (before ${rate(s1.before)}, after ${rate(s1.after)}); ratio ${(single.perSecond / rawSingle).toFixed(2)}`);
  console.log(`publish → Socket.IO 'readings' latency: p50 ${lat.p50.toFixed(1)} ms, p99 ${lat.p99.toFixed(1)} ms (${lat.samples} of ${LATENCY_SAMPLES} received; includes the 0.5 s push tick)`);
  console.log(`RSS per 1,000 connected gateways (broker process): ${mib(rss.perThousandMiB)} for the second thousand (${rss.connected} connected); the first thousand ${mib(rss.firstMiB)}, with one-off growth`);
  console.log(`target: batched ≥ 100,000 readings/s and ≥ 0.5 of the ceiling → ${batch.perSecond >= 100_000 && batch.perSecond / rawBatch >= 0.5 ? 'met' : 'NOT met'}`);
} finally {
  await sys.dispose();
  await influxd.stop();
  await rm(influxDir, { recursive: true, force: true });
}
