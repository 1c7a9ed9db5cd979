import type { Queryable } from '../../platform/db/database.ts';
import type { PublishVerdict } from './media-server.ts';

export interface CameraStream {
  id: number;
  code: string;
  name: string;
  enterpriseId: number;
  regionCode: string;
  enabled: boolean;
  pullUrl: string | null;
  streamKey: string;
  tankId: number | null;
  hazardSourceId: number | null;
}

/** Public stream names: they never contain a stream key, which is a publish credential. */
export const cameraStreamName = (cameraId: number) => `camera-${cameraId}`;
export const vehicleStreamName = (vehicleId: number, channel: number) => `vehicle-${vehicleId}-${channel}`;
export const cameraPath = (c: { streamKey: string }) => `/live/${c.streamKey}`;
export const vehiclePath = (vehicleId: number, channel: number) => `/jt1078/${vehicleStreamName(vehicleId, channel)}`;

const CAMERA_NAME = /^camera-(\d{1,9})$/;
const VEHICLE_NAME = /^vehicle-(\d{1,9})-(\d{1,3})$/;

/**
 * The camera registry as the media server needs it, in memory: node-media-server decides a publish synchronously
 * inside its event, so the lookup cannot wait for the database. Reloaded after every registry write.
 */
export class CameraStreams {
  private byKey = new Map<string, CameraStream>();
  private byId = new Map<number, CameraStream>();
  private listeners: Array<() => void> = [];

  constructor(private readonly db: Queryable) {}

  async reload(): Promise<void> {
    const rows = await this.db.query<{ id: number; code: string; name: string; enterprise_id: number; region_code: string; enabled: boolean; pull_url: string | null; stream_key: string; tank_id: number | null; hazard_source_id: number | null }>(
      `select c.id, c.code, c.name, c.enterprise_id, e.region_code, c.enabled, c.pull_url, c.stream_key, c.tank_id, c.hazard_source_id
         from cameras c join enterprises e on e.id = c.enterprise_id`,
    );
    const cams = rows.map((r) => ({ id: r.id, code: r.code, name: r.name, enterpriseId: r.enterprise_id, regionCode: r.region_code, enabled: r.enabled, pullUrl: r.pull_url, streamKey: r.stream_key, tankId: r.tank_id, hazardSourceId: r.hazard_source_id }));
    this.byKey = new Map(cams.map((c) => [c.streamKey, c]));
    this.byId = new Map(cams.map((c) => [c.id, c]));
    for (const l of this.listeners) l();
  }

  onReload(listener: () => void): void {
    this.listeners.push(listener);
  }

  all(): CameraStream[] {
    return [...this.byId.values()];
  }

  get(id: number): CameraStream | undefined {
    return this.byId.get(id);
  }

  byStream(stream: string): CameraStream | undefined {
    const m = CAMERA_NAME.exec(stream);
    return m ? this.byId.get(Number(m[1])) : undefined;
  }

  admitPublish(streamKey: string): PublishVerdict {
    const c = this.byKey.get(streamKey);
    if (!c) return { ok: false, reason: 'unknown_key' };
    if (!c.enabled) return { ok: false, reason: 'camera_disabled' };
    return { ok: true, stream: cameraStreamName(c.id) };
  }

  /** Where a public stream plays from: an enabled camera's key path, or a truck channel's internal path. */
  playPath(stream: string): string | null {
    const cam = this.byStream(stream);
    if (cam) return cam.enabled ? cameraPath(cam) : null;
    const v = VEHICLE_NAME.exec(stream);
    return v ? vehiclePath(Number(v[1]), Number(v[2])) : null;
  }
}

export function parseVehicleStream(stream: string): { vehicleId: number; channel: number } | null {
  const v = VEHICLE_NAME.exec(stream);
  return v ? { vehicleId: Number(v[1]), channel: Number(v[2]) } : null;
}
