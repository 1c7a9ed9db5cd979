import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../../../platform/db/database.ts';
import type { MediaUpload } from '../codec/index.ts';
import type { VehicleInfo } from '../../../registry/registry-directory.ts';
import type { MediaSink } from '../gateway/handler-context.ts';

export interface MediaRecord {
  id: number;
  vehicleId: number;
  mediaId: number;
  mediaType: number;
  format: number;
  event: number;
  channel: number;
  takenAt: string | null;
  receivedAt: string;
  bytes: number;
}

const EXTENSIONS: Record<number, string> = { 0: 'jpg', 1: 'tif', 2: 'mp3', 3: 'wav', 4: 'wmv' };
export const MEDIA_CONTENT_TYPES: Record<number, string> = { 0: 'image/jpeg', 1: 'image/tiff', 2: 'audio/mpeg', 3: 'audio/wav', 4: 'video/x-ms-wmv' };

const columns = `m.id, m.vehicle_id as "vehicleId", m.media_id as "mediaId", m.media_type as "mediaType", m.format, m.event, m.channel,
  m.taken_at as "takenAt", m.received_at as "receivedAt", m.bytes`;

/** Terminal multimedia: the file under `dir/<vehicle id>/`, a row in jt808_media. */
export class Jt808MediaStore implements MediaSink {
  constructor(
    private readonly db: Database,
    private readonly dir: string,
  ) {}

  async storeMedia({ vehicle, upload, receivedAt }: { vehicle: VehicleInfo; upload: MediaUpload; receivedAt: Date }): Promise<void> {
    const folder = path.join(this.dir, String(vehicle.id));
    await mkdir(folder, { recursive: true });
    // Media ids restart when a terminal is reflashed, so the receive time keeps names unique.
    const fileName = `${receivedAt.getTime()}-${upload.mediaId}.${EXTENSIONS[upload.format] ?? 'bin'}`;
    await writeFile(path.join(folder, fileName), upload.data);
    await this.db.query(
      `insert into jt808_media (vehicle_id, media_id, media_type, format, event, channel, taken_at, received_at, file_name, bytes)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [vehicle.id, upload.mediaId, upload.type, upload.format, upload.event, upload.channel, upload.location?.time ?? null, receivedAt, fileName, upload.data.length],
    );
  }

  async list(vehicleId: number, limit = 100): Promise<MediaRecord[]> {
    const rows = await this.db.query<MediaRecord>(`select ${columns} from jt808_media m where m.vehicle_id = $1 order by m.received_at desc, m.id desc limit $2`, [vehicleId, limit]);
    return rows.map(normalise);
  }

  /** The record and its bytes; null when unknown or the file is gone. */
  async read(id: number): Promise<{ record: MediaRecord; data: Buffer } | null> {
    const [row] = await this.db.query<MediaRecord & { fileName: string }>(`select ${columns}, m.file_name as "fileName" from jt808_media m where m.id = $1`, [id]);
    if (!row) return null;
    const data = await readFile(path.join(this.dir, String(row.vehicleId), row.fileName)).catch(() => null);
    if (!data) return null;
    const { fileName: _f, ...record } = row;
    return { record: normalise(record), data };
  }
}

function normalise(r: MediaRecord): MediaRecord {
  const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : v === null ? null : String(v));
  return { ...r, mediaId: Number(r.mediaId), takenAt: iso(r.takenAt), receivedAt: iso(r.receivedAt)! };
}
