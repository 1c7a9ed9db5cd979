import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../platform/db/database.ts';
import { releaseTerminal } from '../../registry/terminal-binding.ts';
import { releaseTerminalAction } from '../../registry/modules/vehicles.ts';
import { actionRoute } from '../../registry/registry-module.ts';
import { actorOf } from './registry-routes.ts';

/** 解除终端绑定: the vehicle's next JT/T 808 registration binds a new terminal device. */
export const vehicleTerminalRoutes: FastifyPluginAsyncZod<{ db: Database; onChange: () => void }> = async (app, { db, onChange }) => {
  app.post(
    actionRoute(releaseTerminalAction),
    {
      preHandler: app.requireRole(releaseTerminalAction.roles),
      schema: {
        tags: ['vehicles'],
        summary: releaseTerminalAction.label,
        description: '清除车辆绑定的终端（终端ID、制造商、型号、IMEI）和鉴权码；下一台注册的终端将绑定到该车辆。',
        params: z.object({ id: z.coerce.number().int().positive() }),
        body: z.object({ reason: z.string().trim().max(200).optional() }).default({}),
      },
    },
    async (req, reply) => {
      const result = await releaseTerminal(db, req.user!.scope, req.params.id, actorOf(req), req.body.reason || null);
      if ('refused' in result) {
        return result.refused === 'not_found'
          ? reply.code(404).send({ error: 'not_found', message: '车辆不存在' })
          : reply.code(409).send({ error: 'not_bound', message: '该车辆尚未绑定终端' });
      }
      onChange();
      return result.released;
    },
  );
};
