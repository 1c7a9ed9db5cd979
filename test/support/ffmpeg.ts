import { spawn, type ChildProcess } from 'node:child_process';

/** Debian's ffmpeg as a camera: an H.264 test pattern with a 1 s GOP and no B-frames, at real-time pace. */
export function testPatternArgs(opts: { fps?: number; size?: string } = {}) {
  const fps = opts.fps ?? 25;
  return ['-re', '-f', 'lavfi', '-i', `testsrc=size=${opts.size ?? '320x240'}:rate=${fps}`, '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p', '-g', String(fps), '-bf', '0'];
}

export interface RunningProcess {
  child: ChildProcess;
  stderr: () => string;
  stdout: () => string;
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** `group`: the command runs in its own process group, and stop() kills the group (for wrappers like runuser). */
export function run(cmd: string, args: string[], opts: { group?: boolean } = {}): RunningProcess {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: opts.group ?? false });
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err = (err + c.toString()).slice(-20_000)));
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out = (out + c.toString()).slice(-20_000)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    stderr: () => err,
    stdout: () => out,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        if (opts.group && child.pid) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      }
      await exited;
    },
  };
}

/** ffmpeg pushing the test pattern to an RTMP URL until stopped. */
export const publishRtmp = (url: string) => run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-nostdin', ...testPatternArgs(), '-f', 'flv', url]);

/**
 * ffmpeg as the viewer: reads an HTTP-FLV URL and decodes `frames` video frames. Resolves with how many frames it
 * decoded and its exit code.
 */
export async function readFrames(url: string, frames: number): Promise<{ code: number | null; frames: number; stderr: string }> {
  const p = run('ffmpeg', ['-hide_banner', '-nostdin', '-loglevel', 'info', '-stats', '-rw_timeout', '15000000', '-i', url, '-frames:v', String(frames), '-f', 'null', '-']);
  const code = await p.exited;
  const counts = [...p.stderr().matchAll(/frame=\s*(\d+)/g)].map((m) => Number(m[1]));
  return { code, frames: counts.at(-1) ?? 0, stderr: p.stderr() };
}

/** The value of one Prometheus sample from /metrics text, 0 when absent. */
export function metricValue(text: string, name: string, labels: Record<string, string> = {}): number {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([^}]*)\})? ([0-9.e+-]+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = (m[3] ?? '').split(',');
    if (want.every((w) => have.includes(w))) return Number(m[4]);
  }
  return 0;
}
