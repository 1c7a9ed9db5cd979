/**
 * WS-FLV viewers for the video benchmark, in their own process so counting frames does not share the media
 * server's event loop. Commands on stdin, one JSON line each; answers on stdout, one JSON line each:
 * {"add": [url…]} → {"open": n, "handshakeMs": [per new viewer]} once those are open; {"count": true} → {"tags": [per viewer], "closed": n,
 * "why": {reason: n}, "cpuMs", "waitMs", "lagMs"}. `why` tells a refused handshake (`http 403`), a connection the server cut
 * (`close 1006`, what a slow-viewer drop looks like from here) and a socket error apart.
 */
import readline from 'node:readline';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import WebSocket from 'ws';
import { FlvVideoCounter } from './flv-tags.ts';
import { runQueueWaitMs } from './stats.ts';

const viewers: Array<{ counter: FlvVideoCounter; why: string | null }> = [];
const reply = (o: unknown) => process.stdout.write(`${JSON.stringify(o)}\n`);
const lag = monitorEventLoopDelay({ resolution: 20 });
lag.enable();

/** Resolves with the ms from connecting to the handshake's end (open or refused). */
function open(url: string): Promise<number> {
  const t0 = performance.now();
  const v: { counter: FlvVideoCounter; why: string | null } = { counter: new FlvVideoCounter(), why: null };
  viewers.push(v);
  const ws = new WebSocket(url);
  ws.binaryType = 'nodebuffer';
  const end = (why: string) => void (v.why ??= why);
  ws.on('message', (data: Buffer) => v.counter.push(data));
  ws.on('unexpected-response', (_req, res) => (end(`http ${res.statusCode}`), ws.terminate()));
  ws.on('error', (err: NodeJS.ErrnoException) => end(`error ${err.code ?? err.message}`));
  ws.on('close', (code: number) => end(`close ${code}${v.counter.videoTags ? '' : ' before any frame'}`));
  return new Promise((resolve) => {
    const done = () => resolve(performance.now() - t0);
    ws.once('open', done);
    ws.once('close', done);
  });
}

for await (const line of readline.createInterface({ input: process.stdin })) {
  const cmd = JSON.parse(line) as { add?: string[]; count?: boolean };
  if (cmd.add) {
    const handshakeMs: number[] = [];
    for (let i = 0; i < cmd.add.length; i += 50) handshakeMs.push(...(await Promise.all(cmd.add.slice(i, i + 50).map(open))));
    reply({ open: viewers.filter((v) => !v.why).length, handshakeMs });
  }
  if (cmd.count) {
    const cpu = process.cpuUsage();
    const why: Record<string, number> = {};
    for (const v of viewers) if (v.why) why[v.why] = (why[v.why] ?? 0) + 1;
    reply({ tags: viewers.map((v) => v.counter.videoTags), closed: viewers.filter((v) => v.why).length, why, cpuMs: (cpu.user + cpu.system) / 1000, waitMs: runQueueWaitMs(), lagMs: lag.percentile(99) / 1e6 });
    lag.reset();
  }
}
process.exit(0);
