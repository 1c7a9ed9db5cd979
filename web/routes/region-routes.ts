import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../platform/db/database.ts';
import type { Scope } from '../../platform/auth/scope.ts';
import { regionTree } from '../../registry/region-names.ts';

// Three levels spelled out: a recursive schema would be a $ref the OpenAPI document cannot resolve.
const county = z.object({ value: z.string(), label: z.string() });
const city = county.extend({ children: z.array(county).optional() });
const province = county.extend({ children: z.array(city).optional() });

/** `GET /api/regions/options`: the GB/T 2260 tree for region pickers, limited to what the caller may name. */
export const regionRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  async function prefixOf(scope: Scope): Promise<string | null> {
    if (scope.kind === 'all') return '';
    if (scope.kind === 'region') return scope.prefix === 'none' ? null : scope.prefix;
    if (scope.kind === 'park') return scope.regionCode || null;
    const [e] = await db.query<{ region_code: string }>('select region_code from enterprises where id = $1', [scope.enterpriseId]);
    return e?.region_code ?? null;
  }
  app.get(
    '/api/regions/options',
    {
      preHandler: app.requireUser,
      schema: { tags: ['meta'], summary: '行政区划选项（省、市、县三级，限本账号管辖范围）', response: { 200: z.object({ items: z.array(province) }) } },
    },
    async (req) => {
      const prefix = await prefixOf(req.user!.scope);
      return { items: prefix === null ? [] : regionTree(prefix) };
    },
  );
};
