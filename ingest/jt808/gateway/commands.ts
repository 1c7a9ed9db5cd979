import {
  encodeAlarmAck,
  encodeDeleteAreas,
  encodeSetGeofence,
  encodeSetParams,
  encodeTakePhoto,
  encodeTextMessage,
  GEOFENCE_MSG,
  MsgId,
  safetyParams,
  TextFlag,
  type AreaSetMode,
  type Geofence,
  type GeofenceShape,
  type SafetyParams,
} from '../codec/index.ts';
import type { TerminalSession } from './terminal-session.ts';

/** A platform command: its message id and a body built for the session's edition. */
export interface Jt808Command {
  msgId: number;
  build: (session: TerminalSession) => Buffer;
  /** The heartbeat interval this command sets; once accepted, the idle timeout follows it. */
  heartbeatS?: number;
}

export const setParamsCommand = (values: SafetyParams): Jt808Command => ({
  msgId: MsgId.SetParams,
  build: () => encodeSetParams({ params: safetyParams(values) }),
  ...(values.heartbeatS !== undefined ? { heartbeatS: values.heartbeatS } : {}),
});

export const textCommand = (text: string, opts: { tts: boolean; urgent: boolean }): Jt808Command => ({
  msgId: MsgId.TextMessage,
  build: (s) =>
    encodeTextMessage(
      { flag: TextFlag.Display | (opts.tts ? TextFlag.Tts : 0) | (opts.urgent ? TextFlag.Urgent : 0), text },
      { is2019: s.edition === '2019' },
    ),
});

export const setGeofenceCommand = (fence: Geofence, mode: AreaSetMode): Jt808Command => ({
  msgId: GEOFENCE_MSG[fence.shape].set,
  build: (s) => encodeSetGeofence(fence, mode, s.edition),
});

/** No ids deletes every area of the shape. */
export const deleteGeofencesCommand = (shape: GeofenceShape, ids: readonly number[]): Jt808Command => ({
  msgId: GEOFENCE_MSG[shape].remove,
  build: () => encodeDeleteAreas(ids),
});

/** One photo, uploaded at once (not only saved on the terminal), at the terminal's default picture settings. */
export const takePhotoCommand = (channel: number, resolution = 0): Jt808Command => ({
  msgId: MsgId.TakePhoto,
  build: () =>
    encodeTakePhoto({ channel, count: 1, intervalS: 0, saveOnly: false, resolution, quality: 5, brightness: 128, contrast: 64, saturation: 64, chroma: 128 }),
});

/** 0x8203 with serial 0 acknowledges every alarm of the given bits, so the terminal clears them. */
export const alarmAckCommand = (alarmBits: number, alarmSerial = 0): Jt808Command => ({
  msgId: MsgId.AlarmAck,
  build: () => encodeAlarmAck({ alarmSerial, alarmType: alarmBits }),
});

export const SOS_ALARM_BIT = 1 << 0;
