import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import readline from 'node:readline';
import { run, type RunningProcess } from '../../support/ffmpeg.ts';
import type { startTestSystem } from '../../support/test-system.ts';
import { p50p95, runQueueWaitMs, sleep } from './stats.ts';

type System = Awaited<ReturnType<typeof startTestSystem>>;
type Camera = { id: number; rtmp: string; stream: string };

const FPS = 25;
const WINDOW_MS = 8000;
const KEEP_UP = 0.95;
const VIEWER_STEPS = [10, 50, 100, 200, 400, 800, 1600].filter((n) => n <= Number(process.env.VIDEO_BENCH_MAX_VIEWERS ?? 1600));
const VIEWER_PROCS = Number(process.env.VIDEO_BENCH_VIEWER_PROCS ?? 1);
const STREAM_STEPS = [4, 8, 16, 32, 64].filter((n) => n <= Number(process.env.VIDEO_BENCH_MAX_STREAMS ?? 64));

type Count = { tags: number[]; closed: number; why: Record<string, number>; cpuMs: number; waitMs: number; lagMs: number };

/** One WS-FLV viewers' process (flv-viewers.ts), driven one JSON line at a time. */
function viewerProcess() {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'flv-viewers.ts')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const ask = async <T>(cmd: object): Promise<T> => {
    child.stdin.write(`${JSON.stringify(cmd)}\n`);
    const { value } = await lines.next();
    return JSON.parse(value as string) as T;
  };
  return {
    add: (urls: string[]) => ask<{ open: number; handshakeMs: number[] }>({ add: urls }),
    count: () => ask<Count>({ count: true }),
    stop: async () => {
      child.stdin.end();
      child.kill();
    },
  };
}

/**
 * Viewers spread over `procs` processes (VIDEO_BENCH_VIEWER_PROCS), so one load generator's event loop falling
 * behind is not read as the platform's limit; counts come back per viewer in the order added.
 */
function viewerPool(procs: number) {
  const pool = Array.from({ length: procs }, viewerProcess);
  const owner: number[] = [];
  return {
    procs,
    /**
     * Opens viewers 50 at a time, each batch's play URLs made just before it: a play token must start its playback
     * within a minute, and opening hundreds on a loaded machine takes longer than that.
     */
    add: async (urls: Array<() => string>) => {
      const handshakeMs: number[] = [];
      for (let i = 0; i < urls.length; i += 50) {
        const shares = pool.map(() => [] as string[]);
        for (const url of urls.slice(i, i + 50)) {
          const k = owner.length % procs;
          owner.push(k);
          shares[k].push(url());
        }
        for (const r of await Promise.all(pool.map((p, k) => (shares[k].length ? p.add(shares[k]) : null)))) handshakeMs.push(...(r?.handshakeMs ?? []));
      }
      return handshakeMs;
    },
    count: async () => {
      const counts = await Promise.all(pool.map((p) => p.count()));
      const next = counts.map(() => 0);
      const why: Record<string, number> = {};
      for (const c of counts) for (const [reason, n] of Object.entries(c.why)) why[reason] = (why[reason] ?? 0) + n;
      return {
        tags: owner.map((k) => counts[k].tags[next[k]++]),
        closed: counts.reduce((n, c) => n + c.closed, 0),
        why,
        cpuMs: counts.map((c) => c.cpuMs),
        waitMs: counts.map((c) => c.waitMs),
        lagMs: Math.max(...counts.map((c) => c.lagMs)),
      };
    },
    stop: () => Promise.all(pool.map((p) => p.stop())),
  };
}

