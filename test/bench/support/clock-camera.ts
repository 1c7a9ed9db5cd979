import { spawn } from 'node:child_process';
import { CLOCK_H, CLOCK_W, clockFrame } from './clock-pattern.ts';

/**
 * A camera whose every frame shows the time it was handed to the encoder: Node draws the clock pattern 25 times a
 * second into ffmpeg's stdin (raw grey), ffmpeg encodes it like the other bench cameras (x264 ultrafast, zerolatency,
 * 1 s GOP, no B-frames) and publishes it over RTMP.
 */
export function clockCamera(rtmpUrl: string, fps = 25) {
  const ffmpeg = spawn('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-nostdin', '-f', 'rawvideo', '-pix_fmt', 'gray', '-s', `${CLOCK_W}x${CLOCK_H}`, '-r', String(fps), '-i', 'pipe:0',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p', '-g', String(fps), '-bf', '0', '-f', 'flv', rtmpUrl,
  ], { stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  ffmpeg.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
  ffmpeg.stdin.on('error', () => undefined);
  const started = performance.now();
  let sent = 0;
  let timer: NodeJS.Timeout;
  // Paced against the start time, so timer lateness does not accumulate into a lower frame rate.
  const tick = () => {
    ffmpeg.stdin.write(clockFrame(Date.now()));
    sent++;
    timer = setTimeout(tick, Math.max(0, started + (sent * 1000) / fps - performance.now()));
  };
  tick();
  const exited = new Promise<void>((resolve) => ffmpeg.once('exit', () => resolve()));
  return {
    sent: () => sent,
    stderr: () => stderr,
    async stop() {
      clearTimeout(timer);
      ffmpeg.kill('SIGKILL');
      await exited;
    },
  };
}
