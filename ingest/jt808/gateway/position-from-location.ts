import type { Location } from '../codec/index.ts';
import type { VehicleInfo } from '../../../platform/registries/registry-directory.ts';
import type { VehiclePosition } from '../../telemetry-events.ts';
import type { DriftDetector } from './drift-detector.ts';

/** `receivedAt` stands in for the device time when the terminal sent none. */
export function positionFromLocation(vehicle: VehicleInfo, loc: Location, reupload: boolean, drift: DriftDetector, receivedAt: Date): VehiclePosition {
  const ts = loc.time ?? receivedAt;
  const fixed = loc.statusFlags.fixed && !(loc.rawLat === 0 && loc.rawLon === 0);
  return {
    vehicleId: vehicle.id,
    plate: vehicle.plate,
    enterpriseId: vehicle.enterpriseId,
    regionCode: vehicle.regionCode,
    lat: loc.latitude,
    lon: loc.longitude,
    altitude: loc.altitude,
    speedKmh: loc.speedKmh,
    direction: loc.direction,
    ts,
    alarmBits: loc.alarm,
    statusBits: loc.status,
    fixed,
    // A fix without a time cannot be placed on the track honestly.
    drift: drift.check(vehicle.id, { lat: loc.latitude, lon: loc.longitude, ts, fixed: fixed && loc.time !== null }, reupload),
    deviceTime: loc.time !== null,
    sos: loc.alarmFlags.sos,
    reupload,
  };
}
