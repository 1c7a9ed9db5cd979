// Messages between the vehicle layer and the cluster worker.
import type { StateTally } from './map-logic';

export interface ClusterRequest {
  seq: number;
  bbox: [number, number, number, number];
  zoom: number;
  /** A new set of points; the index is rebuilt before answering. coords: lat, lon pairs in the map's system; states: index into VEHICLE_STATES. */
  load?: { ids: Int32Array; coords: Float64Array; states: Uint8Array };
}

export type ClusterItem = { lat: number; lon: number; id: number } | { lat: number; lon: number; count: number; tally: StateTally; expandTo: number };

export interface ClusterAnswer {
  seq: number;
  items: ClusterItem[];
}
