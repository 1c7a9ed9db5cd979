import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../platform/db/database.ts';
import { ScopedRecords } from '../scoped-records.ts';
import type { SensorLiveState } from '../../monitor/live-state/sensor-live-state.ts';
import type { VehicleLiveState } from '../../monitor/live-state/vehicle-live-state.ts';
import type { TelemetryReader } from '../../monitor/telemetry-store/telemetry-reader.ts';

interface Deps {
  db: Database;
  sensorLive: SensorLiveState;
  vehicleLive: VehicleLiveState;
  reader: TelemetryReader;
  vehicleOnline: (vehicleId: number) => boolean;
}

/** What the monitoring wall reads: tanks with current values, vehicles with their live fix, trends and tracks. */
export const monitorRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  const records = new ScopedRecords(deps.db);
  app.addHook('preHandler', app.requireUser);

  app.get('/api/monitor/tanks', { schema: { tags: ['monitor'], summary: '储罐实时数据' } }, async (req) => {
    const params: unknown[] = [];
    const tanks = await deps.db.query<{ id: number; code: string; name: string; enterprise_id: number; enterprise_name: string; medium: string | null }>(
      `select t.id, t.code, t.name, t.enterprise_id, e.name as enterprise_name, t.medium
       from tanks t join enterprises e on e.id = t.enterprise_id where ${records.where(req.user!.scope, 'tanks', params, 't')} order by t.id`,
      params,
    );
    const sensors = await deps.db.query<Record<string, number | string | null>>(
      'select * from sensors where tank_id = any($1::int[]) order by id',
      [tanks.map((t) => t.id)],
    );
    const openAlarms = new Set(
      (await deps.db.query<{ source_id: number }>(`select source_id from alarms where source_kind = 'sensor' and active and type <> 'data_interruption'`)).map((r) => r.source_id),
    );
    const now = Date.now();
    return {
      items: tanks.map((t) => ({
        id: t.id,
        code: t.code,
        name: t.name,
        enterpriseId: t.enterprise_id,
        enterpriseName: t.enterprise_name,
        medium: t.medium,
        sensors: sensors
          .filter((s) => s.tank_id === t.id)
          .map((s) => {
            const live = deps.sensorLive.get(s.id as number);
            const stale = live && (live.stale === true || now - live.ts.getTime() > (s.interruption_timeout_s as number) * 1000);
            return {
              id: s.id,
              code: s.code,
              kind: s.kind,
              unit: s.unit,
              rangeMin: s.range_min,
              rangeMax: s.range_max,
              deviceId: s.device_id,
              interruptionTimeoutS: s.interruption_timeout_s,
              thresholds: { lowLow: s.low_low, low: s.low, high: s.high, highHigh: s.high_high, deadband: s.deadband },
              value: live?.value ?? null,
              ts: live?.ts.toISOString() ?? null,
              quality: live?.quality ?? null,
              state: !live ? 'nodata' : openAlarms.has(s.id as number) ? 'alarm' : stale ? 'stale' : 'normal',
            };
          }),
      })),
    };
  });

  app.get('/api/monitor/vehicles', { schema: { tags: ['monitor'], summary: '车辆实时位置（GCJ-02）' } }, async (req) => {
    const params: unknown[] = [];
    const vehicles = await deps.db.query<{ id: number; plate: string; enterprise_name: string }>(
      `select v.id, v.plate, e.name as enterprise_name from vehicles v join enterprises e on e.id = v.enterprise_id
       where ${records.where(req.user!.scope, 'vehicles', params, 'v')} order by v.id`,
      params,
    );
    return {
      items: vehicles.map((v) => {
        const live = deps.vehicleLive.get(v.id);
        return {
          id: v.id,
          plate: v.plate,
          enterpriseName: v.enterprise_name,
          online: deps.vehicleOnline(v.id),
          lat: live?.lat ?? null,
          lon: live?.lon ?? null,
          speedKmh: live?.speedKmh ?? null,
          direction: live?.direction ?? null,
          ts: live?.ts.toISOString() ?? null,
        };
      }),
    };
  });

  const range = z.object({ from: z.coerce.date(), to: z.coerce.date().optional() });

  app.get(
    '/api/monitor/sensors/:id/trend',
    { schema: { tags: ['monitor'], summary: '传感器趋势（均值/最小/最大）', params: z.object({ id: z.coerce.number().int().positive() }), querystring: range.extend({ step: z.coerce.number().int().min(1).max(86_400).default(60) }) } },
    async (req, reply) => {
      if (!(await records.visible(req.user!.scope, 'sensors', req.params.id))) return reply.code(404).send({ error: 'not_found', message: '传感器不存在' });
      return { items: await deps.reader.trend(req.params.id, req.query.from, req.query.to ?? new Date(), req.query.step) };
    },
  );

  app.get(
    '/api/monitor/vehicles/:id/track',
    { schema: { tags: ['monitor'], summary: '车辆轨迹回放（WGS-84）', params: z.object({ id: z.coerce.number().int().positive() }), querystring: range } },
    async (req, reply) => {
      if (!(await records.visible(req.user!.scope, 'vehicles', req.params.id))) return reply.code(404).send({ error: 'not_found', message: '车辆不存在' });
      return { items: await deps.reader.track(req.params.id, req.query.from, req.query.to ?? new Date()) };
    },
  );
};
