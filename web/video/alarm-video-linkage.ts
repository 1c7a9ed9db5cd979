import type { Logger } from 'pino';
import type { Queryable } from '../../platform/db/database.ts';
import type { Alarm, AlarmChange } from '../../alerts/alarm-store.ts';
import { cameraStreamName, vehicleStreamName } from '../../ingest/video/camera-streams.ts';
import type { ChannelOpenResult } from '../../ingest/jt1078/live-channels.ts';

/** One pane the wall should open: a site camera or a truck channel, by its public stream name. */
export type VideoPane =
  | { kind: 'camera'; id: number; name: string; stream: string; live: boolean }
  | { kind: 'vehicle'; id: number; channel: number; name: string; stream: string; live: boolean };

/** The Socket.IO `video_open` payload (README "Video"). */
export interface VideoOpenEvent {
  reason: 'alarm';
  alarmId: number;
  alarmType: string;
  severity: string;
  source: Alarm['source'];
  panes: VideoPane[];
  at: string;
}

export interface AlarmVideoLinkageOptions {
  db: Queryable;
  isLive: (stream: string) => boolean;
  openChannel: (vehicleId: number, channel: number) => Promise<ChannelOpenResult>;
  /** The truck channel an SOS opens (the driver's cab). */
  sosChannel: number;
  wall: (scope: { enterpriseId: number | null; regionCode: string | null }, event: VideoOpenEvent) => void;
  /** Snapshot and clip of each linked live camera, attached to the alarm. */
  capture?: (alarm: Alarm, cameraIds: number[]) => void;
  log: Logger;
  now?: () => number;
}

/**
 * When an alarm is raised at a source with linked video, the wall is told which panes to open: the cameras of a
 * sensor's tank and of its hazard source, or the cab channel of a truck whose driver pressed SOS (opened on demand).
 */
export class AlarmVideoLinkage {
  constructor(private readonly o: AlarmVideoLinkageOptions) {}

  onAlarmChange(change: AlarmChange): void {
    if (change.action !== 'raised') return;
    void this.link(change.alarm).catch((err: Error) => this.o.log.error({ err, alarmId: change.alarm.id }, 'alarm video linkage failed'));
  }

  /** Cameras linked to a sensor's tank or to the hazard source the tank belongs to. */
  async camerasForSensor(sensorId: number): Promise<Array<{ id: number; name: string }>> {
    return this.o.db.query<{ id: number; name: string }>(
      `select distinct c.id, c.name from sensors s join tanks t on t.id = s.tank_id
         join cameras c on c.enabled and (c.tank_id = t.id or (t.hazard_source_id is not null and c.hazard_source_id = t.hazard_source_id))
        where s.id = $1 order by c.id`,
      [sensorId],
    );
  }

  private async link(alarm: Alarm): Promise<void> {
    const panes: VideoPane[] = [];
    if (alarm.source.kind === 'sensor') {
      const cams = await this.camerasForSensor(alarm.source.id);
      for (const c of cams) panes.push({ kind: 'camera', id: c.id, name: c.name, stream: cameraStreamName(c.id), live: this.o.isLive(cameraStreamName(c.id)) });
      if (cams.length) this.o.capture?.(alarm, cams.map((c) => c.id));
    } else if (alarm.source.kind === 'vehicle' && alarm.type === 'sos') {
      const opened = await this.o.openChannel(alarm.source.id, this.o.sosChannel);
      this.o.log.info({ alarmId: alarm.id, vehicleId: alarm.source.id, opened: opened.status }, 'SOS opens the cab camera');
      if (opened.status === 'opened' || opened.status === 'already_open') {
        const stream = vehicleStreamName(alarm.source.id, this.o.sosChannel);
        panes.push({ kind: 'vehicle', id: alarm.source.id, channel: this.o.sosChannel, name: `${alarm.source.name} 驾驶室`, stream, live: this.o.isLive(stream) });
      }
    }
    if (!panes.length) return;
    const at = new Date((this.o.now ?? Date.now)()).toISOString();
    this.o.wall(alarm, { reason: 'alarm', alarmId: alarm.id, alarmType: alarm.type, severity: alarm.severity, source: alarm.source, panes, at });
  }
}
