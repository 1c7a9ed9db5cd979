import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../platform/db/database.ts';
import type { SensorLiveState } from '../../monitor/live-state/sensor-live-state.ts';
import type { VehicleLiveState } from '../../monitor/live-state/vehicle-live-state.ts';
import type { TelemetryReader } from '../../monitor/telemetry-store/telemetry-reader.ts';
import { vehicleState } from '../../monitor/live-state/vehicle-state.ts';
import { toAlarm, type AlarmRow } from '../../alerts/alarm-store.ts';
import { RuleBook } from '../../alerts/rule-book.ts';
import type { RuleStore } from '../../alerts/rule-store.ts';
import { drivingClocks, initialFatigueState, type FatigueState } from '../../alerts/rules/fatigue-rule.ts';
import { hazardLevelLabels } from '../../registry/modules/hazard-grading.ts';
import { ScopedRecords } from '../scoped-records.ts';
import { sensorView, type SensorRow } from '../wall/sensor-view.ts';
import { pickStep, resolveRange, trendPresets } from '../wall/trend-range.ts';
import { narrowScope, regionParam, regionRefusal } from '../region-selection.ts';

interface Deps {
  db: Database;
  sensorLive: SensorLiveState;
  vehicleLive: VehicleLiveState;
  vehicleOnline: (vehicleId: number) => boolean;
  reader: TelemetryReader;
  rules: RuleStore;
  clock: () => Date;
}

