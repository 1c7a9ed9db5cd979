import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Accounts } from '../../platform/auth/accounts.ts';
import type { Database } from '../../platform/db/database.ts';
import { passwordProblem } from '../../platform/auth/password-policy.ts';
import { Conditions, logPage, pagingQuery } from './log-query.ts';

const sessionUser = z.object({ username: z.string(), displayName: z.string().nullable(), role: z.string(), mustChangePassword: z.boolean() });
const loginAnswer = z.object({ token: z.string(), user: sessionUser });
const problem = z.object({ error: z.string(), message: z.string() });
const currentUser = sessionUser.extend({
  regionCode: z.string().nullable(),
  enterpriseId: z.number().nullable(),
  organization: z.object({ id: z.number(), name: z.string(), kind: z.string() }).nullable(),
});

export const authRoutes: FastifyPluginAsyncZod<{ accounts: Accounts; db: Database }> = async (app, { accounts, db }) => {
  app.post(
    '/api/auth/login',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: '登录，取得访问令牌',
        body: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(128) }),
        response: { 200: loginAnswer, 401: problem },
      },
    },
    async (req, reply) => {
      const result = await accounts.login(req.body.username, req.body.password, req.ip);
      if (!result.ok) {
        const message =
          result.reason === 'locked'
            ? `账号已锁定，请于 ${result.lockedUntil?.toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai' })} 后重试`
            : result.reason === 'disabled'
              ? '账号已停用，请联系管理员'
              : '用户名或密码错误';
        return reply.code(401).send({ error: result.reason, message });
      }
      const { user } = result;
      return { token: result.token, user: { username: user.username, displayName: user.displayName, role: user.role, mustChangePassword: user.mustChangePassword } };
    },
  );

  app.post(
    '/api/auth/change-password',
    {
      preHandler: app.requireUser,
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], summary: '修改密码', body: z.object({ oldPassword: z.string().min(1).max(128), newPassword: z.string().min(1).max(128) }) },
    },
    async (req, reply) => {
      const user = req.user!;
      const problem = passwordProblem(req.body.newPassword, user.username);
      if (problem) return reply.code(400).send({ error: 'validation_failed', message: problem, fields: [{ path: 'newPassword', message: problem }] });
      if (req.body.newPassword === req.body.oldPassword) {
        return reply.code(400).send({ error: 'validation_failed', message: '新密码不能与原密码相同', fields: [{ path: 'newPassword', message: '新密码不能与原密码相同' }] });
      }
      const ok = await accounts.changePassword(user.id, req.body.oldPassword, req.body.newPassword, req.headers.authorization!.slice(7));
      if (!ok) return reply.code(400).send({ error: 'validation_failed', message: '原密码错误', fields: [{ path: 'oldPassword', message: '原密码错误' }] });
      return { ok: true };
    },
  );

  app.post('/api/auth/logout', { preHandler: app.requireUser, schema: { tags: ['auth'], summary: '退出登录' } }, async (req) => {
    await accounts.logout(req.headers.authorization!.slice(7));
    return { ok: true };
  });

  app.get('/api/auth/me', { preHandler: app.requireUser, schema: { tags: ['auth'], summary: '当前用户', response: { 200: currentUser } } }, async (req) => {
    const u = req.user!;
    const [organization] = u.organizationId
      ? await db.query<{ id: number; name: string; kind: string }>('select id, name, kind from organizations where id = $1', [u.organizationId])
      : [];
    return {
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      regionCode: u.regionCode,
      enterpriseId: u.enterpriseId,
      mustChangePassword: u.mustChangePassword,
      organization: organization ?? null,
    };
  });

  app.get(
    '/api/auth/login-log',
    {
      preHandler: app.requireRole(['admin']),
      schema: {
        tags: ['auth'],
        summary: '登录日志（系统管理员）',
        querystring: pagingQuery.extend({
          username: z.string().max(64).optional(),
          success: z.enum(['true', 'false']).optional(),
          from: z.coerce.date().optional(),
          to: z.coerce.date().optional(),
        }),
      },
    },
    async (req) => {
      const q = req.query;
      const where = new Conditions()
        .add('username = ?', q.username)
        .add('success = ?', q.success && q.success === 'true')
        .add('at >= ?', q.from)
        .add('at < ?', q.to);
      return logPage(db, 'login_log', '*', where, q);
    },
  );
};
