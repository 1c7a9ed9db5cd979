import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RegistryModule } from '../../platform/registries/registry-module.ts';
import type { RegistryRepository } from '../../platform/registries/registry-repository.ts';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const listQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  q: z.string().trim().min(1).max(100).optional(),
  enterpriseId: z.coerce.number().int().positive().optional(),
});

/**
 * REST routes derived from a registry module: list, get, create, update, delete, all scoped to the caller.
 * `onCreated` lets a module add to the create answer (a device's one-time secret).
 */
export function registryRoutes<S extends z.ZodObject>(
  repo: RegistryRepository<S>,
  opts: { createColumns?: () => { columns: Record<string, unknown>; reveal: Record<string, unknown> } } = {},
): FastifyPluginAsyncZod {
  const m: RegistryModule<S> = repo.module;
  const base = `/api/${m.name}`;
  return async (app) => {
    app.addHook('preHandler', app.requireUser);
    const write = { preHandler: app.requireRole(m.writeRoles) };
    const notFound = { error: 'not_found', message: `${m.label}不存在` };

    app.get(base, { schema: { tags: [m.name], summary: `${m.label}列表`, querystring: listQuery } }, async (req) => repo.list(req.user!.scope, req.query));

    app.get(`${base}/:id`, { schema: { tags: [m.name], summary: `${m.label}详情`, params: idParams } }, async (req, reply) => {
      return (await repo.get(req.user!.scope, req.params.id)) ?? reply.code(404).send(notFound);
    });

    app.post(base, { ...write, schema: { tags: [m.name], summary: `新增${m.label}`, body: m.schema } }, async (req, reply) => {
      const extra = opts.createColumns?.();
      const created = await repo.create(req.user!.scope, req.body as z.infer<S>, extra?.columns);
      return reply.code(201).send({ ...created, ...extra?.reveal });
    });

    app.put(`${base}/:id`, { ...write, schema: { tags: [m.name], summary: `修改${m.label}`, params: idParams, body: m.schema } }, async (req, reply) => {
      return (await repo.update(req.user!.scope, req.params.id, req.body as z.infer<S>)) ?? reply.code(404).send(notFound);
    });

    app.delete(`${base}/:id`, { ...write, schema: { tags: [m.name], summary: `删除${m.label}`, params: idParams } }, async (req, reply) => {
      return (await repo.remove(req.user!.scope, req.params.id)) ? reply.code(204).send() : reply.code(404).send(notFound);
    });
  };
}
