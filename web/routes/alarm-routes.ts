import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Alarm, AlarmChange, AlarmStore } from '../../alerts/alarm-store.ts';

export const alarmRoutes: FastifyPluginAsyncZod<{ alarms: AlarmStore; publish: (change: AlarmChange) => void; onAcknowledged?: (alarm: Alarm) => void }> = async (
  app,
  { alarms, publish, onAcknowledged },
) => {
  app.addHook('preHandler', app.requireUser);

  app.get(
    '/api/alarms',
    {
      schema: {
        tags: ['alarms'],
        summary: '报警列表（open：未消除或未确认）',
        querystring: z.object({
          state: z.enum(['open', 'all']).default('open'),
          limit: z.coerce.number().int().min(1).max(500).default(100),
          offset: z.coerce.number().int().min(0).default(0),
        }),
      },
    },
    async (req) => alarms.list(req.user!.scope, req.query),
  );

  app.get('/api/alarms/:id', { schema: { tags: ['alarms'], params: z.object({ id: z.coerce.number().int().positive() }) } }, async (req, reply) => {
    const alarm = await alarms.get(req.params.id, req.user!.scope);
    return alarm ?? reply.code(404).send({ error: 'not_found', message: '报警不存在' });
  });

  app.post(
    '/api/alarms/:id/ack',
    { schema: { tags: ['alarms'], summary: '确认报警', params: z.object({ id: z.coerce.number().int().positive() }) } },
    async (req, reply) => {
      const result = await alarms.acknowledge(req.params.id, req.user!.scope, req.user!.username);
      if (result === 'not_found') return reply.code(404).send({ error: 'not_found', message: '报警不存在' });
      if (result === 'already') return reply.code(409).send({ error: 'already_acknowledged', message: '该报警已确认' });
      publish(result);
      onAcknowledged?.(result.alarm);
      return { alarm: result.alarm };
    },
  );
};
