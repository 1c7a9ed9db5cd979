import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { RuleInputError, type RuleStore } from '../../alerts/rule-store.ts';
import { ruleKinds, ruleParamSchemas, type RuleKind } from '../../alerts/rules/rule-params.ts';
import { timeWindowSchema } from '../../registry/modules/geofences.ts';
import { ruleKindSpecs, scheduleModel } from '../../alerts/rules/rule-kinds.ts';
import { diffRuleVersions } from '../../alerts/rule-diff.ts';
import { severityLabel } from '../../alerts/alarm-labels.ts';

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

  const paramSpec = z.object({
    name: z.string(),
    label: z.string(),
    type: z.enum(['integer', 'number', 'bitList']),
    unit: z.string().nullable(),
    min: z.number().nullable(),
    max: z.number().nullable(),
    default: z.union([z.number(), z.array(z.number()), z.null()]),
    nullable: z.boolean(),
    help: z.string().nullable(),
    options: z.array(z.object({ value: z.number(), label: z.string() })).optional(),
  });
  const kindsAnswer = {
    items: ruleKindSpecs.map((k) => ({ ...k, defaultSeverityLabel: severityLabel[k.defaultSeverity], params: [...k.params] })),
    schedule: { ...scheduleModel, days: [...scheduleModel.days] },
  };
  app.get(
    '/api/alarm-rules/kinds',
    {
      preHandler: app.requireUser,
      schema: {
        tags,
        summary: '报警规则类型：各类型的参数（类型、单位、范围、中文名称、默认值）与生效时段模型，供表单生成',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                kind: z.enum(ruleKinds as [RuleKind, ...RuleKind[]]),
                label: z.string(),
                sourceKind: z.enum(['sensor', 'vehicle']),
                alarmTypes: z.array(z.string()),
                defaultSeverity: z.enum(['critical', 'major', 'minor', 'warning']),
                defaultSeverityLabel: z.string(),
                onWithoutRule: z.boolean(),
                params: z.array(paramSpec),
                note: z.string().nullable(),
              }),
            ),
            schedule: z.object({
              timeZone: z.string(),
              maxWindows: z.number().int(),
              days: z.array(z.object({ value: z.number().int(), label: z.string() })),
              timeFormat: z.string(),
              emptyMeans: z.string(),
              overnight: z.string(),
              clearsOutsideWindows: z.boolean(),
            }),
          }),
        },
      },
    },
    async () => kindsAnswer,
  );

  app.get(
    '/api/alarm-rules/:id/diff',
    {
      preHandler: app.requireUser,
      schema: {
        tags,
        summary: '规则两个版本之间的逐字段差异（默认：上一版本与最新版本）',
        params: idParams,
        querystring: z.object({ from: z.coerce.number().int().positive().optional(), to: z.coerce.number().int().positive().optional() }),
        response: {
          200: z.object({
            ruleId: z.number().int(),
            from: z.object({ version: z.number().int(), createdBy: z.string().nullable(), createdAt: z.string() }),
            to: z.object({ version: z.number().int(), createdBy: z.string().nullable(), createdAt: z.string() }),
            changes: z.array(z.object({ field: z.string(), label: z.string(), before: z.unknown(), after: z.unknown() })),
          }),
          404: z.object({ error: z.string(), message: z.string() }),
        },
      },
    },
    async (req, reply) => {
      const versions = await rules.versions(req.params.id, req.user!.scope);
      if (!versions) return reply.code(404).send(notFound);
      const toVersion = req.query.to ?? versions[0].version;
      const fromVersion = req.query.from ?? Math.max(1, toVersion - 1);
      const from = versions.find((v) => v.version === fromVersion);
      const to = versions.find((v) => v.version === toVersion);
      if (!from || !to) return reply.code(404).send({ error: 'not_found', message: '规则版本不存在' });
      const meta = (r: typeof from) => ({ version: r.version, createdBy: r.createdBy, createdAt: r.createdAt });
      return { ruleId: req.params.id, from: meta(from), to: meta(to), changes: diffRuleVersions(from, to) };
    },
  );

  app.get('/api/alarm-rules/:id', { preHandler: app.requireUser, schema: { tags, summary: '报警规则（最新版本）', params: idParams } }, async (req, reply) => {
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
