import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RegistryModule } from '../../registry/registry-module.ts';
import { moduleMetadata } from '../../registry/registry-metadata.ts';

/** What the generic admin page renders: every registry's fields, columns and filters, whether the caller may write, and the record actions open to the caller. */
export const moduleRoutes: FastifyPluginAsyncZod<{ modules: RegistryModule[] }> = async (app, { modules }) => {
  const described = modules.map((m) => ({ m, meta: moduleMetadata(m, false) }));
  app.get('/api/modules', { preHandler: app.requireUser, schema: { tags: ['admin'], summary: '登记模块的字段、列表列与筛选项' } }, async (req) => ({
    items: described.map(({ m, meta }) => ({
      ...meta,
      canWrite: m.writeRoles.includes(req.user!.role),
      actions: (m.actions ?? []).filter((a) => a.roles.includes(req.user!.role)).map(({ name, label, confirm }) => ({ name, label, confirm })),
    })),
  }));
};
