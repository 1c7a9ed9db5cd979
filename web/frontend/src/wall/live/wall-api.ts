// The wall's REST calls, through the one typed client. These routes publish no response schema yet, so their
// answers are typed here (live/types.ts) rather than from schema.d.ts.
import { api, call, fetchRaw, upload } from '../../shared/api/client';
import type { Alarm, AlarmChange, AlarmEvent, Tank, Vehicle } from './types';

const as = <T>(pending: Promise<unknown>): Promise<T> => pending as Promise<T>;
const path = (id: number) => ({ params: { path: { id } } });

export const wallApi = {
  tanks: () => as<{ items: Tank[] }>(call(api.GET('/api/monitor/tanks'))),
  vehicles: () => as<{ items: Vehicle[] }>(call(api.GET('/api/monitor/vehicles'))),
  openAlarms: () => as<{ items: Alarm[]; total?: number }>(call(api.GET('/api/alarms', { params: { query: { state: 'open' } } }))),
  alarm: (id: number) => as<Alarm>(call(api.GET('/api/alarms/{id}', path(id)))),
  alarmEvents: (id: number) => as<{ items: AlarmEvent[] }>(call(api.GET('/api/alarms/{id}/events', path(id)))),
  alarmChanges: (since: number, limit = 500) =>
    as<{ items: { cursor: number; alarm: Alarm }[]; cursor: number; more: boolean }>(call(api.GET('/api/alarms/changes', { params: { query: { since, limit } } }))),
  ack: (id: number, tts: boolean) => as<AlarmChange>(call(api.POST('/api/alarms/{id}/ack', { ...path(id), body: tts ? { tts: true } : {} }))),
  clear: (id: number) => as<AlarmChange>(call(api.POST('/api/alarms/{id}/clear', { ...path(id), body: {} }))),
  close: (id: number) => as<AlarmChange>(call(api.POST('/api/alarms/{id}/close', { ...path(id), body: {} }))),
  dispose: (id: number, body: { cause: string; measures: string; attachments: string[] }) =>
    as<AlarmChange>(call(api.POST('/api/alarms/{id}/dispose', { ...path(id), body }))),
  review: (id: number, body: { result: 'passed' | 'rejected'; comment: string }) => as<AlarmChange>(call(api.POST('/api/alarms/{id}/review', { ...path(id), body }))),
  uploadAttachment: (id: number, file: File) => upload<{ url: string }>(`/api/alarms/${id}/attachments`, file),
  attachment: async (url: string) => (await fetchRaw(url)).blob(),
};
