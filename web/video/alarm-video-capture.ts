import { randomUUID } from 'node:crypto';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Queryable } from '../../platform/db/database.ts';
import type { Alarm } from '../../alerts/alarm-store.ts';
import { clipArgs, ffmpegFromFlv, snapshotArgs, type StreamRing } from '../../ingest/video/stream-ring.ts';
import { cameraStreamName } from '../../ingest/video/camera-streams.ts';

export interface AlarmVideoCaptureOptions {
  db: Queryable;
  dataDir: string;
  ring: (stream: string) => StreamRing | undefined;
  cameraName: (cameraId: number) => string;
  ffmpegPath: string;
  clipBeforeMs: number;
  clipAfterMs: number;
  log: Logger;
}

/**
 * Attaches to an alarm, from each linked camera that is live, a snapshot (one frame, JPEG) and a clip from the rolling
 * buffer (before → after the alarm, MP4), as files beside the alarm's other attachments (served by the same scoped
 * download route) and rows in alarm_video_media, which go with the alarm when retention deletes it.
 */
export class AlarmVideoCapture {
  constructor(private readonly o: AlarmVideoCaptureOptions) {}

  capture(alarm: Alarm, cameraIds: number[]): Promise<void> {
    return Promise.all(cameraIds.map((id) => this.captureOne(alarm, id).catch((err: Error) => this.o.log.error({ err, alarmId: alarm.id, cameraId: id }, 'alarm video capture failed')))).then(() => undefined);
  }

  private async captureOne(alarm: Alarm, cameraId: number) {
    const stream = cameraStreamName(cameraId);
    const ring = this.o.ring(stream);
    if (!ring) return;
    const dir = path.join(this.o.dataDir, 'attachments', String(alarm.id));
    await mkdir(dir, { recursive: true });
    const name = this.o.cameraName(cameraId);
    const clipping = ring.record(this.o.clipBeforeMs, this.o.clipAfterMs, this.o.clipAfterMs + 15_000);
    const gop = ring.latestGop();
    if (gop) await this.produce(alarm.id, stream, dir, 'snapshot', 'jpg', 'image/jpeg', `${name}-报警抓拍.jpg`, (out) => ffmpegFromFlv(this.o.ffmpegPath, gop, snapshotArgs(out)));
    await this.produce(alarm.id, stream, dir, 'clip', 'mp4', 'video/mp4', `${name}-报警录像.mp4`, async (out) => {
      const flv = await clipping;
      if (!flv) throw new Error('no video in the buffer');
      await ffmpegFromFlv(this.o.ffmpegPath, flv, clipArgs(out));
    });
  }

  private async produce(alarmId: number, stream: string, dir: string, kind: 'snapshot' | 'clip', ext: string, type: string, name: string, make: (out: string) => Promise<void>) {
    const id = randomUUID();
    const file = `${id}.${ext}`;
    await this.o.db.query(`insert into alarm_video_media (id, alarm_id, camera_stream, kind, file, status) values ($1, $2, $3, $4, $5, 'recording')`, [id, alarmId, stream, kind, file]);
    try {
      const out = path.join(dir, file);
      await make(out);
      await writeFile(`${out}.json`, JSON.stringify({ name, type, size: (await stat(out)).size, by: 'system', at: new Date().toISOString() }));
      await this.o.db.query(`update alarm_video_media set status = 'ready' where id = $1`, [id]);
      this.o.log.info({ alarmId, stream, kind, file }, 'alarm video attached');
    } catch (err) {
      await this.o.db.query(`update alarm_video_media set status = 'failed' where id = $1`, [id]).catch(() => undefined);
      throw err;
    }
  }
}
