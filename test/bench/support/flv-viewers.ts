/**
 * WS-FLV viewers for the video benchmark, in their own process so counting frames does not share the media
 * server's event loop. Commands on stdin, one JSON line each; answers on stdout, one JSON line each:
 * {"add": [url…]} → {"open": n} once those are open; {"count": true} → {"tags": [per viewer], "closed": n, "cpuMs"}.
 */
import readline from 'node:readline';
import WebSocket from 'ws';
import { FlvVideoCounter } from './flv-tags.ts';

const viewers: Array<{ counter: FlvVideoCounter; closed: boolean }> = [];
const reply = (o: unknown) => process.stdout.write(`${JSON.stringify(o)}\n`);

function open(url: string): Promise<void> {
  const v = { counter: new FlvVideoCounter(), closed: false };
  viewers.push(v);
  const ws = new WebSocket(url);
  ws.binaryType = 'nodebuffer';
  ws.on('message', (data: Buffer) => v.counter.push(data));
  ws.on('close', () => (v.closed = true));
  ws.on('error', () => (v.closed = true));
  return new Promise((resolve) => (ws.once('open', () => resolve()), ws.once('close', () => resolve())));
}

for await (const line of readline.createInterface({ input: process.stdin })) {
  const cmd = JSON.parse(line) as { add?: string[]; count?: boolean };
  if (cmd.add) {
    for (let i = 0; i < cmd.add.length; i += 50) await Promise.all(cmd.add.slice(i, i + 50).map(open));
    reply({ open: viewers.filter((v) => !v.closed).length });
  }
  if (cmd.count) {
    const cpu = process.cpuUsage();
    reply({ tags: viewers.map((v) => v.counter.videoTags), closed: viewers.filter((v) => v.closed).length, cpuMs: (cpu.user + cpu.system) / 1000 });
  }
}
process.exit(0);
