import { spawn } from 'node:child_process';

interface Tag {
  ts: number;
  key: boolean;
  bytes: Buffer;
}

const VIDEO = 9;
const SCRIPT = 18;
const tagTs = (b: Buffer) => ((b[7] << 24) | (b[4] << 16) | (b[5] << 8) | b[6]) >>> 0;
const isSequenceHeader = (b: Buffer) => b[0] === VIDEO && b[12] === 0 && (b[11] & 0x0f) === 7;

/** A video-only FLV file header. */
const FLV_HEADER = Buffer.from([0x46, 0x4c, 0x56, 0x01, 0x01, 0, 0, 0, 9, 0, 0, 0, 0]);

function retimed(tag: Buffer, ts: number): Buffer {
  const b = Buffer.from(tag);
  b[4] = (ts >> 16) & 0xff;
  b[5] = (ts >> 8) & 0xff;
  b[6] = ts & 0xff;
  b[7] = (ts >> 24) & 0xff;
  return b;
}

/**
 * The last seconds of one live stream, as the FLV tags node-media-server sends a viewer, cut at keyframes: what a
 * snapshot decodes and where a clip starts "before" the alarm. Bounded in time and bytes.
 */
export class StreamRing {
  private header: Buffer | null = null;
  private tags: Tag[] = [];
  private bytes = 0;
  private followers = new Set<(t: Tag) => void>();

  constructor(private readonly o: { keepMs: number; maxBytes: number }) {}

  /** One FLV message from the media server's tap. */
  push(msg: Buffer): void {
    if (msg.length < 15 || msg[0] === 0x46) return; // the file header
    if (msg[0] === SCRIPT) return;
    if (isSequenceHeader(msg)) {
      this.header = Buffer.from(msg);
      return;
    }
    if (msg[0] !== VIDEO) return; // video only
    const tag: Tag = { ts: tagTs(msg), key: msg[11] >> 4 === 1, bytes: Buffer.from(msg) };
    this.tags.push(tag);
    this.bytes += tag.bytes.length;
    for (const f of this.followers) f(tag);
    this.trim(tag.ts);
  }

  private trim(now: number) {
    // Drop whole GOPs that lie entirely before the window, or while over the byte bound.
    for (;;) {
      const nextKey = this.tags.findIndex((t, i) => i > 0 && t.key);
      if (nextKey <= 0) return;
      const tooOld = this.tags[nextKey].ts <= now - this.o.keepMs;
      if (!tooOld && this.bytes <= this.o.maxBytes) return;
      for (const t of this.tags.splice(0, nextKey)) this.bytes -= t.bytes.length;
    }
  }

  /** FLV of the latest GOP (sequence header, keyframe and what follows); null before the first keyframe. */
  latestGop(): Buffer | null {
    const from = this.tags.findLastIndex((t) => t.key);
    if (!this.header || from < 0) return null;
    return this.flv(this.tags.slice(from, from + 1));
  }

  /** Records from the keyframe at or before `beforeMs` ago until `afterMs` of stream time have passed (or the timeout). */
  record(beforeMs: number, afterMs: number, timeoutMs: number): Promise<Buffer | null> {
    const last = this.tags.at(-1);
    const now = last?.ts ?? 0;
    let start = this.tags.findLastIndex((t) => t.key && t.ts <= now - beforeMs);
    if (start < 0) start = this.tags.findIndex((t) => t.key);
    const taken: Tag[] = start >= 0 ? this.tags.slice(start) : [];
    const until = now + afterMs;
    return new Promise((resolve) => {
      const done = () => {
        this.followers.delete(follow);
        clearTimeout(timer);
        resolve(this.header && taken.length ? this.flv(taken) : null);
      };
      const follow = (t: Tag) => {
        if (!taken.length && !t.key) return;
        taken.push(t);
        if (t.ts >= until) done();
      };
      const timer = setTimeout(done, timeoutMs);
      this.followers.add(follow);
    });
  }

  private flv(tags: Tag[]): Buffer {
    const base = tags[0]?.ts ?? 0;
    return Buffer.concat([FLV_HEADER, retimed(this.header!, 0), ...tags.map((t) => retimed(t.bytes, t.ts - base))]);
  }
}

/** Runs ffmpeg over an FLV held in memory; resolves with its output file's bytes written to `out`. */
export function ffmpegFromFlv(ffmpegPath: string, flv: Buffer, outputArgs: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(ffmpegPath, ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'flv', '-i', 'pipe:0', ...outputArgs], { stdio: ['pipe', 'ignore', 'pipe'] });
    let err = '';
    p.stderr!.on('data', (c: Buffer) => (err = (err + c.toString()).slice(-1000)));
    p.on('error', reject);
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg exited ${code}: ${err.trim()}`))));
    p.stdin!.on('error', () => undefined);
    p.stdin!.end(flv);
  });
}

export const snapshotArgs = (out: string) => ['-frames:v', '1', '-q:v', '3', '-f', 'image2', '-c:v', 'mjpeg', out];
export const clipArgs = (out: string) => ['-c', 'copy', '-movflags', '+faststart', '-f', 'mp4', out];
