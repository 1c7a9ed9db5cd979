import type { Location } from '../codec/index.ts';
import type { VehicleInfo } from '../../../registry/registry-directory.ts';
import type { VehiclePosition } from '../../ports.ts';
import type { DriftDetector } from './drift-detector.ts';
import type { TimestampVerdict } from '../../timestamp-window.ts';

// Read as bits: the decoded flag objects are built on demand and this runs for every position.
const STATUS_FIXED = 1 << 1;
const ALARM_SOS = 1 << 0;

/**
 * `receivedAt` stands in for the device time when the terminal sent none, or one outside the accepted window
 * (`time` is the verdict on it): such a position is kept, with `deviceTime` false, but off the live map and the rules.
 */
export function positionFromLocation(vehicle: VehicleInfo, loc: Location, reupload: boolean, drift: DriftDetector, receivedAt: Date, time: TimestampVerdict): VehiclePosition {
  const deviceTime = loc.time !== null && time === 'ok';
  const ts = deviceTime ? loc.time! : receivedAt;
  const fixed = (loc.status & STATUS_FIXED) !== 0 && !(loc.rawLat === 0 && loc.rawLon === 0);
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
    drift: drift.check(vehicle.id, { lat: loc.latitude, lon: loc.longitude, ts, fixed: fixed && deviceTime }, reupload),
    deviceTime,
    sos: (loc.alarm & ALARM_SOS) !== 0,
    reupload,
  };
}
