/** What ingest hands downstream once a message is authenticated, validated and resolved against the registries. */
export interface SensorReading {
  readonly sensorId: number;
  readonly tankId: number;
  readonly enterpriseId: number;
  readonly regionCode: string;
  readonly deviceId: number;
  readonly value: number;
  readonly ts: Date;
  readonly quality: 'good' | 'fault';
}

export interface VehiclePosition {
  readonly vehicleId: number;
  readonly plate: string;
  readonly enterpriseId: number;
  readonly regionCode: string;
  /** WGS-84, as the terminal reports it. */
  readonly lat: number;
  readonly lon: number;
  readonly altitude: number;
  readonly speedKmh: number;
  readonly direction: number;
  readonly ts: Date;
  readonly alarmBits: number;
  readonly statusBits: number;
  readonly fixed: boolean;
  /** An implausible fix (no fix, 0/0, impossible jump): stored, but kept off the live map. */
  readonly drift: boolean;
  /** False when the terminal sent no time and `ts` is the receive time. */
  readonly deviceTime: boolean;
  readonly sos: boolean;
  /** Blind-area re-upload: history only, never a live alarm or live position. */
  readonly reupload: boolean;
}
