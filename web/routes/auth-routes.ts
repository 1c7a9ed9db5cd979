import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Accounts } from '../../platform/auth/accounts.ts';
import type { Database } from '../../platform/db/database.ts';
import { passwordProblem } from '../../platform/auth/password-policy.ts';

export const authRoutes: FastifyPluginAsyncZod<{ accounts: Accounts; db: Database }> = async (app, { accounts, db }) => {
  app.post(
    '/api/auth/login',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: '登录，取得访问令牌',
        body: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(128) }),
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

  app.get('/api/auth/me', { preHandler: app.requireUser, schema: { tags: ['auth'], summary: '当前用户' } }, async (req) => {
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
        querystring: z.object({
          username: z.string().max(64).optional(),
          success: z.enum(['true', 'false']).optional(),
          from: z.coerce.date().optional(),
          to: z.coerce.date().optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(500).default(50),
        }),
      },
    },
    async (req) => {
      const q = req.query;
      const params: unknown[] = [];
      const where: string[] = ['true'];
      const add = (sql: string, v: unknown) => (params.push(v), where.push(sql.replace('?', `$${params.length}`)));
      if (q.username) add('username = ?', q.username);
      if (q.success) add('success = ?', q.success === 'true');
      if (q.from) add('at >= ?', q.from);
      if (q.to) add('at < ?', q.to);
      const cond = where.join(' and ');
      const [{ total }] = await db.query<{ total: number }>(`select count(*)::int as total from login_log where ${cond}`, params);
      const items = await db.query(`select * from login_log where ${cond} order by id desc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`, params);
      return { items, total };
    },
  );
};
