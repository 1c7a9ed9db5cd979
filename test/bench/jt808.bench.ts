/**
 * Issue 5 benchmark: JT/T 808 0x0200 decode rate on one core; the most authenticated terminals one gateway holds open
 * (50,000, loopback; in socket processes when one process may not open that many files) and its RSS per 1,000; sustained positions/s persisted end to end (socket →
 * gateway → pipeline → InfluxDB, counted back) beside a raw line-protocol write of the same points in this run.
 * Load generators run in child processes (with a raised fd limit) so they do not share the gateway's event loop;
 * on this 2-core machine they still share its CPUs, which the figures include.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import os from 'node:os';
import pino from 'pino';
import {
  decodeFrame,
  decodeGeneralResponse,
  decodeLocation,
  decodeRegisterReply,
  encodeAuthenticate,
  encodeFrame,
  encodeLocation,
  encodeRegister,
  FrameSplitter,
  FrameStreamDecoder,
  MsgId,
  type Jt808Frame,
} from '../../ingest/jt808/codec/index.ts';
import { startJt808Gateway } from '../../ingest/jt808/gateway/jt808-server.ts';
import { createMetrics } from '../../platform/metrics.ts';
import type { DeviceDirectory, TerminalRegistry } from '../../ingest/ports.ts';
import type { VehicleInfo } from '../../registry/registry-directory.ts';
import { hashAuthCode } from '../../registry/terminal-auth-codes.ts';
import { connectInflux, ensureInfluxSchema } from '../../platform/influx/influx-connection.ts';
import { telemetryStores } from '../../monitor/telemetry-store/telemetry-schema.ts';
import { positionLine } from '../../monitor/telemetry-store/line-protocol.ts';
import { vectors, wire } from '../unit/jt808/helpers.ts';

const TARGET_TERMINALS = Number(process.env.BENCH_JT808_TERMINALS ?? 50_000);
const CONNECT_DEADLINE_S = Number(process.env.BENCH_JT808_CONNECT_S ?? 180);
const LOAD_VEHICLES = Number(process.env.BENCH_JT808_VEHICLES ?? 200);
const LOAD_SECONDS = Number(process.env.BENCH_JT808_LOAD_S ?? 20);
const WINDOW = 32; // unanswered 0x0200 per terminal
const FD_LIMIT = 120_000;
const HANDSHAKE_TIMEOUT_MS = 10_000;
/** Comma-separated subset of decode,terminals,persisted; all by default. */
const PARTS = new Set((process.env.BENCH_JT808_PARTS ?? 'decode,terminals,persisted').split(','));
const SOURCE_ADDRESSES = ['127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5']; // ~28k ephemeral ports each

const self = new URL(import.meta.url).pathname;
const role = process.argv[2];

/** One lean terminal: a socket, a splitter, a frame callback. */
class LeanTerminal {
  readonly wirePhone: string;
  private serial = 0;
  private readonly splitter = new FrameSplitter();
  socket!: net.Socket;
  onFrame: (f: Jt808Frame) => void = () => undefined;

  constructor(readonly phone: string) {
    this.wirePhone = phone.padStart(12, '0');
  }

  connect(port: number, localAddress?: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.socket = net.connect({ port, host: '127.0.0.1', localAddress });
      this.socket.once('connect', () => resolve());
      this.socket.once('error', reject);
      this.socket.on('data', (chunk) => {
        for (const raw of this.splitter.push(chunk)) this.onFrame(decodeFrame(raw));
      });
    });
  }

  send(msgId: number, body: Buffer): number {
    const serial = this.serial;
    this.serial = (this.serial + 1) & 0xffff;
    this.socket.write(encodeFrame({ msgId, encryption: 0, subpackage: false, is2019: false, phone: this.wirePhone, serial }, body));
    return serial;
  }

  next(match: (f: Jt808Frame) => boolean): Promise<Jt808Frame> {
    return new Promise((resolve) => {
      this.onFrame = (f) => {
        if (match(f)) resolve(f);
      };
    });
  }

  async authenticate(code: string): Promise<number> {
    const reply = this.next((f) => f.header.msgId === MsgId.PlatformResponse);
    this.send(MsgId.Authenticate, encodeAuthenticate({ authCode: code }, { is2019: false }));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error('no answer'), { code: 'TIMEOUT' })), HANDSHAKE_TIMEOUT_MS);
    });
    try {
      return decodeGeneralResponse((await Promise.race([reply, timeout])).body).result;
    } finally {
      clearTimeout(timer);
    }
  }

  async registerAndAuthenticate(plate: string): Promise<boolean> {
    const reply = this.next((f) => f.header.msgId === MsgId.RegisterReply);
    this.send(MsgId.Register, encodeRegister({ edition: '2013', provinceId: 32, cityId: 100, makerId: 'BENCH', model: 'LOAD', terminalId: this.phone.slice(-7), plateColor: 2, plate }));
    const reg = decodeRegisterReply((await reply).body);
    return reg.result === 0 && (await this.authenticate(reg.authCode!)) === 0;
  }
}

