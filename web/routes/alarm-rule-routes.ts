import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { RuleInputError, type RuleStore } from '../../alerts/rule-store.ts';
import { ruleKinds, ruleParamSchemas, type RuleKind } from '../../alerts/rules/rule-params.ts';
import { timeWindowSchema } from '../../registry/modules/geofences.ts';

const envelope = {
  name: z.string().trim().min(2).max(100),
  regionCode: z.string().regex(/^\d{6}$/, '行政区划代码应为 6 位数字').nullish(),
  enterpriseId: z.number().int().positive().nullish(),
  source: z.object({ kind: z.enum(['sensor', 'vehicle']), id: z.number().int().positive() }).nullish(),
  severity: z.enum(['critical', 'major', 'minor', 'warning']).optional(),
  schedule: z.array(timeWindowSchema).max(20).default([]),
  enabled: z.boolean().default(true),
};
// One member per kind, so params are checked against their own schema with per-field errors.
const ruleBody = z.discriminatedUnion(
  'kind',
  ruleKinds.map((kind) => z.object({ kind: z.literal(kind), params: ruleParamSchemas[kind], ...envelope })) as unknown as [
    z.ZodObject<{ kind: z.ZodLiteral<RuleKind>; params: z.ZodType<Record<string, unknown>> } & typeof envelope>,
  ],
);
const idParams = z.object({ id: z.coerce.number().int().positive() });
const notFound = { error: 'not_found', message: '报警规则不存在' };

/** Alarm rules as data: list, read, create, edit (a new version), disable, and the version history. */
export const alarmRuleRoutes: FastifyPluginAsyncZod<{ rules: RuleStore }> = async (app, { rules }) => {
  const write = { preHandler: app.requireRole(['admin', 'official']) };
  const tags = ['alarm-rules'];
  const badInput = (reply: FastifyReply, err: unknown) => {
    if (!(err instanceof RuleInputError)) throw err;
    return reply.code(400).send({ error: 'validation_failed', message: '输入数据校验未通过', fields: [{ path: err.path, message: err.message }] });
  };

  app.get(
    '/api/alarm-rules',
    { preHandler: app.requireUser, schema: { tags, summary: '报警规则列表（每条规则的最新版本）', querystring: z.object({ kind: z.enum(ruleKinds as [RuleKind, ...RuleKind[]]).optional() }) } },
    async (req) => ({ items: await rules.list(req.user!.scope, req.query) }),
  );

  app.get('/api/alarm-rules/:id', { preHandler: app.requireUser, schema: { tags, params: idParams } }, async (req, reply) => {
    return (await rules.get(req.params.id, req.user!.scope)) ?? reply.code(404).send(notFound);
  });

  app.get('/api/alarm-rules/:id/versions', { preHandler: app.requireUser, schema: { tags, summary: '规则的全部版本（新在前）', params: idParams } }, async (req, reply) => {
    const versions = await rules.versions(req.params.id, req.user!.scope);
    return versions ? { items: versions } : reply.code(404).send(notFound);
  });

  app.post('/api/alarm-rules', { ...write, schema: { tags, summary: '新建报警规则', body: ruleBody } }, async (req, reply) => {
    try {
      return reply.code(201).send(await rules.create(req.body, req.user!.scope, req.user!.username));
    } catch (err) {
      return badInput(reply, err);
    }
  });

  app.put('/api/alarm-rules/:id', { ...write, schema: { tags, summary: '修改报警规则（生成新版本）', params: idParams, body: ruleBody } }, async (req, reply) => {
    try {
      return (await rules.update(req.params.id, req.body, req.user!.scope, req.user!.username)) ?? reply.code(404).send(notFound);
    } catch (err) {
      return badInput(reply, err);
    }
  });

  for (const [action, enabled] of [['disable', false], ['enable', true]] as const) {
    app.post(`/api/alarm-rules/:id/${action}`, { ...write, schema: { tags, summary: enabled ? '启用报警规则' : '停用报警规则', params: idParams } }, async (req, reply) => {
      return (await rules.setEnabled(req.params.id, enabled, req.user!.scope, req.user!.username)) ?? reply.code(404).send(notFound);
    });
  }
};
