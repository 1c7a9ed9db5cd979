import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../platform/db/database.ts';
import { ScopedRecords } from '../scoped-records.ts';
import { resourceKindLabels } from '../../registry/modules/emergency-resources.ts';
import { daysBetween, shanghaiDate } from '../../platform/time/shanghai-calendar.ts';

/**
 * Certificate and inspection expiry warnings, and the emergency resources nearest to a point. "Today" is the
 * Asia/Shanghai calendar day on the given clock, not the database's or the server's time zone.
 */
export const transportRoutes: FastifyPluginAsyncZod<{ db: Database; clock: () => Date }> = async (app, { db, clock }) => {
  const records = new ScopedRecords(db);
  app.get(
    '/api/expiry-warnings',
    {
      preHandler: app.requireUser,
      schema: { tags: ['vehicles'], summary: '证照到期提醒（已过期及即将到期）', querystring: z.object({ withinDays: z.coerce.number().int().min(0).max(365).default(30) }) },
    },
    async (req) => {
      const today = shanghaiDate(clock());
      const params: unknown[] = [shanghaiDate(Date.parse(today), req.query.withinDays)];
      const staffScope = records.where(req.user!.scope, 'transportStaff', params, 's');
      const vehicleScope = records.where(req.user!.scope, 'vehicles', params, 'v');
      const rows = await db.query<{ kind: string; id: number; name: string; enterprise_name: string; expires_on: string }>(
        `select case when s.kind = 'driver' then 'driver_certificate' else 'escort_certificate' end as kind, s.id, s.name,
                e.name as enterprise_name, to_char(s.certificate_expires_on, 'YYYY-MM-DD') as expires_on
           from transport_staff s join enterprises e on e.id = s.enterprise_id
          where s.certificate_expires_on <= $1::date and ${staffScope}
         union all
         select 'vehicle_inspection', v.id, v.plate, e.name, to_char(v.inspection_expires_on, 'YYYY-MM-DD')
           from vehicles v join enterprises e on e.id = v.enterprise_id
          where v.inspection_expires_on <= $1::date and ${vehicleScope}
         order by expires_on`,
        params,
      );
      return {
        items: rows.map((r) => ({
          kind: r.kind,
          id: r.id,
          name: r.name,
          enterpriseName: r.enterprise_name,
          expiresOn: r.expires_on,
          daysLeft: daysBetween(today, r.expires_on),
        })),
      };
    },
  );

  app.get(
    '/api/emergency-resources/nearest',
    {
      preHandler: app.requireUser,
      schema: {
        tags: ['emergency-resources'],
        summary: '距离最近的应急资源',
        querystring: z.object({
          lat: z.coerce.number().min(-90).max(90),
          lon: z.coerce.number().min(-180).max(180),
          kind: z.enum(Object.keys(resourceKindLabels) as [string, ...string[]]).optional(),
          limit: z.coerce.number().int().min(1).max(50).default(5),
        }),
      },
    },
    async (req) => {
      const { lat, lon, kind, limit } = req.query;
      const params: unknown[] = [lat, lon];
      const where = [records.where(req.user!.scope, 'emergencyResources', params)];
      if (kind) {
        params.push(kind);
        where.push(`kind = $${params.length}`);
      }
      // Haversine in SQL: fine for the few thousand resources a region holds.
      const rows = await db.query<Record<string, unknown>>(
        `select id, code, kind, name, address, lat, lon, contact_person as "contactPerson", contact_phone as "contactPhone", capacity,
                round((6371000 * 2 * asin(sqrt(power(sin(radians(lat - $1) / 2), 2) + cos(radians($1)) * cos(radians(lat)) * power(sin(radians(lon - $2) / 2), 2))))::numeric)::int as "distanceM"
           from emergency_resources where ${where.join(' and ')} order by "distanceM" limit ${limit}`,
        params,
      );
      return { items: rows };
    },
  );
};
