import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RegistryModule } from '../../registry/registry-module.ts';
import { actionsFor, moduleMetadata } from '../../registry/registry-metadata.ts';
import { userActions } from './user-routes.ts';

const option = z.object({ value: z.string(), label: z.string() });
const fieldRef = z.object({ module: z.string(), labelField: z.string(), path: z.string().optional(), query: z.record(z.string(), z.string()).optional() });
const fieldType = z.enum(['string', 'number', 'integer', 'boolean', 'date', 'enum', 'json', 'array']);
const field = z.object({
  name: z.string(),
  label: z.string(),
  type: fieldType,
  required: z.boolean(),
  readOnly: z.boolean().optional(),
  options: z.array(option).optional(),
  ref: fieldRef.optional(),
  region: z.boolean().optional(),
  multiline: z.boolean().optional(),
  help: z.string().optional(),
  default: z.unknown().optional(),
});
const reveal = z.object({ field: z.string(), title: z.string(), warning: z.string() });
const action = z.object({
  name: z.string(),
  label: z.string(),
  method: z.enum(['POST', 'PUT', 'PATCH', 'DELETE']),
  path: z.string().describe('路径模板，{id} 为记录ID'),
  confirm: z.string().optional(),
  input: z.array(field.omit({ readOnly: true }).extend({ initialFrom: z.string().optional() })),
  reveal: reveal.optional(),
  when: z.object({ field: z.string(), present: z.boolean().optional(), in: z.array(z.string()).optional() }).optional(),
  danger: z.boolean().optional(),
});
const moduleSchema = z.object({
  name: z.string(),
  label: z.string(),
  group: z.string(),
  path: z.string(),
  canWrite: z.boolean(),
  importable: z.boolean(),
  revealOnCreate: reveal.optional(),
  fields: z.array(field),
  columns: z.array(z.string()),
  filters: z.array(z.object({ field: z.string(), label: z.string(), type: z.enum(['select', 'region', 'text']), options: z.array(option).optional(), ref: fieldRef.optional() })),
  actions: z.array(action),
});

/**
 * What the generic admin page renders: every registry's fields, columns and filters, whether the caller may write,
 * and the record actions open to the caller; `recordActions` declares those of records with pages of their own (users).
 */
export const moduleRoutes: FastifyPluginAsyncZod<{ modules: RegistryModule[] }> = async (app, { modules }) => {
  const described = modules.map((m) => ({ m, meta: moduleMetadata(m, false) }));
  app.get(
    '/api/modules',
    {
      preHandler: app.requireUser,
      schema: {
        tags: ['admin'],
        summary: '登记模块的字段、列表列、筛选项与记录操作',
        response: { 200: z.object({ items: z.array(moduleSchema), recordActions: z.object({ users: z.array(action) }) }) },
      },
    },
    async (req) => ({
      items: described.map(({ m, meta }) => ({ ...meta, canWrite: m.writeRoles.includes(req.user!.role), actions: actionsFor(m.actions, req.user!.role) })),
      recordActions: { users: actionsFor(userActions, req.user!.role) },
    }),
  );
};
