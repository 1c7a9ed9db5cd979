import gcoord from 'gcoord';
import type { VehiclePosition } from '../../ingest/ports.ts';

export interface VehicleLive {
  vehicleId: number;
  plate: string;
  enterpriseId: number;
  regionCode: string;
  /** GCJ-02, for the map. */
  lat: number;
  lon: number;
  speedKmh: number;
  direction: number;
  ts: Date;
  sos: boolean;
}

/** Latest live fix per vehicle; re-uploads, unfixed, drifting and older points never move it. */
export class VehicleLiveState {
  private readonly current = new Map<number, VehicleLive>();

  apply(p: VehiclePosition): VehicleLive | null {
    if (p.reupload || !p.fixed || p.drift) return null;
    const prev = this.current.get(p.vehicleId);
    if (prev && prev.ts.getTime() > p.ts.getTime()) return null;
    const [lon, lat] = gcoord.transform([p.lon, p.lat], gcoord.WGS84, gcoord.GCJ02) as [number, number];
    const live: VehicleLive = {
      vehicleId: p.vehicleId,
      plate: p.plate,
      enterpriseId: p.enterpriseId,
      regionCode: p.regionCode,
      lat: round6(lat),
      lon: round6(lon),
      speedKmh: p.speedKmh,
      direction: p.direction,
      ts: p.ts,
      sos: p.sos,
    };
    this.current.set(p.vehicleId, live);
    return live;
  }

  get(vehicleId: number): VehicleLive | undefined {
    return this.current.get(vehicleId);
  }
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
