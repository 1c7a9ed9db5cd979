import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Accounts } from '../../platform/auth/accounts.ts';

export const authRoutes: FastifyPluginAsyncZod<{ accounts: Accounts }> = async (app, { accounts }) => {
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
        return reply.code(401).send(
          result.reason === 'locked'
            ? { error: 'locked', message: `账号已锁定，请于 ${result.lockedUntil?.toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai' })} 后重试` }
            : { error: 'bad_credentials', message: '用户名或密码错误' },
        );
      }
      const { user } = result;
      return { token: result.token, user: { username: user.username, displayName: user.displayName, role: user.role, mustChangePassword: user.mustChangePassword } };
    },
  );

  app.post('/api/auth/logout', { preHandler: app.requireUser, schema: { tags: ['auth'], summary: '退出登录' } }, async (req) => {
    await accounts.logout(req.headers.authorization!.slice(7));
    return { ok: true };
  });

  app.get('/api/auth/me', { preHandler: app.requireUser, schema: { tags: ['auth'], summary: '当前用户' } }, async (req) => {
    const u = req.user!;
    return { username: u.username, displayName: u.displayName, role: u.role, regionCode: u.regionCode, enterpriseId: u.enterpriseId };
  });
};
