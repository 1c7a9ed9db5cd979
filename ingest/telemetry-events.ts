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

/** A terminal device presented for a vehicle: its 0x0100 identity (and, from a 2019 0x0102, its IMEI). */
export interface TerminalDeviceIdentity {
  readonly terminalId: string;
  readonly makerId: string;
  readonly model: string;
}

/**
 * Someone other than the vehicle's bound terminal tried to be it, or its session was taken over from another address.
 * `remote` is where the attempt came from (address:port).
 */
export type TerminalIdentityEvent = {
  readonly vehicle: { readonly id: number; readonly plate: string; readonly enterpriseId: number; readonly regionCode: string };
  readonly at: Date;
  readonly remote: string;
} & (
  | { readonly kind: 'registration'; readonly bound: TerminalDeviceIdentity; readonly presented: TerminalDeviceIdentity }
  | { readonly kind: 'imei'; readonly boundImei: string; readonly presentedImei: string }
  | { readonly kind: 'takeover'; readonly previousRemote: string }
  | { readonly kind: 'repeated_failures'; readonly failures: number; readonly withinS: number }
);
