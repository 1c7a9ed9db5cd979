import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Alarm, AlarmChange, AlarmStore, StepRefusal } from '../../alerts/alarm-store.ts';
import type { Database } from '../../platform/db/database.ts';
import { ScopedRecords } from '../scoped-records.ts';
import { alarmTypeLabel } from '../../alerts/alarm-labels.ts';

/** What the acknowledging operator asked to be sent on: a TTS text to an SOS terminal, or none. */
export interface AcknowledgementOptions {
  ttsText: string | null;
}

export const DEFAULT_SOS_TTS_TEXT = '已收到报警，正在处置';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const note = z.string().trim().max(500).optional();

export const alarmRoutes: FastifyPluginAsyncZod<{
  alarms: AlarmStore;
  db: Database;
  publish: (change: AlarmChange) => void;
  onAcknowledged?: (alarm: Alarm, options: AcknowledgementOptions) => void;
}> = async (app, { alarms, db, publish, onAcknowledged }) => {
  const records = new ScopedRecords(db);
  app.addHook('preHandler', app.requireUser);

  const answer = (reply: FastifyReply, result: AlarmChange | StepRefusal) => {
    if ('refused' in result) {
      return result.refused === 'not_found'
        ? reply.code(404).send({ error: 'not_found', message: '报警不存在' })
        : reply.code(409).send({ error: result.code, message: result.message });
    }
    publish(result);
    return { alarm: result.alarm, cursor: result.cursor };
  };

  app.get(
    '/api/alarms',
    {
      schema: {
        tags: ['alarms'],
        summary: '报警列表（open：未消除或未确认）',
        querystring: z.object({
          state: z.enum(['open', 'all']).default('open'),
          limit: z.coerce.number().int().min(1).max(500).default(100),
          offset: z.coerce.number().int().min(0).default(0),
        }),
      },
    },
    async (req) => alarms.list(req.user!.scope, req.query),
  );

  app.get(
    '/api/alarms/changes',
    {
      schema: {
        tags: ['alarms'],
        summary: '断线重连后补取报警变更：since 为上次收到的 cursor（alarm 事件中的 cursor），返回其后变化的每条报警的当前状态',
        querystring: z.object({ since: z.coerce.number().int().min(0), limit: z.coerce.number().int().min(1).max(1000).default(500) }),
      },
    },
    async (req) => alarms.changes(req.user!.scope, req.query.since, req.query.limit),
  );

  app.get('/api/alarms/types', { schema: { tags: ['alarms'], summary: '报警类型的中文名称（type → 名称）' } }, async () => ({ labels: alarmTypeLabel }));

  app.get('/api/alarms/:id', { schema: { tags: ['alarms'], params: idParams } }, async (req, reply) => {
    const alarm = await alarms.get(req.params.id, req.user!.scope);
    return alarm ?? reply.code(404).send({ error: 'not_found', message: '报警不存在' });
  });

  app.get('/api/alarms/:id/events', { schema: { tags: ['alarms'], summary: '报警处置记录（谁、何时、做了什么）', params: idParams } }, async (req, reply) => {
    if (!(await records.visible(req.user!.scope, 'alarms', req.params.id))) return reply.code(404).send({ error: 'not_found', message: '报警不存在' });
    const rows = await db.query<{ id: number; action: string; actor: string | null; at: Date; details: object }>(
      `select id, action, actor, at, details from alarm_events where alarm_id = $1 and action not in ('repeated', 'updated') order by id`,
      [req.params.id],
    );
    return { items: rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() })) };
  });

  app.post(
    '/api/alarms/:id/ack',
    {
      schema: {
        tags: ['alarms'],
        summary: '确认报警（SOS 报警同时下发 0x8203；tts 为 true 或文本时再下发语音播报 0x8300）',
        params: idParams,
        body: z.object({ tts: z.union([z.boolean(), z.string().trim().min(1).max(300)]).default(false) }).nullish(),
      },
    },
    async (req, reply) => {
      const result = await alarms.acknowledge(req.params.id, req.user!.scope, req.user!.username);
      if (result === 'not_found') return reply.code(404).send({ error: 'not_found', message: '报警不存在' });
      if (result === 'already') return reply.code(409).send({ error: 'already_acknowledged', message: '该报警已确认' });
      publish(result);
      const tts = req.body?.tts ?? false;
      onAcknowledged?.(result.alarm, { ttsText: tts === true ? DEFAULT_SOS_TTS_TEXT : tts === false ? null : tts });
      return { alarm: result.alarm, cursor: result.cursor };
    },
  );

  app.post(
    '/api/alarms/:id/clear',
    { schema: { tags: ['alarms'], summary: '人工消除报警（条件消失时系统也会自动消除）', params: idParams, body: z.object({ note }).nullish() } },
    async (req, reply) => answer(reply, await alarms.clear(req.params.id, req.user!.scope, req.user!.username, req.body?.note ?? null)),
  );

  app.post(
    '/api/alarms/:id/dispose',
    {
      schema: {
        tags: ['alarms'],
        summary: '处置反馈：原因、采取的措施、附件',
        params: idParams,
        body: z.object({
          cause: z.string().trim().min(1, '请填写报警原因').max(1000),
          measures: z.string().trim().min(1, '请填写处置措施').max(2000),
          attachments: z.array(z.string().trim().min(1).max(500)).max(20).default([]),
        }),
      },
    },
    async (req, reply) => answer(reply, await alarms.dispose(req.params.id, req.user!.scope, req.user!.username, req.body)),
  );

  app.post(
    '/api/alarms/:id/close',
    { schema: { tags: ['alarms'], summary: '消警（须先处置反馈；仍在报警的同时消除）', params: idParams, body: z.object({ note }).nullish() } },
    async (req, reply) => answer(reply, await alarms.close(req.params.id, req.user!.scope, req.user!.username, req.body?.note ?? null)),
  );

  app.post(
    '/api/alarms/:id/review',
    {
      preHandler: app.requireRole(['admin', 'official']),
      schema: {
        tags: ['alarms'],
        summary: '监管部门核查（消警之后）',
        params: idParams,
        body: z.object({ result: z.enum(['passed', 'rejected']), comment: z.string().trim().max(1000).default('') }),
      },
    },
    async (req, reply) => answer(reply, await alarms.review(req.params.id, req.user!.scope, req.user!.username, req.body)),
  );
};
