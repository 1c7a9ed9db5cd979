import { Reader, u16, u32 } from '../binary.ts';

export interface AlarmAck {
  /** Serial of the 0x0200 being acknowledged; 0 acknowledges all of the given type. */
  alarmSerial: number;
  /** Alarm bits to clear, same layout as the 0x0200 alarm DWORD. */
  alarmType: number;
}

export function decodeAlarmAck(body: Buffer): AlarmAck {
  const r = new Reader(body, '0x8203 body');
  return { alarmSerial: r.u16(), alarmType: r.u32() };
}

export function encodeAlarmAck(ack: AlarmAck): Buffer {
  return Buffer.concat([u16(ack.alarmSerial, 'alarmSerial'), u32(ack.alarmType, 'alarmType')]);
}
