import {
  AvControlCommand,
  encodeAvControl,
  encodeAvRequest,
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

/** JT/T 1078 0x9101: the terminal opens a media connection to our listener and streams the channel (video only). */
export const avRequestCommand = (req: { serverIp: string; tcpPort: number; channel: number; streamType?: number }): Jt808Command => ({
  msgId: MsgId.AvRealtimeRequest,
  build: () => encodeAvRequest({ serverIp: req.serverIp, tcpPort: req.tcpPort, udpPort: 0, channel: req.channel, dataType: 1, streamType: req.streamType ?? 1 }),
});

/** JT/T 1078 0x9102 close of a channel's audio and video. */
export const avCloseCommand = (channel: number): Jt808Command => ({
  msgId: MsgId.AvRealtimeControl,
  build: () => encodeAvControl({ channel, command: AvControlCommand.Close, closeType: 0, streamType: 0 }),
});

/** JT/T 1078 0x9003: the terminal answers 0x1003 with its audio/video attributes (logged by the gateway). */
export const avQueryAttributesCommand = (): Jt808Command => ({ msgId: MsgId.AvQueryAttributes, build: () => Buffer.alloc(0) });
