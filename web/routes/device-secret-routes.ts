import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../platform/db/database.ts';
import { ScopedRecords } from '../scoped-records.ts';
import { hashDeviceSecret, newDeviceSecret } from '../../registry/device-secrets.ts';
import { rotateSecretAction } from '../../registry/modules/devices.ts';
import { actionRoute } from '../../registry/registry-module.ts';

/** Rotating a gateway secret: the new secret is shown once and the old one stops working at once. */
export const deviceSecretRoutes: FastifyPluginAsyncZod<{ db: Database; onChange: () => void }> = async (app, { db, onChange }) => {
  const records = new ScopedRecords(db);
  app.post(
    actionRoute(rotateSecretAction),
    { preHandler: app.requireRole(rotateSecretAction.roles), schema: { tags: ['devices'], summary: '重置网关密钥（仅显示一次）', params: z.object({ id: z.coerce.number().int().positive() }) } },
    async (req, reply) => {
      const secret = newDeviceSecret();
      const params: unknown[] = [req.params.id, hashDeviceSecret(secret)];
      const rows = await db.query(
        `update devices set secret_hash = $2, updated_at = now() where id = $1 and ${records.where(req.user!.scope, 'devices', params)} returning id`,
        params,
      );
      if (rows.length === 0) return reply.code(404).send({ error: 'not_found', message: '采集网关不存在' });
      onChange();
      return { id: req.params.id, secret };
    },
  );
};
