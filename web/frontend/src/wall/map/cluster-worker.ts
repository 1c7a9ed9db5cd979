// Clusters the trucks off the main thread: the index over 10,000 points costs tens of milliseconds on a busy
// 2-core PC, which would be dropped frames on the wall. The page sends flat arrays (transferred, not copied) and gets
// back only the viewport's clusters and single trucks.
import Supercluster, { type ClusterProperties, type PointFeature } from 'supercluster';
import { CLUSTER_MAX_ZOOM, CLUSTER_MIN_ZOOM, CLUSTER_RADIUS_PX, VEHICLE_STATES, mergeTally, tallyOf, type StateTally } from './map-logic';
import type { ClusterItem, ClusterRequest } from './cluster-protocol';

type Props = { id: number; t: StateTally };
let index: Supercluster<Props, StateTally> | null = null;

self.onmessage = (e: MessageEvent<ClusterRequest>) => {
  const m = e.data;
  if (m.load) {
    const { ids, coords, states } = m.load;
    const features: PointFeature<Props>[] = new Array(ids.length);
    for (let i = 0; i < ids.length; i++) {
      features[i] = { type: 'Feature', geometry: { type: 'Point', coordinates: [coords[2 * i + 1], coords[2 * i]] }, properties: { id: ids[i], t: tallyOf(VEHICLE_STATES[states[i]]) } };
    }
    index = new Supercluster<Props, StateTally>({ radius: CLUSTER_RADIUS_PX, minZoom: CLUSTER_MIN_ZOOM, maxZoom: CLUSTER_MAX_ZOOM, map: (p) => ({ ...p.t }), reduce: mergeTally });
    index.load(features);
  }
  const items: ClusterItem[] = [];
  if (index) {
    const [w, s, e2, n] = m.bbox;
    for (const f of index.getClusters([w, Math.max(-85, s), e2, Math.min(85, n)], m.zoom)) {
      const [lon, lat] = f.geometry.coordinates;
      const p = f.properties as Props | (ClusterProperties & StateTally);
      if ('cluster' in p && p.cluster) {
        items.push({ lat, lon, count: p.point_count, tally: { moving: p.moving, stopped: p.stopped, offline: p.offline, alarm: p.alarm }, expandTo: Math.min(index.getClusterExpansionZoom(p.cluster_id), CLUSTER_MAX_ZOOM + 1) });
      } else items.push({ lat, lon, id: (p as Props).id });
    }
  }
  (self as unknown as Worker).postMessage({ seq: m.seq, items });
};
