import type { Database } from '../platform/db/database.ts';
import type { SensorKind } from './modules/tanks.ts';
import { verifyDeviceSecret } from './device-secrets.ts';

export interface SensorInfo {
  id: number;
  code: string;
  kind: SensorKind;
  unit: string;
  deviceId: number | null;
  tankId: number;
  tankName: string;
  enterpriseId: number;
  regionCode: string;
  rangeMin: number | null;
  rangeMax: number | null;
  lowLow: number | null;
  low: number | null;
  high: number | null;
  highHigh: number | null;
  deadband: number;
  delayS: number;
  interruptionTimeoutS: number;
}

export interface DeviceInfo {
  id: number;
  code: string;
  enterpriseId: number;
}

/** The terminal device a vehicle is bound to, as its 0x0100 registration names it. */
export interface BoundTerminal {
  terminalId: string;
  makerId: string;
  model: string;
}

export interface VehicleInfo {
  id: number;
  plate: string;
  enterpriseId: number;
  regionCode: string;
  terminalPhone: string;
  /** Hash of the current auth code (terminal-auth-codes.ts); null until a terminal registers. */
  authCodeHash: string | null;
  /** null until the first registration binds a device, and again after an operator released it. */
  terminal: BoundTerminal | null;
  /** IMEI of the first 2019 authentication (0x0102); null until then, and after a release. */
  terminalImei: string | null;
  speedLimitKmh: number | null;
  /** Heartbeat interval the terminal accepted through 0x8103; null = its own default. */
  heartbeatS: number | null;
}

export const normalizePlate = (plate: string) => plate.replace(/[·・.\s-]/g, '').toUpperCase();

export type DeviceAuthResult = { ok: true; device: DeviceInfo } | { ok: false; reason: 'unknown_device' | 'disabled' | 'bad_secret' };

const sensorSelect = `
  select s.id, s.code, s.kind, s.unit, s.device_id as "deviceId", s.tank_id as "tankId", t.name as "tankName",
         t.enterprise_id as "enterpriseId", e.region_code as "regionCode", s.range_min as "rangeMin", s.range_max as "rangeMax",
         s.low_low as "lowLow", s.low, s.high, s.high_high as "highHigh", s.deadband, s.delay_s as "delayS",
         s.interruption_timeout_s as "interruptionTimeoutS"
  from sensors s join tanks t on t.id = s.tank_id join enterprises e on e.id = t.enterprise_id`;

const vehicleSelect = `
  select v.id, v.plate, v.enterprise_id as "enterpriseId", e.region_code as "regionCode", v.terminal_phone as "terminalPhone",
         v.auth_code_hash as "authCodeHash",
         case when v.terminal_id is null then null
              else json_build_object('terminalId', v.terminal_id, 'makerId', v.terminal_maker, 'model', v.terminal_model) end as terminal,
         v.terminal_imei as "terminalImei",
         v.speed_limit_kmh as "speedLimitKmh", v.heartbeat_s as "heartbeatS"
  from vehicles v join enterprises e on e.id = v.enterprise_id`;

/**
 * Read side of the registries for the hot ingest path, cached until a registry write calls invalidate().
 */
export class RegistryDirectory {
  private sensorsByDevice = new Map<number, Promise<Map<string, SensorInfo>>>();
  private sensorsById: Promise<Map<number, SensorInfo>> | null = null;
  private listeners: Array<() => void> = [];

  constructor(private readonly db: Database) {}

  invalidate(): void {
    this.sensorsByDevice.clear();
    this.sensorsById = null;
    for (const l of this.listeners) l();
  }

  onInvalidate(listener: () => void): void {
    this.listeners.push(listener);
  }

  async authenticateDevice(code: string, secret: string): Promise<DeviceAuthResult> {
    return (await this.authenticateDevices([{ code, secret }]))[0];
  }

  /** Many credentials with one query, e.g. re-checking every live connection after a registry write. */
  async authenticateDevices(credentials: ReadonlyArray<{ code: string; secret: string }>): Promise<DeviceAuthResult[]> {
    const rows = await this.db.query<{ id: number; code: string; enterprise_id: number; enabled: boolean; secret_hash: string }>(
      'select id, code, enterprise_id, enabled, secret_hash from devices where code = any($1::text[])',
      [credentials.map((c) => c.code)],
    );
    const byCode = new Map(rows.map((r) => [r.code, r]));
    return credentials.map(({ code, secret }): DeviceAuthResult => {
      const row = byCode.get(code);
      if (!row) return { ok: false, reason: 'unknown_device' };
      if (!verifyDeviceSecret(secret, row.secret_hash)) return { ok: false, reason: 'bad_secret' };
      if (!row.enabled) return { ok: false, reason: 'disabled' };
      return { ok: true, device: { id: row.id, code: row.code, enterpriseId: row.enterprise_id } };
    });
  }

  sensorsOfDevice(deviceId: number): Promise<Map<string, SensorInfo>> {
    let cached = this.sensorsByDevice.get(deviceId);
    if (!cached) {
      cached = this.db.query<SensorInfo>(`${sensorSelect} where s.device_id = $1`, [deviceId]).then((rows) => new Map(rows.map((r) => [r.code, r])));
      this.sensorsByDevice.set(deviceId, cached);
    }
    return cached;
  }

  private sensorIndex(): Promise<Map<number, SensorInfo>> {
    this.sensorsById ??= this.db.query<SensorInfo>(sensorSelect).then((rows) => new Map(rows.map((r) => [r.id, r])));
    return this.sensorsById;
  }

  async sensor(id: number): Promise<SensorInfo | undefined> {
    return (await this.sensorIndex()).get(id);
  }

  async allSensors(): Promise<SensorInfo[]> {
    return [...(await this.sensorIndex()).values()];
  }

  /** By plate as a terminal reports it: separators and case do not matter (辽N·D2871 = 辽ND2871). */
  async vehicleByPlate(plate: string): Promise<VehicleInfo | null> {
    const [row] = await this.db.query<VehicleInfo>(`${vehicleSelect} where upper(regexp_replace(v.plate, '[·・.\\s-]', '', 'g')) = $1`, [normalizePlate(plate)]);
    return row ?? null;
  }

  async vehicleByPhone(phone: string): Promise<VehicleInfo | null> {
    const [row] = await this.db.query<VehicleInfo>(`${vehicleSelect} where v.terminal_phone = $1`, [phone]);
    return row ?? null;
  }
}
