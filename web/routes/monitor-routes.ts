import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../platform/db/database.ts';
import { ScopedRecords } from '../scoped-records.ts';
import { sensorView } from '../wall/sensor-view.ts';
import { narrowScope, regionParam, regionRefusal } from '../region-selection.ts';
import { vehicleState } from '../../monitor/live-state/vehicle-state.ts';
import { trackReplay } from '../../monitor/track/track-replay.ts';
import { alarmTypeLabel } from '../../alerts/alarm-labels.ts';
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

  const regionQuery = z.object({ region: regionParam });

  app.get('/api/monitor/tanks', { schema: { tags: ['monitor'], summary: '储罐实时数据', querystring: regionQuery } }, async (req, reply) => {
    const scope = await narrowScope(deps.db, req.user!.scope, req.query.region);
    if (!scope) return reply.code(403).send(regionRefusal);
    const params: unknown[] = [];
    const tanks = await deps.db.query<{ id: number; code: string; name: string; enterprise_id: number; enterprise_name: string; medium: string | null }>(
      `select t.id, t.code, t.name, t.enterprise_id, e.name as enterprise_name, t.medium
       from tanks t join enterprises e on e.id = t.enterprise_id where ${records.where(scope, 'tanks', params, 't')} order by t.id`,
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
        sensors: sensors.filter((s) => s.tank_id === t.id).map((s) => sensorView(s, deps.sensorLive, openAlarms.has(s.id as number), now)),
      })),
    };
  });

  app.get('/api/monitor/vehicles', { schema: { tags: ['monitor'], summary: '车辆实时位置（GCJ-02）与状态（行驶、停车、离线、报警）', querystring: regionQuery } }, async (req, reply) => {
    const scope = await narrowScope(deps.db, req.user!.scope, req.query.region);
    if (!scope) return reply.code(403).send(regionRefusal);
    const params: unknown[] = [];
    const vehicles = await deps.db.query<{ id: number; plate: string; enterprise_id: number; enterprise_name: string; hazmat_class: string | null; in_alarm: boolean; on_trip: boolean }>(
      `select v.id, v.plate, v.enterprise_id, e.name as enterprise_name, v.hazmat_class,
              exists (select 1 from alarms a where a.source_kind = 'vehicle' and a.source_id = v.id and a.active) as in_alarm,
              exists (select 1 from waybills w where w.vehicle_id = v.id and w.status = 'in_transit') as on_trip
         from vehicles v join enterprises e on e.id = v.enterprise_id
       where ${records.where(scope, 'vehicles', params, 'v')} order by v.id`,
      params,
    );
    return {
      items: vehicles.map((v) => {
        const live = deps.vehicleLive.get(v.id);
        return {
          id: v.id,
          plate: v.plate,
          enterpriseName: v.enterprise_name,
          enterpriseId: v.enterprise_id,
          hazmatClass: v.hazmat_class,
          onTrip: v.on_trip,
          online: deps.vehicleOnline(v.id),
          state: vehicleState({ online: deps.vehicleOnline(v.id), inAlarm: v.in_alarm, speedKmh: live?.speedKmh ?? null }),
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
    {
      schema: {
        tags: ['monitor'],
        summary: '车辆轨迹回放（WGS-84）：点数超过 maxPoints 时由 InfluxDB 按时间分桶抽稀，否则全部明细；含 5 分钟以上停车与途中报警',
        params: z.object({ id: z.coerce.number().int().positive() }),
        querystring: range.extend({ maxPoints: z.coerce.number().int().min(10).max(20_000).default(2000) }),
      },
    },
    async (req, reply) => {
      if (!(await records.visible(req.user!.scope, 'vehicles', req.params.id))) return reply.code(404).send({ error: 'not_found', message: '车辆不存在' });
      const from = req.query.from;
      const to = req.query.to ?? new Date();
      if (!(from < to)) return reply.code(400).send({ error: 'validation_failed', message: '结束时间应晚于开始时间', fields: [{ path: 'to', message: '结束时间应晚于开始时间' }] });
      const replay = await trackReplay(deps.reader, req.params.id, from, to, req.query.maxPoints);
      const alarms = await deps.db.query<{ id: number; type: string; severity: string; first_at: Date; message: string }>(
        `select id, type, severity, first_at, message from alarms where source_kind = 'vehicle' and source_id = $1 and first_at >= $2 and first_at < $3 order by first_at`,
        [req.params.id, from, to],
      );
      const times = replay.points.map((p) => p.ts.getTime());
      const nearest = (t: number) => {
        let lo = 0;
        let hi = times.length - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (times[mid] < t) lo = mid + 1;
          else hi = mid;
        }
        return lo > 0 && Math.abs(times[lo - 1] - t) <= Math.abs(times[lo] - t) ? lo - 1 : lo;
      };
      return {
        mode: replay.mode,
        bucketS: replay.bucketS,
        total: replay.total,
        driftPoints: replay.driftPoints,
        items: replay.points,
        stops: replay.stops,
        alarms: alarms.map((a) => {
          const p = times.length ? replay.points[nearest(new Date(a.first_at).getTime())] : null;
          return { id: a.id, type: a.type, label: alarmTypeLabel[a.type] ?? a.type, severity: a.severity, at: new Date(a.first_at).toISOString(), message: a.message, lat: p?.lat ?? null, lon: p?.lon ?? null };
        }),
      };
    },
  );
};
