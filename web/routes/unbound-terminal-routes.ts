import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../platform/db/database.ts';

/** Terminals that tried to register without being in the vehicle registry, for an operator to bind (set the vehicle's terminal phone). */
export const unboundTerminalRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/unbound-terminals',
    { preHandler: app.requireRole(['admin', 'official', 'operator']), schema: { tags: ['vehicles'], summary: '未绑定车辆的终端（注册被拒）' } },
    async () => {
      const rows = await db.query<Record<string, unknown>>(
        `select u.phone, u.plate, u.terminal_id as "terminalId", u.maker_id as "makerId", u.model, u.attempts,
                u.first_seen_at as "firstSeenAt", u.last_seen_at as "lastSeenAt"
         from unbound_terminals u where not exists (select 1 from vehicles v where v.terminal_phone = u.phone)
         order by u.last_seen_at desc limit 500`,
      );
      return { items: rows, total: rows.length };
    },
  );
};
