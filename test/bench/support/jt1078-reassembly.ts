import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AccessUnitSplitter } from '../../../device-simulator/jt1078-camera.ts';
import { DataType, encodeMediaPacket, fragmentsOf } from '../../../ingest/jt1078/codec/media-packet.ts';
import { MediaStreamDecoder } from '../../../ingest/jt1078/codec/media-stream-decoder.ts';
import { FrameAssembler } from '../../../ingest/jt1078/codec/frame-assembler.ts';
import { NalType, nalType, splitAnnexB } from '../../../ingest/video/h264.ts';

const FRAMES = Number(process.env.VIDEO_BENCH_1078_FRAMES ?? 1500);
const REPEAT = 8;
const CHUNK = 64 * 1024; // what a TCP read hands the listener at most, roughly

function exec(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn('ffmpeg', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (c: Buffer) => (err += c));
    p.once('exit', (code) => (code === 0 ? resolve(err) : reject(new Error(`ffmpeg ${code}: ${err.slice(-500)}`))));
  });
}

/**
 * JT/T 1078 reassembly per CPU-second: D1 (704×576) H.264 from ffmpeg, 1 Mbit/s, 1 s GOP, cut into 2019-layout
 * packets (≤ 950-byte bodies) as the device simulator sends them, fed in 64 KiB chunks through the listener's own
 * stream decoder and frame assembler in this process. Reference: ffmpeg splitting the same H.264 elementary stream
 * into frames (`-f h264 -c copy -f null`, its parser), CPU from its -benchmark, on the same bytes repeated.
 */
export async function jt1078Reassembly(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hazwatch-bench-1078-'));
  try {
    const h264 = path.join(dir, 'd1.h264');
    await exec(['-hide_banner', '-nostdin', '-f', 'lavfi', '-i', `testsrc=size=704x576:rate=25`, '-frames:v', String(FRAMES), '-c:v', 'libx264', '-preset', 'ultrafast', '-b:v', '1M', '-maxrate', '1M', '-bufsize', '1M', '-pix_fmt', 'yuv420p', '-g', '25', '-bf', '0', '-f', 'h264', h264]);
    const es = await readFile(h264);
    const units = [...new AccessUnitSplitter().push(Buffer.concat([es, Buffer.from([0, 0, 1, 9, 0xf0])]))];
    let seq = 0;
    const packets: Buffer[] = [];
    units.forEach((unit, i) => {
      const key = splitAnnexB(unit).some((n) => nalType(n) === NalType.Idr);
      for (const part of fragmentsOf(unit)) {
        packets.push(encodeMediaPacket({ marker: false, payloadType: 98, sequence: seq++ & 0xffff, sim: '13900001078', channel: 1, dataType: key ? DataType.VideoI : DataType.VideoP, fragment: part.fragment, timestamp: BigInt(i * 40), lastIFrameIntervalMs: (i % 25) * 40, lastFrameIntervalMs: 40, body: part.body }, 10));
      }
    });
    const stream = Buffer.concat(packets);
    const chunks: Buffer[] = [];
    for (let o = 0; o < stream.length; o += CHUNK) chunks.push(stream.subarray(o, o + CHUNK));

    const pass = () => {
      const decoder = new MediaStreamDecoder();
      const assembler = new FrameAssembler();
      let frames = 0;
      for (const c of chunks) for (const e of decoder.push(c)) if (e.kind === 'packet') for (const a of assembler.push(e.packet)) if (a.kind === 'frame') frames++;
      return frames;
    };
    if (pass() !== units.length) throw new Error(`reassembled ${pass()} of ${units.length} frames`);
    for (let i = 0; i < 2; i++) pass(); // warm-up
    const cpu0 = process.cpuUsage();
    let frames = 0;
    for (let i = 0; i < REPEAT; i++) frames += pass();
    const cpu = process.cpuUsage(cpu0);
    const ours = frames / ((cpu.user + cpu.system) / 1e6);

    await writeFile(path.join(dir, 'big.h264'), Buffer.concat(Array.from({ length: REPEAT }, () => es)));
    const bench = await exec(['-hide_banner', '-nostdin', '-benchmark', '-f', 'h264', '-i', path.join(dir, 'big.h264'), '-c', 'copy', '-f', 'null', '-']);
    const m = /utime=([\d.]+)s stime=([\d.]+)s/.exec(bench);
    const ffFrames = Number([...bench.matchAll(/frame=\s*(\d+)/g)].at(-1)?.[1] ?? units.length * REPEAT);
    const theirs = m ? ffFrames / (Number(m[1]) + Number(m[2])) : NaN;
    const avgPackets = packets.length / units.length;
    console.log(`JT/T 1078 reassembly (D1 1 Mbit/s, ${units.length} frames, ${avgPackets.toFixed(1)} packets/frame, ${(stream.length / units.length / 1024).toFixed(1)} KiB/frame): ${Math.round(ours).toLocaleString('en')} frames per CPU-second (${Math.round(ours / 25).toLocaleString('en')} 25-fps channels per core)`);
    console.log(`  reference, ffmpeg splitting the same H.264 into frames (h264 parser, -c copy, ${ffFrames} frames incl. process start): ${Math.round(theirs).toLocaleString('en')} frames per CPU-second; ours / ffmpeg = ${(ours / theirs).toFixed(2)}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
