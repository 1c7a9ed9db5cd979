export interface AlarmFlags {
  sos: boolean;
  overspeed: boolean;
  fatigue: boolean;
  danger: boolean;
  gnssFault: boolean;
  gnssAntennaOpen: boolean;
  gnssAntennaShort: boolean;
  mainPowerLow: boolean;
  mainPowerCut: boolean;
  lcdFault: boolean;
  ttsFault: boolean;
  cameraFault: boolean;
  icCardFault: boolean;
  overspeedWarning: boolean;
  fatigueWarning: boolean;
  violationDriving: boolean;
  tyrePressure: boolean;
  rightTurnBlindZone: boolean;
  dailyDrivingOvertime: boolean;
  overtimeParking: boolean;
  areaInOut: boolean;
  routeInOut: boolean;
  sectionDriveTime: boolean;
  routeDeviation: boolean;
  vssFault: boolean;
  fuelAbnormal: boolean;
  stolen: boolean;
  illegalIgnition: boolean;
  illegalDisplacement: boolean;
  collision: boolean;
  rollover: boolean;
  illegalDoorOpen: boolean;
}

/** Bit position of each alarm flag. */
export const ALARM_BITS: Readonly<Record<keyof AlarmFlags, number>> = {
  sos: 0,
  overspeed: 1,
  fatigue: 2,
  danger: 3,
  gnssFault: 4,
  gnssAntennaOpen: 5,
  gnssAntennaShort: 6,
  mainPowerLow: 7,
  mainPowerCut: 8,
  lcdFault: 9,
  ttsFault: 10,
  cameraFault: 11,
  icCardFault: 12,
  overspeedWarning: 13,
  fatigueWarning: 14,
  violationDriving: 15,
  tyrePressure: 16,
  rightTurnBlindZone: 17,
  dailyDrivingOvertime: 18,
  overtimeParking: 19,
  areaInOut: 20,
  routeInOut: 21,
  sectionDriveTime: 22,
  routeDeviation: 23,
  vssFault: 24,
  fuelAbnormal: 25,
  stolen: 26,
  illegalIgnition: 27,
  illegalDisplacement: 28,
  collision: 29,
  rollover: 30,
  illegalDoorOpen: 31,
};

/** Bits the terminal keeps set until the platform acknowledges them (0x8203). */
export const ALARM_BITS_NEEDING_ACK: readonly (keyof AlarmFlags)[] = [
  'sos',
  'danger',
  'areaInOut',
  'routeInOut',
  'sectionDriveTime',
  'illegalIgnition',
  'illegalDisplacement',
  'illegalDoorOpen',
];

function bit(value: number, n: number): boolean {
  return ((value >>> n) & 1) === 1;
}

export function decodeAlarmFlags(alarm: number): AlarmFlags {
  const out = {} as AlarmFlags;
  for (const key of Object.keys(ALARM_BITS) as (keyof AlarmFlags)[]) out[key] = bit(alarm, ALARM_BITS[key]);
  return out;
}

export function encodeAlarmFlags(flags: Partial<AlarmFlags>): number {
  let v = 0;
  for (const key of Object.keys(ALARM_BITS) as (keyof AlarmFlags)[]) {
    if (flags[key]) v |= 1 << ALARM_BITS[key];
  }
  return v >>> 0;
}

export type LoadState = 'empty' | 'half' | 'full' | 'reserved';

export interface StatusFlags {
  accOn: boolean;
  fixed: boolean;
  southLatitude: boolean;
  westLongitude: boolean;
  outOfService: boolean;
  encrypted: boolean;
  load: LoadState;
  oilCut: boolean;
  circuitCut: boolean;
  doorLocked: boolean;
  gps: boolean;
  beidou: boolean;
  glonass: boolean;
  galileo: boolean;
}

const LOAD: readonly LoadState[] = ['empty', 'half', 'reserved', 'full'];

export function decodeStatusFlags(status: number): StatusFlags {
  return {
    accOn: bit(status, 0),
    fixed: bit(status, 1),
    southLatitude: bit(status, 2),
    westLongitude: bit(status, 3),
    outOfService: bit(status, 4),
    encrypted: bit(status, 5),
    load: LOAD[(status >>> 8) & 0b11],
    oilCut: bit(status, 10),
    circuitCut: bit(status, 11),
    doorLocked: bit(status, 12),
    gps: bit(status, 18),
    beidou: bit(status, 19),
    glonass: bit(status, 20),
    galileo: bit(status, 21),
  };
}
