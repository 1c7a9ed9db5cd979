import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Logger } from 'pino';

/** A started process as the supervisor sees it. */
export interface Launched {
  exited: Promise<number | null>;
  kill(): void;
}
export type Launcher = (args: string[]) => Launched;

export interface DemoCameraFeed {
  code: string;
  streamKey: string;
}

const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const SOURCES = ['testsrc2', 'smptehdbars', 'testsrc', 'rgbtestsrc'];

/**
 * ffmpeg arguments for one demo camera: a test pattern (a different one per camera) with its code and the time
 * drawn on it when the font exists, 25 fps, 1 s GOP, pushed over RTMP with the camera's stream key.
 */
export function demoCameraArgs(feed: DemoCameraFeed, index: number, rtmpBase: string, fontFile: string | null): string[] {
  const label = fontFile ? ['-vf', `drawtext=fontfile=${fontFile}:text='${feed.code} %{localtime}':x=10:y=10:fontsize=20:fontcolor=white:box=1:boxcolor=black@0.5`] : [];
  return [
    '-hide_banner', '-loglevel', 'error', '-nostdin', '-re', '-f', 'lavfi', '-i', `${SOURCES[index % SOURCES.length]}=size=640x360:rate=25`, ...label,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-threads', '1', '-pix_fmt', 'yuv420p', '-g', '25', '-bf', '0', '-b:v', '500k',
    '-f', 'flv', `${rtmpBase}/live/${feed.streamKey}`,
  ];
}

/** Restarts a process whenever it ends: 1 s doubling up to `maxBackoffMs`, reset after a run of `stableMs`. */
export class Supervised {
  private current: Launched | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private backoffMs: number;
  restarts = 0;

  constructor(
    private readonly launch: () => Launched,
    private readonly o: { onExit?: (code: number | null, retryInMs: number) => void; minBackoffMs?: number; maxBackoffMs?: number; stableMs?: number; now?: () => number } = {},
  ) {
    this.backoffMs = o.minBackoffMs ?? 1000;
  }

  start(): void {
    if (this.stopped) return;
    const now = this.o.now ?? Date.now;
    const startedAt = now();
    const proc = (this.current = this.launch());
    void proc.exited.then((code) => {
      if (this.current !== proc || this.stopped) return;
      this.current = null;
      if (now() - startedAt >= (this.o.stableMs ?? 30_000)) this.backoffMs = this.o.minBackoffMs ?? 1000;
      const wait = this.backoffMs;
      this.backoffMs = Math.min(this.backoffMs * 2, this.o.maxBackoffMs ?? 30_000);
      this.o.onExit?.(code, wait);
      this.timer = setTimeout(() => ((this.timer = null), this.restarts++, this.start()), wait);
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const proc = this.current;
    this.current = null;
    if (proc) {
      proc.kill();
      await proc.exited;
    }
  }
}

export const ffmpegLauncher = (ffmpegPath: string): Launcher => (args) => {
  const child = spawn(ffmpegPath, args, { stdio: 'ignore' });
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.once('error', () => resolve(null));
  });
  return { exited, kill: () => void child.kill('SIGKILL') };
};

const ffmpegInstalled = (ffmpegPath: string) => spawnSync(ffmpegPath, ['-version'], { stdio: 'ignore' }).status === 0;

/**
 * The demo's site cameras: one supervised ffmpeg per camera pushing a labelled test pattern to our RTMP port, so
 * the wall has live video out of the box. Without ffmpeg the demo runs on with the cameras offline.
 */
export function startDemoCameras(o: { feeds: DemoCameraFeed[]; rtmpPort: number; ffmpegPath?: string; log: Logger; launcher?: Launcher; installed?: boolean }): { stop(): Promise<void>; running: number } {
  const ffmpegPath = o.ffmpegPath ?? 'ffmpeg';
  if (!(o.installed ?? ffmpegInstalled(ffmpegPath))) {
    o.log.warn('未安装 ffmpeg，演示摄像机不推流（墙上显示离线）/ ffmpeg not installed: demo cameras stay offline');
    return { stop: async () => undefined, running: 0 };
  }
  const launch = o.launcher ?? ffmpegLauncher(ffmpegPath);
  const font = existsSync(FONT) ? FONT : null;
  const cameras = o.feeds.map((feed, i) => {
    const args = demoCameraArgs(feed, i, `rtmp://127.0.0.1:${o.rtmpPort}`, font);
    const s = new Supervised(() => launch(args), { onExit: (code, wait) => o.log.warn({ camera: feed.code, code, retryInMs: wait }, '演示摄像机推流中断，稍后重试 / demo camera stream ended, retrying') });
    s.start();
    return s;
  });
  o.log.info({ cameras: o.feeds.map((f) => f.code) }, '演示摄像机开始推流 / demo cameras publishing');
  return { stop: async () => void (await Promise.all(cameras.map((c) => c.stop()))), running: cameras.length };
}
