import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../platform/db/database.ts';
import { regionInScope, type Scope } from '../../platform/auth/scope.ts';
import { ScopedRecords } from '../scoped-records.ts';
import { toSubscription } from '../../alerts/notifications/notifier.ts';
import type { WebhookTargetPolicy } from '../../alerts/notifications/webhook-target.ts';

const severities = ['critical', 'major', 'minor', 'warning'] as const;
const actions = ['raised', 'escalated', 'acknowledged', 'cleared', 'disposed', 'closed', 'reviewed'] as const;

const subscriptionBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    channel: z.enum(['webhook', 'sms']),
    target: z.string().trim().min(1).max(500),
    severities: z.array(z.enum(severities)).min(1).default([...severities]),
    actions: z.array(z.enum(actions)).min(1).default(['raised', 'escalated']),
    regionCode: z.string().regex(/^\d{6}$/, '六位行政区划代码').nullable().default(null),
    enterpriseId: z.number().int().positive().nullable().default(null),
    enabled: z.boolean().default(true),
  })
  .refine((s) => s.channel !== 'webhook' || /^https?:\/\//.test(s.target), { path: ['target'], message: '请填写 http(s) 地址' })
  .refine((s) => s.channel !== 'sms' || /^1\d{10}$/.test(s.target), { path: ['target'], message: '请填写 11 位手机号码' });

type SubscriptionBody = z.infer<typeof subscriptionBody>;
const idParams = z.object({ id: z.coerce.number().int().positive() });

/** Notification subscriptions (which severities and regions go to which webhook or phone) and the outbox state. */
export const alarmNotificationRoutes: FastifyPluginAsyncZod<{ db: Database; webhookTargets: WebhookTargetPolicy }> = async (app, { db, webhookTargets }) => {
  app.addHook('preHandler', app.requireRole(['admin', 'official']));

  const records = new ScopedRecords(db);
  const visible = (scope: Scope, params: unknown[]) => records.where(scope, 'subscriptions', params);

  /** A subscription may only cover what its author sees: a region inside the scope or an enterprise in it. */
  const outOfScope = async (scope: Scope, s: SubscriptionBody): Promise<boolean> => {
    if (scope.kind === 'all') return false;
    if (s.enterpriseId !== null) return !(await records.visible(scope, 'enterprises', s.enterpriseId));
    return s.regionCode === null || !regionInScope(scope, s.regionCode);
  };

  /** The 400 answer for a webhook to a local or private address (or an unresolvable name), else null. */
  const targetRefused = async (s: SubscriptionBody) => {
    const message = s.channel === 'webhook' ? await webhookTargets.refusal(s.target) : null;
    return message && { error: 'validation_failed', message: '输入数据校验未通过', fields: [{ path: 'target', message }] };
  };

  app.get('/api/alarm-subscriptions', { schema: { tags: ['alarms'], summary: '报警通知订阅' } }, async (req) => {
    const params: unknown[] = [];
    const rows = await db.query<Parameters<typeof toSubscription>[0]>(`select * from notification_subscriptions where ${visible(req.user!.scope, params)} order by id`, params);
    return { items: rows.map(toSubscription) };
  });

  app.post('/api/alarm-subscriptions', { schema: { tags: ['alarms'], summary: '新增报警通知订阅', body: subscriptionBody } }, async (req, reply) => {
    const s = req.body;
    if (await outOfScope(req.user!.scope, s)) return reply.code(403).send({ error: 'out_of_scope', message: '订阅范围超出本账号的管辖范围' });
    const refused = await targetRefused(s);
    if (refused) return reply.code(400).send(refused);
    const [row] = await db.query<Parameters<typeof toSubscription>[0]>(
      `insert into notification_subscriptions (name, channel, target, severities, actions, region_code, enterprise_id, enabled, created_by)
       values ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7, $8, $9) returning *`,
      [s.name, s.channel, s.target, JSON.stringify(s.severities), JSON.stringify(s.actions), s.regionCode, s.enterpriseId, s.enabled, req.user!.username],
    );
    return reply.code(201).send(toSubscription(row));
  });

  app.put('/api/alarm-subscriptions/:id', { schema: { tags: ['alarms'], params: idParams, body: subscriptionBody } }, async (req, reply) => {
    const s = req.body;
    if (await outOfScope(req.user!.scope, s)) return reply.code(403).send({ error: 'out_of_scope', message: '订阅范围超出本账号的管辖范围' });
    const refused = await targetRefused(s);
    if (refused) return reply.code(400).send(refused);
    const params: unknown[] = [req.params.id, s.name, s.channel, s.target, JSON.stringify(s.severities), JSON.stringify(s.actions), s.regionCode, s.enterpriseId, s.enabled];
    const [row] = await db.query<Parameters<typeof toSubscription>[0]>(
      `update notification_subscriptions set name = $2, channel = $3, target = $4, severities = $5::jsonb, actions = $6::jsonb, region_code = $7, enterprise_id = $8, enabled = $9
        where id = $1 and ${visible(req.user!.scope, params)} returning *`,
      params,
    );
    return row ? toSubscription(row) : reply.code(404).send({ error: 'not_found', message: '订阅不存在' });
  });

  app.delete('/api/alarm-subscriptions/:id', { schema: { tags: ['alarms'], params: idParams } }, async (req, reply) => {
    const params: unknown[] = [req.params.id];
    const rows = await db.query(`delete from notification_subscriptions where id = $1 and ${visible(req.user!.scope, params)} returning id`, params);
    return rows.length ? reply.code(204).send() : reply.code(404).send({ error: 'not_found', message: '订阅不存在' });
  });

  app.get(
    '/api/alarm-notifications',
    {
      schema: {
        tags: ['alarms'],
        summary: '通知发送记录（待发、重试中、已发、失败放弃），每条带 state',
        querystring: z.object({ status: z.enum(['pending', 'retrying', 'sent', 'failed']).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }),
      },
    },
    async (req) => {
      const params: unknown[] = [];
      const where = [records.where(req.user!.scope, 'alarms', params, 'a')];
      if (req.query.status) where.push({ pending: 'o.sent_at is null and o.failed_at is null', retrying: 'o.sent_at is null and o.failed_at is null and o.attempts > 0', sent: 'o.sent_at is not null', failed: 'o.failed_at is not null' }[req.query.status]);
      params.push(req.query.limit);
      const rows = await db.query<{ id: number; alarm_id: number; event_id: number; channel: string; target: string; attempts: number; last_error: string | null; sent_at: Date | null; failed_at: Date | null; next_attempt_at: Date }>(
        `select o.id, o.alarm_id, o.event_id, o.channel, o.target, o.attempts, o.last_error, o.sent_at, o.failed_at, o.next_attempt_at
           from notification_outbox o join alarms a on a.id = o.alarm_id where ${where.join(' and ')} order by o.id desc limit $${params.length}`,
        params,
      );
      const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
      return {
        items: rows.map((r) => ({
          id: r.id, alarmId: r.alarm_id, cursor: r.event_id, channel: r.channel, target: r.target, attempts: r.attempts, lastError: r.last_error,
          sentAt: iso(r.sent_at), failedAt: iso(r.failed_at), nextAttemptAt: iso(r.next_attempt_at),
          state: r.sent_at ? 'sent' : r.failed_at ? 'failed' : r.attempts > 0 ? 'retrying' : 'pending',
        })),
      };
    },
  );
};
