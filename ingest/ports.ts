import type { DeviceAuthResult, SensorInfo, VehicleInfo } from '../registry/registry-directory.ts';

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

/** A sensor fell silent (or its gateway left), or data came back; raised downstream from what ingest saw arrive. */
export type DataInterruptionEvent =
  | { kind: 'data_interruption'; sensorId: number; since: Date; cause: 'silence' | 'disconnect' }
  | { kind: 'data_restored'; sensorId: number; at: Date };

export interface ReadingSink {
  /**
   * Readings with the sensor each is bound to (same index). Resolves once the readings are durable; a rejection
   * means they were not taken (SinkFullError when the sink is at its bound).
   */
  acceptReadings(readings: readonly SensorReading[], sensors: readonly SensorInfo[]): Promise<void>;
}

export interface PositionSink {
  acceptPosition(p: VehiclePosition): void;
}

/** The sink is full and takes nothing more: the device is not acknowledged, so it sends again later. */
export class SinkFullError extends Error {
  constructor(
    readonly bytes: number,
    readonly maxBytes: number,
    message: string,
  ) {
    super(message);
  }
}

/** The registries as ingest reads them: devices, their sensors, vehicles and their terminals. */
export interface DeviceDirectory {
  authenticateDevice(code: string, secret: string): Promise<DeviceAuthResult>;
  authenticateDevices(credentials: ReadonlyArray<{ code: string; secret: string }>): Promise<DeviceAuthResult[]>;
  /** Called after every registry write. */
  onInvalidate(listener: () => void): void;
  sensorsOfDevice(deviceId: number): Promise<Map<string, SensorInfo>>;
  vehicleByPlate(plate: string): Promise<VehicleInfo | null>;
  vehicleByPhone(phone: string): Promise<VehicleInfo | null>;
}

/** What the JT/T 808 gateway records about terminals. */
export interface TerminalRegistry {
  /** Binds the device at a vehicle's first registration; false when another device was bound first. */
  bindTerminal(vehicleId: number, device: TerminalDeviceIdentity, authCodeHash: string): Promise<boolean>;
  /** A new code for the bound device; false when the binding was released or changed meanwhile. */
  renewAuthCode(vehicleId: number, boundTerminalId: string, authCodeHash: string): Promise<boolean>;
  bindImei(vehicleId: number, imei: string): Promise<void>;
  saveHeartbeat(vehicleId: number, heartbeatS: number): Promise<void>;
  recordUnboundTerminal(t: { phone: string; plate: string; terminalId: string; makerId: string; model: string }): Promise<void>;
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

/** A camera's video stopped (it stopped publishing, or its RTSP relay kept failing) past the timeout, or came back. */
export type VideoStateEvent = { camera: { id: number; name: string; enterpriseId: number; regionCode: string } } & (
  | { kind: 'video_offline'; since: Date; cause: 'stopped' | 'relay_failed'; detail?: string }
  | { kind: 'video_restored'; at: Date }
);
