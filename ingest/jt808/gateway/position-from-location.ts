import type { Location } from '../codec/index.ts';
import type { VehicleInfo } from '../../../platform/registries/registry-directory.ts';
import type { VehiclePosition } from '../../telemetry-events.ts';

export function positionFromLocation(vehicle: VehicleInfo, loc: Location, reupload: boolean): VehiclePosition {
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
    ts: loc.time,
    alarmBits: loc.alarm,
    statusBits: loc.status,
    fixed: loc.statusFlags.fixed && !(loc.rawLat === 0 && loc.rawLon === 0),
    sos: loc.alarmFlags.sos,
    reupload,
  };
}
