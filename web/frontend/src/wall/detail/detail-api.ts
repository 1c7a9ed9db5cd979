// The detail routes of the wall, typed by detail-types.ts.
import { api, call } from '../../shared/api/client';
import type { TankDetail, TankTrend, TrackAnswer, VehicleDetail } from './detail-types';

export type * from './detail-types';

const path = (id: number) => ({ path: { id } });
export const detailApi = {
  tank: (id: number) => call(api.GET('/api/monitor/tanks/{id}', { params: path(id) })) as Promise<unknown> as Promise<TankDetail>,
  tankTrend: (id: number, query: { range: '1h' | '24h' | '7d' | '30d' | 'custom'; from?: string; to?: string }) =>
    call(api.GET('/api/monitor/tanks/{id}/trend', { params: { ...path(id), query } })) as Promise<unknown> as Promise<TankTrend>,
  vehicle: (id: number) => call(api.GET('/api/monitor/vehicles/{id}', { params: path(id) })) as Promise<unknown> as Promise<VehicleDetail>,
  track: (id: number, from: string, to: string, maxPoints: number) =>
    call(api.GET('/api/monitor/vehicles/{id}/track', { params: { ...path(id), query: { from, to, maxPoints } } })) as Promise<unknown> as Promise<TrackAnswer>,
};
