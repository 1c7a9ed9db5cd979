import { spawn } from 'node:child_process';
import { CLOCK_H, CLOCK_W, readClock } from './clock-pattern.ts';

/** ffmpeg's flags for reading live with no added buffering, as ffplay users do; the reference viewer uses them. */
const LIVE_INPUT = ['-fflags', 'nobuffer', '-flags', 'low_delay'];

/**
 * node-media-server's FLV header announces audio, so by default ffmpeg probes 5 s for an audio stream that never
 * comes; a live viewer tells it not to wait.
 */
// (0 would mean "the default" to ffmpeg, and 32 KiB alone still waits for that much live data.)
const SHORT_PROBE = ['-analyzeduration', '100000', '-probesize', '32768'];

/** ffmpeg's own start-up: from spawn to its first frame of a local null source. */
export async function ffmpegStartupMs(): Promise<number> {
  const begin = performance.now();
  const ff = spawn('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-nostdin', '-f', 'lavfi', '-i', 'nullsrc=s=320x240', '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'gray', 'pipe:1'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const exited = new Promise<void>((resolve) => ff.once('exit', () => resolve()));
  await new Promise((resolve) => ff.stdout.once('data', resolve));
  const took = performance.now() - begin;
  await exited;
  return took;
}

/**
 * Time from `begin` (ms, performance.now()) until ffmpeg, reading `url`, hands out its first decoded frame (first
 * byte of raw output). `open` gives the URL, so fetching a play URL counts as the browser's pane does.
 */
export async function ffmpegFirstFrameMs(open: () => Promise<string>, probe: 'default' | 'short' = 'short'): Promise<number> {
  const begin = performance.now();
  const url = await open();
  const ff = spawn('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-nostdin', ...LIVE_INPUT, ...(probe === 'short' ? SHORT_PROBE : []), '-i', url, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'gray', 'pipe:1'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const exited = new Promise<void>((resolve) => ff.once('exit', () => resolve()));
  const ms = await new Promise<number>((resolve, reject) => {
    ff.stdout.once('data', () => resolve(performance.now() - begin));
    ff.once('exit', (code) => reject(new Error(`ffmpeg ended before a frame (${code})`)));
  });
  ff.kill('SIGKILL');
  await exited;
  return ms;
}

/** ffmpeg decoding the clock camera's stream to raw grey frames; each frame's latency is read as it arrives. */
export function ffmpegClockViewer(url: string) {
  const ff = spawn('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-nostdin', ...LIVE_INPUT, '-i', url, '-f', 'rawvideo', '-pix_fmt', 'gray', 'pipe:1'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const samples: Array<[number, number]> = [];
  let unreadable = 0;
  const size = CLOCK_W * CLOCK_H;
  let pending: Buffer = Buffer.alloc(0);
  ff.stdout.on('data', (chunk: Buffer) => {
    const now = Date.now();
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    while (pending.length >= size) {
      const frame = pending.subarray(0, size);
      const ms = readClock((x, y) => frame[y * CLOCK_W + x]);
      if (ms === null) unreadable++;
      else samples.push([now, now - ms]);
      pending = pending.subarray(size);
    }
  });
  const exited = new Promise<void>((resolve) => ff.once('exit', () => resolve()));
  return {
    samples: () => samples,
    unreadable: () => unreadable,
    async stop() {
      ff.kill('SIGKILL');
      await exited;
    },
  };
}
