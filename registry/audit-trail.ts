import type { Queryable } from '../platform/db/database.ts';

export interface Actor {
  username: string;
  ip: string | null;
}

export type AuditAction = 'create' | 'update' | 'delete' | 'import' | 'move' | 'rotate_secret' | 'reset_password' | 'release_terminal';

/** Every action the operation log can hold, in Chinese; a new AuditAction does not compile without its label. */
export const auditActionLabels: Record<AuditAction, string> = {
  create: '新增',
  update: '修改',
  delete: '删除',
  import: '导入',
  move: '属地调整',
  rotate_secret: '重置网关密钥',
  reset_password: '重置密码',
  release_terminal: '解除终端绑定',
};

/** One row per registry write, with the record before and after, written in the caller's transaction. */
export async function recordAudit(
  tx: Queryable,
  entry: { actor: Actor; module: string; recordId: number | null; action: AuditAction; before?: unknown; after?: unknown; regionCode?: string | null; enterpriseId?: number | null },
): Promise<void> {
  await tx.query(
    `insert into audit_log (actor, ip, module, record_id, action, before, after, region_code, enterprise_id)
     values ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9)`,
    [
      entry.actor.username,
      entry.actor.ip,
      entry.module,
      entry.recordId,
      entry.action,
      entry.before === undefined ? null : JSON.stringify(entry.before),
      entry.after === undefined ? null : JSON.stringify(entry.after),
      entry.regionCode ?? null,
      entry.enterpriseId ?? null,
    ],
  );
}
