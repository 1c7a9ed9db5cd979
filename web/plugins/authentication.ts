import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Accounts, Role, User } from '../../platform/auth/accounts.ts';

declare module 'fastify' {
  interface FastifyRequest {
    user: User | null;
  }
  interface FastifyInstance {
    requireUser: (req: FastifyRequest, reply: FastifyReply) => Promise<void>;
    requireRole: (roles: readonly Role[]) => (req: FastifyRequest, reply: FastifyReply) => Promise<void>;
  }
}

/** Resolves `Authorization: Bearer <token>` to a user; routes opt in with `preHandler: app.requireUser`. */
export const authentication = fp<{ accounts: Accounts }>(async (app, { accounts }) => {
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (req) => {
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ')) req.user = await accounts.authenticateToken(header.slice(7));
  });
  // A user who must change the password (seeded default, reset, or expired) may do nothing else first.
  const passwordChangeOnly = new Set(['/api/auth/change-password', '/api/auth/me', '/api/auth/logout']);
  const gate = (req: FastifyRequest, reply: FastifyReply) => {
    if (!req.user) return reply.code(401).send({ error: 'unauthorized', message: '请先登录' });
    if (req.user.mustChangePassword && !passwordChangeOnly.has(req.routeOptions.url ?? '')) {
      return reply.code(403).send({ error: 'password_change_required', message: '请先修改密码' });
    }
  };
  app.decorate('requireUser', async (req: FastifyRequest, reply: FastifyReply) => gate(req, reply));
  app.decorate('requireRole', (roles: readonly Role[]) => async (req: FastifyRequest, reply: FastifyReply) => {
    const refused = gate(req, reply);
    if (refused) return refused;
    if (!roles.includes(req.user!.role)) return reply.code(403).send({ error: 'forbidden', message: '无权执行此操作' });
  });
});