/** Open-file limit a child gets: FD_LIMIT when the hard limit may be raised (CAP_SYS_RESOURCE), else the hard limit. */
function childFdLimit(): number {
  const r = spawnSync('bash', ['-c', `ulimit -n ${FD_LIMIT} 2>/dev/null; ulimit -n`], { encoding: 'utf8' });
  return Number(r.stdout.trim());
}

/** Runs a child of this file with the raised fd limit. */
function child(args: string[]): ChildProcess {
  const cmd = `ulimit -n ${FD_LIMIT} 2>/dev/null || ulimit -n $(ulimit -Hn); exec "${process.execPath}" --expose-gc --import tsx "${self}" ${args.map((a) => `'${a}'`).join(' ')}`;
  return spawn('bash', ['-c', cmd], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

/** The child's next message; a child that exits first fails the run instead of leaving it waiting. */
const nextMessage = <T>(c: ChildProcess) =>
  new Promise<T>((resolve, reject) => {
    const exited = (code: number | null) => reject(new Error(`bench child exited (code ${code}) before answering`));
    c.once('exit', exited);
    c.once('message', (m) => {
      c.off('exit', exited);
      resolve(m as T);
    });
  });
const gc = () => (globalThis as { gc?: () => void }).gc?.();

// ---- child roles ----

/** A gateway whose registry knows every phone, with the auth code 'BENCH'; reports RSS (with its socket processes) on request. */
async function gatewayRole(job: { socketProcesses: number }) {
  const authCodeHash = hashAuthCode('BENCH');
  const directory = {
    vehicleByPhone: async (phone: string): Promise<VehicleInfo> => ({ id: Number(phone.slice(-9)), plate: phone, enterpriseId: 1, regionCode: '320116', terminalPhone: phone, authCodeHash, terminal: null, terminalImei: null, speedLimitKmh: null, heartbeatS: null }),
  } as unknown as DeviceDirectory;
  const terminals = { recordUnboundTerminal: async () => undefined } as unknown as TerminalRegistry;
  const gateway = await startJt808Gateway({
    port: 0,
    host: '0.0.0.0',
    idleTimeoutS: 3600,
    authTimeoutS: 3600,
    commandTimeoutS: 10,
    lenientChecksum: false,
    positionWindow: { maxFutureMs: 5 * 60_000, maxAgeMs: 190 * 86_400_000 },
    strict: false,
    socketProcesses: job.socketProcesses,
    directory,
    terminals,
    positions: { acceptPosition: () => undefined },
    media: { storeMedia: async () => undefined },
    metrics: createMetrics(),
    log: pino({ level: 'warn' }),
  });
  const rss = async () => {
    gc();
    await new Promise((r) => setTimeout(r, 500));
    gc();
    const held = await gateway.socketProcesses();
    return { rss: process.memoryUsage().rss + held.reduce((n, p) => n + p.rssBytes, 0), held: held.map((p) => p.links) };
  };
  process.send!({ port: gateway.port, ...(await rss()) });
  process.on('message', async (m) => {
    if (m === 'rss') process.send!({ ...(await rss()), sessions: gateway.sessionCount() });
    if (m === 'stop') await gateway.close().then(() => process.exit(0));
  });
}

/** Opens `count` terminals, authenticates each, keeps them open until told to stop. */
async function clientsRole(job: { port: number; first: number; count: number; deadline: number }) {
  const terminals: LeanTerminal[] = [];
  const errors: Record<string, number> = {};
  let authenticated = 0;
  let next = 0;
  const worker = async () => {
    while (next < job.count && Date.now() < job.deadline) {
      const i = job.first + next++;
      const t = new LeanTerminal(String(13_000_000_000 + i));
      try {
        await t.connect(job.port, SOURCE_ADDRESSES[i % SOURCE_ADDRESSES.length]);
        t.socket.on('error', () => undefined);
        if ((await t.authenticate('BENCH')) === 0) authenticated++;
        terminals.push(t);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code ?? 'error';
        errors[code] = (errors[code] ?? 0) + 1;
        t.socket?.destroy();
        // The limit is reached: stop rather than queue more handshakes that cannot complete.
        if (code === 'EMFILE' || code === 'EADDRNOTAVAIL' || code === 'TIMEOUT') return;
      }
    }
  };
  await Promise.all(Array.from({ length: 200 }, worker));
  process.send!({ authenticated, errors });
  process.on('message', (m) => {
    if (m === 'stop') {
      for (const t of terminals) t.socket.destroy();
      process.exit(0);
    }
  });
}

/** Registered vehicles report positions with a window of unanswered frames; distinct device seconds per vehicle. */
async function blastRole(job: { port: number; phones: string[]; plates: string[]; seconds: number; tsBase: number }) {
  const terminals = job.phones.map((p) => new LeanTerminal(p));
  for (const t of terminals) {
    await t.connect(job.port);
    if (!(await t.registerAndAuthenticate(job.plates[terminals.indexOf(t)]))) throw new Error(`terminal ${t.phone} was not accepted`);
  }
  process.send!('ready');
  await new Promise((r) => process.once('message', r));
  const stopAt = Date.now() + job.seconds * 1000;
  let sent = 0;
  let acked = 0;
  await Promise.all(
    terminals.map(
      (t, v) =>
        new Promise<void>((resolve) => {
          let k = 0;
          let open = 0;
          const pump = () => {
            while (open < WINDOW && Date.now() < stopAt) {
              const time = new Date(job.tsBase + k++ * 1000);
              t.send(MsgId.Location, encodeLocation({ alarm: 0, status: 0b11, rawLat: 32_000_000 + v * 1000, rawLon: 118_000_000, altitude: 10, rawSpeed: 400, direction: 90, time }));
              open++;
              sent++;
            }
            if (open === 0) resolve();
          };
          t.onFrame = (f) => {
            if (f.header.msgId !== MsgId.PlatformResponse) return;
            open--;
            acked++;
            pump();
          };
          pump();
        }),
    ),
  );
  process.send!({ sent, acked });
  for (const t of terminals) t.socket.destroy();
}

// ---- measurements ----

/**
 * Frames per CPU-second of this process (process.cpuUsage, so other load on a shared machine does not count).
 * `full` also reads the alarm/status flags and every extra item, which the gateway's hot path never touches.
 */
function decodeRate(vector: number, full: boolean): number {
  const frame = wire(vectors[vector]);
  const stream = Buffer.concat(Array.from({ length: 1000 }, () => frame));
  const run = (chunks: number) => {
    const splitter = new FrameSplitter();
    // As each gateway connection decodes: quirks taken (they cost nothing until a frame fails).
    const decoder = new FrameStreamDecoder({ lenient: false, acceptQuirks: true, onMalformed: () => undefined });
    const started = process.cpuUsage();
    let n = 0;
    for (let k = 0; k < chunks; k++) {
      for (const raw of splitter.push(stream)) {
        const loc = decodeLocation(decoder.push(raw)!.body);
        if (full && loc.extras && loc.alarmFlags.sos === loc.statusFlags.fixed) n += 0;
        n++;
      }
    }
    const used = process.cpuUsage(started);
    return n / ((used.user + used.system) / 1e6);
  };
  run(200);
  const rates = Array.from({ length: 5 }, () => run(300)).sort((a, b) => a - b);
  return rates[2];
}

async function concurrentTerminals(fdLimit: number) {
  // Every terminal is one fd where its socket is held, and one in a client process; keep a margin for other files.
  const perProcess = fdLimit - 500;
  const target = TARGET_TERMINALS;
  const socketProcesses = target > perProcess ? Math.ceil(target / perProcess) : 0;
  const gateway = child(['--gateway', JSON.stringify({ socketProcesses })]);
  const ready = await nextMessage<{ port: number; rss: number }>(gateway);
  const deadline = Date.now() + CONNECT_DEADLINE_S * 1000;
  const clientCount = Math.max(2, Math.ceil(target / perProcess));
  const share = Math.ceil(target / clientCount);
  const started = performance.now();
  const clients = Array.from({ length: clientCount }, (_, c) =>
    child(['--clients', JSON.stringify({ port: ready.port, first: c * share, count: Math.min(share, target - c * share), deadline })]),
  );
  const results = await Promise.all(clients.map((c) => nextMessage<{ authenticated: number; errors: Record<string, number> }>(c)));
  const seconds = (performance.now() - started) / 1000;
  gateway.send('rss');
  const after = await nextMessage<{ rss: number; sessions: number; held: number[] }>(gateway);
  for (const c of [...clients, gateway]) c.send('stop');
  const authenticated = results.reduce((n, r) => n + r.authenticated, 0);
  const errors = results.map((r) => r.errors);
  return { target, socketProcesses, clientCount, authenticated, sessions: after.sessions, held: after.held, seconds, errors, rssBefore: ready.rss, rssAfter: after.rss };
}

async function persistedPositions(socketProcesses: number) {
  const { ADMIN_PASSWORD, apiClient, startTestSystem } = await import('../support/test-system.ts');
  const sys = await startTestSystem({ JT808_SOCKET_PROCESSES: String(socketProcesses) });
  try {
    const api = apiClient(sys.urls.http);
    await api.login('admin', ADMIN_PASSWORD);
    const enterprise = await api.call('POST', '/api/enterprises', { code: '91320116MA1XYW0J8B', name: '危运压测有限公司', regionCode: '320116' });
    const phones: string[] = [];
    const plates: string[] = [];
    const vehicleIds: number[] = [];
    for (let i = 0; i < LOAD_VEHICLES; i++) {
      const phone = String(13_900_100_000 + i);
      const plate = `苏A·Y${String(i).padStart(4, '0')}`;
      const v = await api.call('POST', '/api/vehicles', { plate, enterpriseId: enterprise.body.id, terminalPhone: phone });
      if (v.status !== 201) throw new Error(`vehicle ${i}: ${v.status} ${JSON.stringify(v.body)}`);
      phones.push(phone);
      plates.push(plate);
      vehicleIds.push(v.body.id);
    }
    const tsBase = Math.floor((Date.now() - 3 * 86_400_000) / 1000) * 1000;
    const load = child(['--blast', JSON.stringify({ port: sys.ports.jt808, phones, plates, seconds: LOAD_SECONDS, tsBase })]);
    await nextMessage(load);
    const started = performance.now();
    load.send('go');
    const { sent, acked } = await nextMessage<{ sent: number; acked: number }>(load);
    const answeredSeconds = (performance.now() - started) / 1000;
    const count = async (measurement: string, db: string) => {
      const q = new URLSearchParams({ db, q: `SELECT count("lat") FROM "${db}"."track"."${measurement}" WHERE time >= ${tsBase}ms`, epoch: 'ms' });
      const body = (await (await fetch(`${sys.urls.influx}/query?${q}`)).json()) as { results: Array<{ series?: Array<{ values: unknown[][] }> }> };
      return Number(body.results[0].series?.[0]?.values[0][1] ?? 0);
    };
    // The clock stops once InfluxDB has acknowledged every write; the count back verifies it outside the clock.
    let counted = 0;
    let persistedSeconds = 0;
    for (let attempt = 0; attempt < 30 && counted < sent; attempt++) {
      await sys.flushTelemetry();
      persistedSeconds = (performance.now() - started) / 1000;
      counted = await count('position', 'hazwatch');
    }

    // The same points straight into InfluxDB as line protocol, 5,000 lines per request, one in flight.
    const conn = await connectInflux({ url: sys.urls.influx, database: 'raw_jt808', api: 'auto', influxdPath: 'influxd', sensorRetentionDays: 90, trackRetentionDays: 190, bucket: 'x' } as never);
    const stores = telemetryStores({ sensorRetentionDays: 90, trackRetentionDays: 190 });
    await ensureInfluxSchema(conn, Object.values(stores));
    const writeApi = conn.writeApi(stores.track, { batchSize: 5001, flushInterval: 0, maxRetries: 0 });
    const perVehicle = Math.ceil(sent / LOAD_VEHICLES);
    const lines: string[] = [];
    for (let v = 0; v < LOAD_VEHICLES; v++) {
      for (let k = 0; k < perVehicle && lines.length < sent; k++) {
        lines.push(
          positionLine({
            vehicleId: vehicleIds[v], plate: '', enterpriseId: enterprise.body.id, regionCode: '320116', lat: 32 + v / 1000, lon: 118, altitude: 10, speedKmh: 40, direction: 90,
            ts: new Date(tsBase + k * 1000), alarmBits: 0, statusBits: 3, fixed: true, drift: false, deviceTime: true, sos: false, reupload: false,
          }),
        );
      }
    }
    const rawStarted = performance.now();
    for (let i = 0; i < lines.length; i += 5000) {
      writeApi.writeRecords(lines.slice(i, i + 5000));
      await writeApi.flush();
    }
    const rawSeconds = (performance.now() - rawStarted) / 1000;
    await writeApi.close();
    const rawCounted = await count('position', 'raw_jt808');
    return { sent, acked, counted, answeredSeconds, persistedSeconds, raw: rawCounted / rawSeconds, rawCounted };
  } finally {
    await sys.dispose();
  }
}

// ---- main ----

if (role === '--gateway') await gatewayRole(JSON.parse(process.argv[3]));
else if (role === '--clients') await clientsRole(JSON.parse(process.argv[3]));
else if (role === '--blast') await blastRole(JSON.parse(process.argv[3]));
else {
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  console.log(`machine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model}), node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);

  const anchor = 100_000 / 0.102; // SmallChi/JT808: 100,000 full 0x0200 frames in about 102 ms (.NET)
  const frames = [[1, 'every standard 2013 extra item (SmallChi test frame), 107 B'], [29, 'real device frame, 87 B']] as const;
  for (const [vector, what] of PARTS.has('decode') ? frames : []) {
    for (const full of [false, true]) {
      const rate = decodeRate(vector, full);
      console.log(`decode 0x0200, ${what}, ${full ? 'full (flags and extra items read)' : 'gateway path (flags and extras decoded on demand)'}: ${fmt(rate)} frames per CPU-second`);
      console.log(`  vs SmallChi anchor ${fmt(anchor)}/s: ${(rate / anchor).toFixed(2)}; target 1,000,000/s → ${rate >= 1_000_000 ? 'met' : 'NOT met'}`);
    }
  }

  const fdLimit = childFdLimit();
  const c = PARTS.has('terminals') ? await concurrentTerminals(fdLimit) : null;
  if (c) {
    const perThousand = ((c.rssAfter - c.rssBefore) / Math.max(1, c.authenticated)) * 1000;
    const where = c.socketProcesses ? `one gateway, sockets in ${c.socketProcesses} socket processes (${c.held.map(fmt).join(' + ')})` : 'one gateway process';
    console.log(
      `concurrent authenticated terminals (loopback, ${where}; ${c.clientCount} client processes): ${fmt(c.authenticated)} of ${fmt(c.target)} attempted in ${c.seconds.toFixed(1)} s; gateway reports ${fmt(c.sessions)} sessions`,
    );
    console.log(`  open-file limit ${fmt(fdLimit)} per process${fdLimit < TARGET_TERMINALS ? ' (hard limit; raising it needs CAP_SYS_RESOURCE): hence the socket processes' : ''}`);
    console.log(`  gateway RSS, all its processes: ${(c.rssBefore / 1048576).toFixed(0)} → ${(c.rssAfter / 1048576).toFixed(0)} MiB: ${(perThousand / 1048576).toFixed(1)} MiB per 1,000 terminals; client errors ${JSON.stringify(c.errors)}`);
    console.log(`  target 50,000 → ${c.authenticated >= 50_000 ? 'met' : 'NOT met'}`);
  }

  // Once with the sockets in the gateway's process, once relayed through two socket processes: the relay's cost.
  for (const socketProcesses of PARTS.has('persisted') ? [0, 2] : []) {
    const p = await persistedPositions(socketProcesses);
    const e2e = p.counted / p.persistedSeconds;
    const where = socketProcesses ? `sockets in ${socketProcesses} socket processes` : "sockets in the gateway's process";
    console.log(
      `positions persisted end to end (${LOAD_VEHICLES} terminals, ${where}, ${WINDOW} unanswered each, ${LOAD_SECONDS} s): ${fmt(e2e)} positions/s; sent ${fmt(p.sent)}, answered ${fmt(p.acked)} (${fmt(p.acked / p.answeredSeconds)}/s), counted back ${fmt(p.counted)}`,
    );
    console.log(`  raw line protocol, same points, same InfluxDB: ${fmt(p.raw)} points/s (${fmt(p.rawCounted)} counted); ratio ${(e2e / p.raw).toFixed(2)}`);
    console.log(`  vs go-jt808 claim 5,000/s: ${(e2e / 5000).toFixed(1)}×; target 20,000/s → ${e2e >= 20_000 ? 'met' : 'NOT met'}`);
  }
}
