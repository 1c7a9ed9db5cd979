import type { FastifyPluginAsync } from 'fastify';
import type { Registry } from 'prom-client';

export type ComponentHealth = Record<string, { ok: boolean; detail?: string }>;

export const healthRoutes: FastifyPluginAsync<{ health: () => Promise<ComponentHealth>; registry: Registry }> = async (app, { health, registry }) => {
  app.get('/healthz', { schema: { tags: ['ops'], summary: '各组件健康状态，任一异常时返回 503' } }, async (_req, reply) => {
    const components = await health();
    const ok = Object.values(components).every((c) => c.ok);
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', components });
  });
  app.get('/metrics', { schema: { tags: ['ops'], summary: 'Prometheus 指标' } }, async (_req, reply) => {
    return reply.type(registry.contentType).send(await registry.metrics());
  });
};