const idParams = z.object({ id: z.coerce.number().int().positive() });
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** Tank and vehicle detail for the wall, the tank trend with alarm periods, and the map layers, all scoped. */
export const monitorDetailRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  const records = new ScopedRecords(deps.db);
  const { db } = deps;
  app.addHook('preHandler', app.requireUser);

  const tankNotFound = { error: 'not_found', message: '储罐不存在' };
  const loadTank = async (id: number, scope: Parameters<ScopedRecords['where']>[0]) => {
    const params: unknown[] = [id];
    const [tank] = await db.query<{ id: number; code: string; name: string; medium: string | null; capacity_m3: number | null; lat: number | null; lon: number | null; enterprise_id: number; enterprise_name: string; hazard_source_id: number | null; hazard_name: string | null; hazard_level: 1 | 2 | 3 | 4 | null }>(
      `select t.id, t.code, t.name, t.medium, t.capacity_m3, t.lat, t.lon, t.enterprise_id, e.name as enterprise_name,
              h.id as hazard_source_id, h.name as hazard_name, h.level as hazard_level
         from tanks t join enterprises e on e.id = t.enterprise_id left join hazard_sources h on h.id = t.hazard_source_id
        where t.id = $1 and ${records.where(scope, 'tanks', params, 't')}`,
      params,
    );
    return tank ?? null;
  };

  app.get('/api/monitor/tanks/:id', { schema: { tags: ['monitor'], summary: '储罐详情：传感器、当前值、阈值、状态与未处理报警', params: idParams } }, async (req, reply) => {
    const tank = await loadTank(req.params.id, req.user!.scope);
    if (!tank) return reply.code(404).send(tankNotFound);
    const sensors = await db.query<SensorRow>('select * from sensors where tank_id = $1 order by id', [tank.id]);
    const open = await db.query<AlarmRow>(`select * from alarms where source_kind = 'sensor' and source_id = any($1::int[]) and (active or not acknowledged) order by first_at desc`, [sensors.map((s) => s.id)]);
    const inAlarm = new Set(open.filter((a) => a.active && a.type !== 'data_interruption').map((a) => a.source_id));
    const now = deps.clock().getTime();
    return {
      id: tank.id,
      code: tank.code,
      name: tank.name,
      medium: tank.medium,
      capacityM3: tank.capacity_m3,
      lat: tank.lat,
      lon: tank.lon,
      enterprise: { id: tank.enterprise_id, name: tank.enterprise_name },
      hazardSource: tank.hazard_source_id ? { id: tank.hazard_source_id, name: tank.hazard_name, level: tank.hazard_level, levelLabel: tank.hazard_level ? hazardLevelLabels[tank.hazard_level] : null } : null,
      sensors: sensors.map((s) => sensorView(s, deps.sensorLive, inAlarm.has(s.id as number), now)),
      openAlarms: open.map(toAlarm),
    };
  });

  app.get(
    '/api/monitor/tanks/:id/trend',
    {
      schema: {
        tags: ['monitor'],
        summary: '储罐趋势：多个传感器的均值/最小/最大（按时段自动选步长，每条不超过 maxPoints 点），含阈值与报警持续时段',
        params: idParams,
        querystring: z.object({
          range: z.enum([...(Object.keys(trendPresets) as Array<keyof typeof trendPresets>), 'custom']).default('24h'),
          from: z.coerce.date().optional(),
          to: z.coerce.date().optional(),
          sensorIds: z.string().regex(/^\d+(,\d+)*$/, '逗号分隔的传感器编号').optional(),
          maxPoints: z.coerce.number().int().min(10).max(5000).default(1000),
        }),
      },
    },
    async (req, reply) => {
      const tank = await loadTank(req.params.id, req.user!.scope);
      if (!tank) return reply.code(404).send(tankNotFound);
      const period = resolveRange(req.query, deps.clock());
      if (!period) return reply.code(400).send({ error: 'validation_failed', message: '自定义时段需要早于结束时间的开始时间', fields: [{ path: 'from', message: '自定义时段需要开始时间' }] });
      const wanted = req.query.sensorIds?.split(',').map(Number);
      const sensors = (await db.query<SensorRow>('select * from sensors where tank_id = $1 order by id', [tank.id])).filter((s) => !wanted || wanted.includes(s.id as number));
      const stepS = pickStep((period.to.getTime() - period.from.getTime()) / 1000, req.query.maxPoints);
      const ids = sensors.map((s) => s.id as number);
      const [series, periods] = await Promise.all([
        deps.reader.trendMany(ids, period.from, period.to, stepS),
        db.query<{ id: number; source_id: number; type: string; level: string | null; severity: string; first_at: Date; cleared_at: Date | null }>(
          `select id, source_id, type, level, severity, first_at, cleared_at from alarms
            where source_kind = 'sensor' and source_id = any($1::int[]) and first_at < $3 and (cleared_at is null or cleared_at > $2) order by first_at`,
          [ids, period.from, period.to],
        ),
      ]);
      return {
        from: period.from.toISOString(),
        to: period.to.toISOString(),
        stepS,
        series: sensors.map((s) => {
          const v = sensorView(s, deps.sensorLive, false, 0);
          return { sensorId: v.id, code: v.code, kind: v.kind, unit: v.unit, thresholds: v.thresholds, points: series.find((x) => x.sensorId === v.id)?.points ?? [] };
        }),
        alarmPeriods: periods.map((p) => ({ alarmId: p.id, sensorId: p.source_id, type: p.type, level: p.level, severity: p.severity, from: iso(p.first_at)!, to: iso(p.cleared_at) })),
      };
    },
  );

  app.get('/api/monitor/vehicles/:id', { schema: { tags: ['monitor'], summary: '车辆详情：驾驶员与押运员、当前运单与货物、速度、连续驾驶与当日累计驾驶时长、最近报警', params: idParams } }, async (req, reply) => {
    const params: unknown[] = [req.params.id];
    const [v] = await db.query<{ id: number; plate: string; plate_color: number; hazmat_class: string | null; tank_volume_m3: number | null; speed_limit_kmh: number | null; enterprise_id: number; enterprise_name: string; region_code: string }>(
      `select v.id, v.plate, v.plate_color, v.hazmat_class, v.tank_volume_m3, v.speed_limit_kmh, v.enterprise_id, e.name as enterprise_name, e.region_code
         from vehicles v join enterprises e on e.id = v.enterprise_id where v.id = $1 and ${records.where(req.user!.scope, 'vehicles', params, 'v')}`,
      params,
    );
    if (!v) return reply.code(404).send({ error: 'not_found', message: '车辆不存在' });
    const [waybill] = await db.query<Record<string, unknown>>(
      `select w.*, d.name as driver_name, d.phone as driver_phone, d.certificate_no as driver_cert, s.name as escort_name, s.phone as escort_phone, s.certificate_no as escort_cert
         from waybills w join transport_staff d on d.id = w.driver_id join transport_staff s on s.id = w.escort_id
        where w.vehicle_id = $1 and w.status in ('in_transit', 'planned') order by (w.status = 'in_transit') desc, w.departure_at limit 1`,
      [v.id],
    );
    const recent = await db.query<AlarmRow>(`select * from alarms where source_kind = 'vehicle' and source_id = $1 order by first_at desc limit 10`, [v.id]);
    const [stateRow] = await db.query<{ state: FatigueState }>(`select state from rule_state where rule_kind = 'fatigue' and source_kind = 'vehicle' and source_id = $1`, [v.id]);
    const book = new RuleBook(await deps.rules.allLatest());
    const fatigue = book.resolve('fatigue', { sourceKind: 'vehicle', sourceId: v.id, enterpriseId: v.enterprise_id, regionCode: v.region_code });
    const now = deps.clock();
    const live = deps.vehicleLive.get(v.id);
    const online = deps.vehicleOnline(v.id);
    const clocks = fatigue ? drivingClocks(stateRow?.state ?? initialFatigueState, now.getTime(), fatigue.params) : null;
    const staff = (prefix: 'driver' | 'escort') =>
      waybill ? { id: waybill[`${prefix}_id`] as number, name: waybill[`${prefix}_name`] as string, phone: (waybill[`${prefix}_phone`] as string | null) ?? null, certificateNo: waybill[`${prefix}_cert`] as string } : null;
    return {
      id: v.id,
      plate: v.plate,
      plateColor: v.plate_color,
      hazmatClass: v.hazmat_class,
      tankVolumeM3: v.tank_volume_m3,
      speedLimitKmh: v.speed_limit_kmh,
      enterprise: { id: v.enterprise_id, name: v.enterprise_name },
      online,
      state: vehicleState({ online, inAlarm: recent.some((a) => a.active), speedKmh: live?.speedKmh ?? null }),
      live: live ? { lat: live.lat, lon: live.lon, speedKmh: live.speedKmh, direction: live.direction, ts: live.ts.toISOString() } : null,
      driver: staff('driver'),
      escort: staff('escort'),
      waybill: waybill
        ? {
            id: waybill.id as number,
            code: waybill.code as string,
            status: waybill.status as string,
            goodsName: waybill.goods_name as string,
            unNumber: waybill.un_number as string,
            hazmatClass: waybill.hazmat_class as string,
            packingGroup: (waybill.packing_group as string | null) ?? null,
            quantityT: waybill.quantity_t as number,
            origin: waybill.origin as string,
            destination: waybill.destination as string,
            route: (waybill.route as string | null) ?? null,
            departureAt: iso(waybill.departure_at as Date),
          }
        : null,
      driving: clocks && fatigue
        ? { ...clocks, continuousLimitS: fatigue.params.continuousS, dailyLimitS: fatigue.params.dailyS, restS: fatigue.params.restS, at: now.toISOString() }
        : null,
      recentAlarms: recent.map(toAlarm),
    };
  });

  const layerNames = ['hazardSources', 'geofences', 'emergencyResources'] as const;
  app.get(
    '/api/monitor/layers',
    {
      schema: {
        tags: ['monitor'],
        summary: '地图图层：重大危险源（分级、位置）、电子围栏、应急资源（WGS-84），按区域筛选',
        querystring: z.object({ region: regionParam, layers: z.string().regex(/^[a-zA-Z]+(,[a-zA-Z]+)*$/).optional().describe(`逗号分隔：${layerNames.join(',')}；缺省为全部`) }),
      },
    },
    async (req, reply) => {
      const scope = await narrowScope(db, req.user!.scope, req.query.region);
      if (!scope) return reply.code(403).send(regionRefusal);
      const want = new Set(req.query.layers?.split(',') ?? layerNames);
      const scoped = async <T>(kind: Parameters<ScopedRecords['where']>[1], alias: string, sql: (w: string) => string) => {
        const params: unknown[] = [];
        const w = records.where(scope, kind, params, alias);
        return db.query<T>(sql(w), params);
      };
      const hazardSources = want.has('hazardSources')
        ? (
            await scoped<{ id: number; code: string; name: string; level: 1 | 2 | 3 | 4 | null; r_value: number; enterprise_id: number; enterprise_name: string; lat: number | null; lon: number | null; tanks: number }>(
              'hazardSources',
              'h',
              (w) => `select h.id, h.code, h.name, h.level, h.r_value, h.enterprise_id, e.name as enterprise_name,
                             coalesce((select avg(t.lat) from tanks t where t.hazard_source_id = h.id), e.lat) as lat,
                             coalesce((select avg(t.lon) from tanks t where t.hazard_source_id = h.id), e.lon) as lon,
                             (select count(*)::int from tanks t where t.hazard_source_id = h.id) as tanks
                        from hazard_sources h join enterprises e on e.id = h.enterprise_id where ${w} order by h.level nulls last, h.id`,
            )
          ).map((h) => ({ id: h.id, code: h.code, name: h.name, level: h.level, levelLabel: h.level ? hazardLevelLabels[h.level] : null, rValue: h.r_value, enterpriseId: h.enterprise_id, enterpriseName: h.enterprise_name, lat: h.lat, lon: h.lon, tanks: h.tanks }))
        : [];
      const geofences = want.has('geofences')
        ? (
            await scoped<{ id: number; code: string; name: string; shape: string; geometry: unknown; rule: string; speed_limit_kmh: number | null; time_windows: unknown; enabled: boolean; region_code: string; enterprise_id: number | null }>(
              'geofences',
              'g',
              (w) => `select g.id, g.code, g.name, g.shape, g.geometry, g.rule, g.speed_limit_kmh, g.time_windows, g.enabled, g.region_code, g.enterprise_id from geofences g where ${w} order by g.id`,
            )
          ).map((g) => ({ id: g.id, code: g.code, name: g.name, shape: g.shape, geometry: g.geometry, rule: g.rule, speedLimitKmh: g.speed_limit_kmh, timeWindows: g.time_windows, enabled: g.enabled, regionCode: g.region_code, enterpriseId: g.enterprise_id }))
        : [];
      const emergencyResources = want.has('emergencyResources')
        ? (
            await scoped<{ id: number; code: string; kind: string; name: string; lat: number; lon: number; address: string | null; contact_person: string | null; contact_phone: string | null; capacity: string | null }>(
              'emergencyResources',
              'r',
              (w) => `select r.id, r.code, r.kind, r.name, r.lat, r.lon, r.address, r.contact_person, r.contact_phone, r.capacity from emergency_resources r where ${w} order by r.id`,
            )
          ).map((r) => ({ id: r.id, code: r.code, kind: r.kind, name: r.name, lat: r.lat, lon: r.lon, address: r.address, contactPerson: r.contact_person, contactPhone: r.contact_phone, capacity: r.capacity }))
        : [];
      return { coordinateSystem: 'WGS-84', hazardSources, geofences, emergencyResources };
    },
  );
};
