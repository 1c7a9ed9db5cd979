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

// Written out (not looped over ALARM_BITS) because this runs for every position on the hot path.
export function decodeAlarmFlags(alarm: number): AlarmFlags {
  return {
    sos: bit(alarm, 0),
    overspeed: bit(alarm, 1),
    fatigue: bit(alarm, 2),
    danger: bit(alarm, 3),
    gnssFault: bit(alarm, 4),
    gnssAntennaOpen: bit(alarm, 5),
    gnssAntennaShort: bit(alarm, 6),
    mainPowerLow: bit(alarm, 7),
    mainPowerCut: bit(alarm, 8),
    lcdFault: bit(alarm, 9),
    ttsFault: bit(alarm, 10),
    cameraFault: bit(alarm, 11),
    icCardFault: bit(alarm, 12),
    overspeedWarning: bit(alarm, 13),
    fatigueWarning: bit(alarm, 14),
    violationDriving: bit(alarm, 15),
    tyrePressure: bit(alarm, 16),
    rightTurnBlindZone: bit(alarm, 17),
    dailyDrivingOvertime: bit(alarm, 18),
    overtimeParking: bit(alarm, 19),
    areaInOut: bit(alarm, 20),
    routeInOut: bit(alarm, 21),
    sectionDriveTime: bit(alarm, 22),
    routeDeviation: bit(alarm, 23),
    vssFault: bit(alarm, 24),
    fuelAbnormal: bit(alarm, 25),
    stolen: bit(alarm, 26),
    illegalIgnition: bit(alarm, 27),
    illegalDisplacement: bit(alarm, 28),
    collision: bit(alarm, 29),
    rollover: bit(alarm, 30),
    illegalDoorOpen: bit(alarm, 31),
  };
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
