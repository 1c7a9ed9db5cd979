import { afterEach, describe, expect, it, vi } from 'vitest';
import pino from 'pino';
import { demoCameraArgs, startDemoCameras, Supervised, type Launched } from '../../../device-simulator/demo-cameras.ts';

/** A fake process: ends when the test says so, or when killed. */
function fakeLauncher() {
  const procs: Array<{ args: string[]; end(code: number | null): void; killed: boolean }> = [];
  const launch = (args: string[]): Launched => {
    let end!: (code: number | null) => void;
    const exited = new Promise<number | null>((resolve) => (end = resolve));
    const p = { args, end, killed: false };
    procs.push(p);
    return { exited, kill: () => ((p.killed = true), end(null)) };
  };
  return { procs, launch };
}

const silent = pino({ level: 'silent' });

describe('demo cameras', () => {
  afterEach(() => vi.useRealTimers());

  it('restarts an ended publisher with doubling backoff, reset after a stable run', async () => {
    vi.useFakeTimers();
    let now = 0;
    const f = fakeLauncher();
    const waits: number[] = [];
    const s = new Supervised(() => f.launch([]), { onExit: (_c, w) => waits.push(w), maxBackoffMs: 4000, stableMs: 30_000, now: () => now });
    s.start();
    for (let i = 0; i < 4; i++) {
      f.procs.at(-1)!.end(1);
      await vi.advanceTimersByTimeAsync(0); // the exit is seen
      await vi.advanceTimersByTimeAsync(waits.at(-1)!);
    }
    expect(waits).toEqual([1000, 2000, 4000, 4000]);
    expect(f.procs).toHaveLength(5);
    now += 60_000; // the fifth ran a minute
    f.procs.at(-1)!.end(1);
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(waits.at(-1)).toBe(1000);
    expect(f.procs).toHaveLength(6);
    await s.stop();
  });

  it('stops with the system: the running publisher is killed and no restart is pending', async () => {
    vi.useFakeTimers();
    const f = fakeLauncher();
    const cams = startDemoCameras({ feeds: [{ code: 'CAM-A', streamKey: 'k1' }, { code: 'CAM-B', streamKey: 'k2' }], rtmpPort: 1935, log: silent, launcher: f.launch, installed: true });
    expect(cams.running).toBe(2);
    expect(f.procs.map((p) => p.args.at(-1))).toEqual(['rtmp://127.0.0.1:1935/live/k1', 'rtmp://127.0.0.1:1935/live/k2']);
    f.procs[1].end(1); // one is waiting to restart
    await cams.stop();
    expect(f.procs[0].killed).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(f.procs).toHaveLength(2);
  });

  it('carries on without ffmpeg, saying so', () => {
    const f = fakeLauncher();
    const warn = vi.fn();
    const cams = startDemoCameras({ feeds: [{ code: 'CAM-A', streamKey: 'k1' }], rtmpPort: 1935, log: { warn, info: vi.fn() } as never, launcher: f.launch, installed: false });
    expect(cams.running).toBe(0);
    expect(f.procs).toHaveLength(0);
    expect(warn.mock.calls[0][0]).toMatch(/未安装 ffmpeg.*ffmpeg not installed/);
  });

  it('gives each camera its own pattern, and labels it only when the font exists', () => {
    const a = demoCameraArgs({ code: 'CAM-A', streamKey: 'k' }, 0, 'rtmp://h:1', '/f.ttf');
    const b = demoCameraArgs({ code: 'CAM-B', streamKey: 'k' }, 1, 'rtmp://h:1', null);
    expect(a.join(' ')).toContain("drawtext=fontfile=/f.ttf:text='CAM-A %{localtime}'");
    expect(b).not.toContain('-vf');
    expect(a[a.indexOf('-i') + 1]).not.toBe(b[b.indexOf('-i') + 1]);
    expect(a.slice(a.indexOf('-g'), a.indexOf('-g') + 2)).toEqual(['-g', '25']);
  });
});