function exec(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => spawn('ffmpeg', args, { stdio: 'ignore' }).once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg ${code}`)))));
}

const rssMiB = async () => {
  for (let i = 0; i < 2; i++) (globalThis as { gc?: () => void }).gc?.(), await sleep(200);
  return process.memoryUsage().rss / 2 ** 20;
};

/**
 * Viewers per stream and streams per process, each ramped until a viewer falls below 95 % of the publisher's 25 fps
 * (counted as FLV video tags over 8 s) or is dropped; and the platform process's RSS per viewer. Publishers are
 * ffmpeg copying a pre-encoded 640×360 800 kbit/s clip (1 s GOP) at real-time pace, so encoding costs no CPU; the
 * viewers run in VIDEO_BENCH_VIEWER_PROCS child processes (1). The platform is this process. Each step says why any
 * viewer closed, as the viewers saw it and as the media server counted it (slow-viewer drops, refusals), so a
 * load generator that cannot drain (slow-viewer drops with its own event loop lagging) tells itself apart.
 */
export async function viewerLoad(sys: System, camera: (code: string) => Promise<Camera>, live: (id: number) => Promise<unknown>, parts: string[]): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hazwatch-bench-video-'));
  const clip = path.join(dir, 'clip.flv');
  await exec(['-hide_banner', '-nostdin', '-f', 'lavfi', '-i', `testsrc=size=640x360:rate=${FPS}`, '-t', '10', '-c:v', 'libx264', '-preset', 'veryfast', '-b:v', '800k', '-maxrate', '800k', '-bufsize', '800k', '-pix_fmt', 'yuv420p', '-g', String(FPS), '-bf', '0', '-f', 'flv', clip]);
  const publishers: RunningProcess[] = [];
  const publish = async (cam: Camera) => {
    publishers.push(run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-nostdin', '-re', '-stream_loop', '-1', '-i', clip, '-c', 'copy', '-f', 'flv', cam.rtmp]));
    await live(cam.id);
  };
  const wsUrl = (stream: string) => () => `ws://127.0.0.1:${sys.ports.videoHttp}/live/${stream}.flv?token=${encodeURIComponent(sys.video!.tokens.issue({ stream, userId: 1, expiresAt: Date.now() + 60_000 }))}`;

  /** The media server's own account: viewers it dropped for holding too much unsent data, and refusals by reason. */
  const serverCounts = async () => {
    const text = await (await fetch(`${sys.urls.http}/metrics`)).text();
    const refused: Record<string, number> = {};
    for (const [, reason, n] of text.matchAll(/^video_refused_total\{reason="([a-z_]+)"\} (\d+)/gm)) refused[reason] = Number(n);
    return { slowDropped: Number(/^video_viewers_dropped_total (\d+)/m.exec(text)?.[1] ?? 0), refused };
  };
  const platformLag = monitorEventLoopDelay({ resolution: 20 });
  platformLag.enable();

  /** Each viewer's frames per second over the window, CPU shares, event-loop lag (p99) and why viewers closed. */
  const measure = async (viewers: ReturnType<typeof viewerPool>) => {
    await sleep(3000); // past the GOP-cache burst of the newest viewers
    const a = await viewers.count();
    const cpu0 = process.cpuUsage();
    const wait0 = runQueueWaitMs();
    platformLag.reset();
    await sleep(WINDOW_MS);
    const b = await viewers.count();
    const cpu = process.cpuUsage(cpu0);
    const platformWait = (runQueueWaitMs() - wait0) / WINDOW_MS;
    const server = await serverCounts();
    const rates = b.tags.map((t, i) => (t - (a.tags[i] ?? 0)) / (WINDOW_MS / 1000));
    return {
      min: Math.min(...rates),
      closed: b.closed,
      why: b.why,
      server,
      platformCpu: (cpu.user + cpu.system) / 1000 / WINDOW_MS,
      platformLagMs: platformLag.percentile(99) / 1e6,
      platformWait,
      viewerCpu: b.cpuMs.map((c, k) => (c - a.cpuMs[k]) / WINDOW_MS),
      viewerWait: b.waitMs.map((w, k) => (w - a.waitMs[k]) / WINDOW_MS),
      viewerLagMs: b.lagMs,
    };
  };
  const keepsUp = (m: { min: number; closed: number }) => m.closed === 0 && m.min >= KEEP_UP * FPS;
  const pct = (v: number) => `${(v * 100).toFixed(0)} %`;
  const reasons = (o: Record<string, number>) => Object.entries(o).map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
  const line = (what: string, m: Awaited<ReturnType<typeof measure>>) =>
    `${what}: slowest viewer ${m.min.toFixed(1)} fps, ${m.closed} closed (seen by the viewers: ${reasons(m.why)}; media server: ${m.server.slowDropped} slow-viewer drops, refused ${reasons(m.server.refused)}); ` +
    `platform process ${pct(m.platformCpu)} of a core (main thread waited for a CPU ${pct(m.platformWait)} of the time), event-loop lag p99 ${m.platformLagMs.toFixed(0)} ms; ` +
    `viewers' processes ${m.viewerCpu.map(pct).join(' + ')} (waited ${m.viewerWait.map(pct).join(' + ')}), lag p99 ${m.viewerLagMs.toFixed(0)} ms`;

  try {
    if (parts.includes('viewers')) {
      const cam = await camera('B-VIEW');
      await publish(cam);
      const viewers = viewerPool(VIEWER_PROCS);
      // Per viewer as the slope from the first step on: start-up garbage freed by the first collections would
      // otherwise read as negative memory.
      let first: { n: number; rss: number } | null = null;
      let best = 0;
      let rssPer = NaN;
      for (const n of VIEWER_STEPS) {
        const t0 = performance.now();
        const handshakes = await viewers.add(Array.from({ length: n - best }, () => wsUrl(cam.stream)));
        const opened = `${n - best} opened in ${((performance.now() - t0) / 1000).toFixed(1)} s, handshake ${p50p95(handshakes)}`;
        const m = await measure(viewers);
        const rss = await rssMiB();
        first ??= { n, rss };
        const slope = n > first.n ? ((rss - first.rss) * 1024) / (n - first.n) : NaN;
        console.log(`  ${line(`${n} viewers on one stream (${opened})`, m)}; RSS ${rss.toFixed(0)} MiB${n > first.n ? ` (${slope.toFixed(0)} KiB per viewer since ${first.n})` : ''}`);
        if (!keepsUp(m)) break;
        best = n;
        rssPer = slope;
      }
      await viewers.stop();
      console.log(`viewers per stream (640×360, 800 kbit/s, WS-FLV), all at ≥ 95 % of the publisher's 25 fps: ${best}${best === VIEWER_STEPS.at(-1) ? ' (the largest step tried)' : ''}; RSS per viewer ${rssPer.toFixed(0)} KiB (reference: the publisher's frame rate)`);
    }
    if (parts.includes('streams')) {
      const viewers = viewerPool(VIEWER_PROCS);
      let best = 0;
      const cams: Camera[] = [];
      for (const k of STREAM_STEPS) {
        const fresh: Camera[] = [];
        while (cams.length < k) {
          const cam = await camera(`B-S${cams.length}`);
          cams.push(cam);
          fresh.push(cam);
        }
        await Promise.all(fresh.map(publish));
        await viewers.add(fresh.map((c) => wsUrl(c.stream)));
        const m = await measure(viewers);
        console.log(`  ${line(`${k} streams, one viewer each`, m)}`);
        if (!keepsUp(m)) break;
        best = k;
      }
      await viewers.stop();
      console.log(`streams per process, each viewed, all at ≥ 95 % of 25 fps: ${best}${best === STREAM_STEPS.at(-1) ? ' (the largest step tried)' : ''} (publishers are ffmpeg processes on the same 2 cores)`);
    }
  } finally {
    await Promise.all(publishers.map((p) => p.stop()));
    await rm(dir, { recursive: true, force: true });
  }
}
