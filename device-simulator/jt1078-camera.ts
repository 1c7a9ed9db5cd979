import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { decodeAvControl, decodeAvRequest, MsgId } from '../ingest/jt808/codec/index.ts';
import { DataType, encodeMediaPacket, fragmentsOf } from '../ingest/jt1078/codec/media-packet.ts';
import { NalType, nalType, splitAnnexB } from '../ingest/video/h264.ts';
import type { SimulatedTerminal } from './jt808-terminal.ts';

/**
 * Groups an H.264 elementary stream (Annex B, one slice per picture) into access units: parameter sets and SEI go
 * with the picture that follows them.
 */
export class AccessUnitSplitter {
  private pending = Buffer.alloc(0);
  private nals: Buffer[] = [];

  push(chunk: Buffer): Buffer[] {
    this.pending = Buffer.concat([this.pending, chunk]);
    // Keep the bytes after the last start code: that NAL may not be complete yet.
    const last = this.pending.lastIndexOf(Buffer.from([0, 0, 1]));
    if (last <= 0) return [];
    const complete = this.pending.subarray(0, last);
    this.pending = Buffer.from(this.pending.subarray(last));
    const units: Buffer[] = [];
    for (const nal of splitAnnexB(complete)) {
      this.nals.push(nal);
      const t = nalType(nal);
      if (t === NalType.Idr || t === NalType.NonIdr) {
        units.push(Buffer.concat(this.nals.flatMap((n) => [Buffer.from([0, 0, 0, 1]), n])));
        this.nals = [];
      }
    }
    return units;
  }
}

export interface TruckCameraOptions {
  host: string;
  port: number;
  sim: string;
  channel: number;
  ffmpegPath?: string;
  fps?: number;
}

/**
 * A truck camera: ffmpeg's test pattern as H.264 (1 s GOP, no B-frames), packetised as JT/T 1078 packets (≤ 950-byte
 * bodies, fragment flags, I/P data types) over a TCP connection to the platform's media listener.
 */
export function streamTruckCamera(o: TruckCameraOptions): { stop(): void; stopped: Promise<void> } {
  const fps = o.fps ?? 25;
  const socket = net.connect(o.port, o.host);
  const ffmpeg: ChildProcess = spawn(o.ffmpegPath ?? 'ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-nostdin', '-re', '-f', 'lavfi', '-i', `testsrc=size=320x240:rate=${fps}`,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-threads', '1', '-pix_fmt', 'yuv420p', '-g', String(fps), '-bf', '0', '-f', 'h264', '-',
  ], { stdio: ['ignore', 'pipe', 'ignore'] });
  const splitter = new AccessUnitSplitter();
  let sequence = 0;
  let lastI = Date.now();
  let lastFrame = Date.now();
  ffmpeg.stdout!.on('data', (chunk: Buffer) => {
    for (const unit of splitter.push(chunk)) {
      const key = splitAnnexB(unit).some((n) => nalType(n) === NalType.Idr);
      const now = Date.now();
      if (key) lastI = now;
      for (const part of fragmentsOf(unit)) {
        socket.write(encodeMediaPacket({
          marker: false, payloadType: 98, sequence: sequence++ & 0xffff, sim: o.sim, channel: o.channel,
          dataType: key ? DataType.VideoI : DataType.VideoP, fragment: part.fragment, timestamp: BigInt(now),
          lastIFrameIntervalMs: Math.min(now - lastI, 0xffff), lastFrameIntervalMs: Math.min(now - lastFrame, 0xffff), body: part.body,
        }));
      }
      lastFrame = now;
    }
  });
  const stopped = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  const stop = () => {
    ffmpeg.kill('SIGKILL');
    socket.destroy();
  };
  socket.on('error', stop);
  socket.on('close', stop);
  ffmpeg.on('exit', () => socket.end());
  return { stop, stopped };
}

/** Makes a simulated terminal answer 0x9101 by streaming its camera, and 0x9102 (close) by stopping it. */
export function answerVideoRequests(terminal: SimulatedTerminal, opts: { ffmpegPath?: string } = {}): { stopAll(): void; streaming(): number } {
  const cams = new Map<number, { stop(): void }>();
  terminal.onCommand(MsgId.AvRealtimeRequest, (f) => {
    const req = decodeAvRequest(f.body);
    terminal.answer(f, 0);
    cams.get(req.channel)?.stop();
    const cam = streamTruckCamera({ host: req.serverIp, port: req.tcpPort, sim: terminal.phone, channel: req.channel, ffmpegPath: opts.ffmpegPath });
    cams.set(req.channel, cam);
    void cam.stopped.then(() => cams.get(req.channel) === cam && cams.delete(req.channel));
  });
  terminal.onCommand(MsgId.AvRealtimeControl, (f) => {
    const ctl = decodeAvControl(f.body);
    terminal.answer(f, 0);
    if (ctl.command === 0) cams.get(ctl.channel)?.stop();
  });
  return { stopAll: () => cams.forEach((c) => c.stop()), streaming: () => cams.size };
}
