import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import type { RegistryRepository } from '../../registry/registry-repository.ts';
import type { Actor } from '../../registry/audit-trail.ts';
import { describeFields } from '../../registry/registry-metadata.ts';
import { exportWorkbook, parseImport, templateWorkbook } from '../../registry/registry-excel.ts';
import { shanghaiDate } from '../../platform/time/shanghai-calendar.ts';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_EXPORT_ROWS = 50_000;

export const actorOf = (req: FastifyRequest): Actor => ({ username: req.user!.username, ip: req.ip });

const attachment = (label: string) => {
  const name = `${label}_${shanghaiDate(Date.now()).replace(/-/g, '')}.xlsx`;
  return `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`;
};

/**
 * REST routes derived from a registry module: list (filters, paging), get, create, update, delete, Excel export,
 * import template and import — all scoped to the caller and audited. `onCreated` adds to a create answer
 * (e.g. a device's one-time secret).
 */
export function registryRoutes<S extends z.ZodObject>(
  repo: RegistryRepository<S>,
  opts: { createColumns?: () => { columns: Record<string, unknown>; reveal: Record<string, unknown> } } = {},
): FastifyPluginAsyncZod {
  const m = repo.module;
  const base = `/api/${m.name}`;
  const filterFields = describeFields(m).filter((f) => ({ ...m.fields, ...m.computedFields })[f.name]?.filter);
  // Sortable: every listed column; `-field` sorts descending.
  const sortable = Object.entries({ ...m.fields, ...m.computedFields }).filter(([, f]) => f.list).map(([name]) => name);
  const listQuery = z.object({
    sort: sortable.length ? z.enum([...sortable, ...sortable.map((f) => `-${f}`)] as [string, ...string[]]).optional() : z.undefined(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(50),
    q: z.string().trim().min(1).max(100).optional(),
    ...Object.fromEntries(
      filterFields.map((f) => [f.name, (f.type === 'integer' || f.type === 'number' ? z.coerce.number() : f.type === 'boolean' ? z.stringbool() : z.string().max(100)).optional()]),
    ),
  });
  const toQuery = (q: z.infer<typeof listQuery>) => {
    const { page, pageSize, q: text, sort, ...filters } = q;
    return { page, pageSize, q: text, sort, filters };
  };

  return async (app) => {
    app.addHook('preHandler', app.requireUser);
    app.addContentTypeParser(XLSX, { parseAs: 'buffer', bodyLimit: 20 * 1024 * 1024 }, (_req, body, done) => done(null, body));
    const write = { preHandler: app.requireRole(m.writeRoles) };
    const notFound = { error: 'not_found', message: `${m.label}不存在` };
    const tags = [m.name];

    app.get(base, { schema: { tags, summary: `${m.label}列表`, querystring: listQuery } }, async (req) => repo.list(req.user!.scope, toQuery(req.query)));

    app.get(`${base}/export.xlsx`, { schema: { tags, summary: `导出${m.label}（Excel）`, querystring: listQuery.omit({ page: true, pageSize: true }) } }, async (req, reply) => {
      const { items } = await repo.list(req.user!.scope, { ...toQuery({ ...req.query, page: 1, pageSize: MAX_EXPORT_ROWS }) });
      return reply.type(XLSX).header('content-disposition', attachment(m.label)).send(await exportWorkbook(m, items));
    });

    app.get(`${base}/import-template.xlsx`, { schema: { tags, summary: `${m.label}导入模板` } }, async (_req, reply) => {
      return reply.type(XLSX).header('content-disposition', attachment(`${m.label}导入模板`)).send(await templateWorkbook(m));
    });

    if (m.importable) {
      app.post(`${base}/import`, { ...write, schema: { tags, summary: `从 Excel 导入${m.label}（全部成功才写入）`, consumes: [XLSX] } }, async (req, reply) => {
        if (!Buffer.isBuffer(req.body)) return reply.code(415).send({ error: 'unsupported_media_type', message: `请以 ${XLSX} 上传 Excel 文件` });
        const parsed = await parseImport(m, req.body);
        if (!parsed.ok) return reply.code(400).send({ error: 'import_failed', message: parsed.message, rows: parsed.rows });
        return repo.importRows(req.user!.scope, parsed.rows, actorOf(req));
      });
    }

    app.get(`${base}/:id`, { schema: { tags, summary: `${m.label}详情`, params: idParams } }, async (req, reply) => {
      return (await repo.get(req.user!.scope, req.params.id)) ?? reply.code(404).send(notFound);
    });

    app.post(base, { ...write, schema: { tags, summary: `新增${m.label}`, body: m.schema } }, async (req, reply) => {
      const extra = opts.createColumns?.();
      const created = await repo.create(req.user!.scope, req.body as z.infer<S>, actorOf(req), extra?.columns);
      return reply.code(201).send({ ...created, ...extra?.reveal });
    });

    app.put(`${base}/:id`, { ...write, schema: { tags, summary: `修改${m.label}`, params: idParams, body: m.schema } }, async (req, reply) => {
      return (await repo.update(req.user!.scope, req.params.id, req.body as z.infer<S>, actorOf(req))) ?? reply.code(404).send(notFound);
    });

    app.delete(`${base}/:id`, { ...write, schema: { tags, summary: `删除${m.label}`, params: idParams } }, async (req, reply) => {
      return (await repo.remove(req.user!.scope, req.params.id, actorOf(req))) ? reply.code(204).send() : reply.code(404).send(notFound);
    });
  };
}
