import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import type { Database } from '../../platform/db/database.ts';
import { roles, type Accounts, type Role, type User } from '../../platform/auth/accounts.ts';
import { generateSecret } from '../../platform/auth/passwords.ts';
import { passwordProblem } from '../../platform/auth/password-policy.ts';
import { regionInScope } from '../../platform/auth/scope.ts';
import { ScopedRecords } from '../scoped-records.ts';
import { isUniqueViolation } from '../../platform/db/database.ts';
import { recordAudit } from '../../registry/audit-trail.ts';
import { isKnownRegion } from '../../registry/region-names.ts';
import { organizationKindLabels, type OrganizationKind } from '../../registry/organization-kinds.ts';
import { actionRoute, type RecordAction } from '../../registry/registry-module.ts';
import { actorOf } from './registry-routes.ts';

interface Organization {
  id: number;
  name: string;
  kind: 'ministry' | 'province' | 'city' | 'county' | 'park' | 'enterprise';
  region_code: string;
  parent_id: number | null;
  enterprise_id: number | null;
}

const enterpriseRoles: Role[] = ['enterprise_admin', 'enterprise_user', 'driver'];
const managerRoles: Role[] = ['admin', 'official', 'enterprise_admin'];

/** 重置密码, declared like a registry's record actions so the users page renders it generically. */
export const resetPasswordAction: RecordAction = {
  name: 'reset-password',
  label: '重置密码',
  method: 'POST',
  path: '/api/users/{id}/reset-password',
  roles: managerRoles,
  confirm: '重置后原密码立即失效，用户须使用新的临时密码登录并立即修改。确定重置吗？',
  reveal: { field: 'password', title: '新的临时密码', warning: '请立即保存，该密码只显示一次；请通过安全渠道告知用户，用户登录后须立即修改。' },
};
export const userActions: RecordAction[] = [resetPasswordAction];

/** Which roles a manager may hand out: administrators any, officials any but administrator, enterprise administrators their own staff. */
const grantable: Partial<Record<Role, Role[]>> = {
  admin: [...roles],
  official: roles.filter((r) => r !== 'admin'),
  enterprise_admin: enterpriseRoles,
};

/** Accounts and organisations, managed down the hierarchy: nobody manages anyone above or beside their own scope. */
export const userRoutes: FastifyPluginAsyncZod<{ db: Database; accounts: Accounts }> = async (app, { db, accounts }) => {
  const records = new ScopedRecords(db);
  const managers = app.requireRole(managerRoles);

  const orgInScope = (user: User, org: Organization) =>
    user.scope.kind === 'all' ||
    (org.enterprise_id !== null && user.scope.kind === 'enterprise' && org.enterprise_id === user.scope.enterpriseId) ||
    (user.scope.kind !== 'enterprise' && org.kind !== 'ministry' && regionInScope(user.scope, org.region_code) && (user.scope.kind !== 'park' || org.kind === 'enterprise'));

  /** The organisation a user would be placed in, if the caller may place them there with that role. */
  async function placement(user: User, organizationId: number, role: Role, reply: FastifyReply): Promise<Organization | null> {
    const [org] = await db.query<Organization>('select * from organizations where id = $1', [organizationId]);
    if (!org || !orgInScope(user, org)) {
      reply.code(403).send({ error: 'out_of_scope', message: '所选机构超出本账号的管辖范围' });
      return null;
    }
    if (!grantable[user.role]?.includes(role)) {
      reply.code(403).send({ error: 'forbidden', message: '无权授予该角色' });
      return null;
    }
    if (enterpriseRoles.includes(role) !== (org.kind === 'enterprise')) {
      reply.code(400).send({ error: 'validation_failed', message: '角色与机构类型不符', fields: [{ path: 'role', message: '企业角色只能属于企业，政府角色只能属于监管机构' }] });
      return null;
    }
    return org;
  }

  const placementColumns = (org: Organization) => ({
    region_code: org.kind === 'ministry' ? null : org.region_code,
    enterprise_id: org.enterprise_id,
    park_id: org.kind === 'park' ? org.id : null,
  });

  app.get('/api/organizations', { preHandler: app.requireUser, schema: { tags: ['users'], summary: '机构列表（本辖区）', querystring: z.object({ kind: z.enum(Object.keys(organizationKindLabels) as [OrganizationKind, ...OrganizationKind[]]).optional() }) } }, async (req) => {
    const orgs = (await db.query<Organization>('select * from organizations order by region_code, id')).filter((o) => !req.query.kind || o.kind === req.query.kind);
    return {
      items: orgs.filter((o) => orgInScope(req.user!, o)).map((o) => ({ id: o.id, name: o.name, kind: o.kind, regionCode: o.region_code, parentId: o.parent_id, enterpriseId: o.enterprise_id })),
    };
  });

  app.post(
    '/api/organizations',
    {
      preHandler: app.requireRole(['admin', 'official']),
      schema: {
        tags: ['users'],
        summary: '新增机构（省、市、县应急管理部门，园区）',
        body: z.object({ name: z.string().trim().min(2).max(100), kind: z.enum(['province', 'city', 'county', 'park']), regionCode: z.string().regex(/^\d{6}$/), parentId: z.number().int().positive().nullish() }),
      },
    },
    async (req, reply) => {
      const b = req.body;
      if (!isKnownRegion(b.regionCode)) return reply.code(400).send({ error: 'validation_failed', message: '行政区划代码不存在', fields: [{ path: 'regionCode', message: '行政区划代码不存在' }] });
      if (!regionInScope(req.user!.scope, b.regionCode)) return reply.code(403).send({ error: 'out_of_scope', message: '超出本账号的管辖范围' });
      const [org] = await db.query<{ id: number }>('insert into organizations (name, kind, region_code, parent_id) values ($1, $2, $3, $4) returning id', [b.name, b.kind, b.regionCode, b.parentId ?? null]);
      return reply.code(201).send({ id: org.id, ...b });
    },
  );

  const userBody = z.object({
    displayName: z.string().trim().min(2).max(50),
    role: z.enum(roles),
    organizationId: z.number().int().positive(),
    phone: z.string().regex(/^[0-9+\-() ]{5,20}$/, '电话号码格式不正确').nullish(),
  });

  app.get('/api/users', { preHandler: managers, schema: { tags: ['users'], summary: '用户列表（本辖区）', querystring: z.object({ q: z.string().max(64).optional() }) } }, async (req) => {
    const params: unknown[] = [];
    const where = [records.where(req.user!.scope, 'users', params, 'u')];
    if (req.user!.scope.kind !== 'all') where.push("u.role <> 'admin'");
    if (req.query.q) {
      params.push(`%${req.query.q}%`);
      where.push(`(u.username ilike $${params.length} or u.display_name ilike $${params.length})`);
    }
    const items = await db.query(
      `select u.id, u.username, u.display_name as "displayName", u.role, u.organization_id as "organizationId", o.name as "organizationName",
              u.region_code as "regionCode", u.enterprise_id as "enterpriseId", u.phone, u.disabled, u.must_change_password as "mustChangePassword",
              (select max(at) from login_log l where l.username = u.username and l.success) as "lastLoginAt"
         from users u left join organizations o on o.id = u.organization_id where ${where.join(' and ')} order by u.id`,
      params,
    );
    return { items, total: items.length };
  });

  app.post(
    '/api/users',
    {
      preHandler: managers,
      schema: { tags: ['users'], summary: '新增用户（未填密码时生成初始密码，首次登录须修改）', body: userBody.extend({ username: z.string().regex(/^[A-Za-z0-9_.-]{3,32}$/, '用户名为3-32位字母、数字、_ . -'), password: z.string().max(128).optional() }) },
    },
    async (req, reply) => {
      const b = req.body;
      const org = await placement(req.user!, b.organizationId, b.role, reply);
      if (!org) return reply;
      const password = b.password || generateSecret(12);
      const problem = b.password ? passwordProblem(b.password, b.username) : null;
      if (problem) return reply.code(400).send({ error: 'validation_failed', message: problem, fields: [{ path: 'password', message: problem }] });
      try {
        const p = placementColumns(org);
        const user = await accounts.createUser({
          username: b.username,
          displayName: b.displayName,
          password,
          role: b.role,
          regionCode: p.region_code,
          enterpriseId: p.enterprise_id,
          parkId: p.park_id,
          organizationId: org.id,
          phone: b.phone,
          mustChangePassword: true,
          createdBy: req.user!.username,
        });
        await recordAudit(db, { actor: actorOf(req), module: 'users', recordId: user.id, action: 'create', after: { username: user.username, role: user.role, organizationId: org.id }, enterpriseId: p.enterprise_id, regionCode: p.region_code });
        return reply.code(201).send({ id: user.id, username: user.username, ...(b.password ? {} : { password }) });
      } catch (err) {
        if (isUniqueViolation(err)) return reply.code(409).send({ error: 'duplicate', field: 'username', message: '用户名已存在' });
        throw err;
      }
    },
  );

  /** The target user, if visible to the caller. */
  async function managedUser(caller: User, id: number) {
    const params: unknown[] = [id];
    const [row] = await db.query<{ id: number; username: string; role: Role }>(
      `select u.id, u.username, u.role from users u where u.id = $1 and ${records.where(caller.scope, 'users', params, 'u')}
         and (u.role <> 'admin' or $${params.length + 1}::boolean)`,
      [...params, caller.scope.kind === 'all'],
    );
    return row && grantable[caller.role]?.includes(row.role) ? row : null;
  }

  app.put('/api/users/:id', { preHandler: managers, schema: { tags: ['users'], summary: '修改用户', params: z.object({ id: z.coerce.number().int().positive() }), body: userBody.extend({ disabled: z.boolean().default(false) }) } }, async (req, reply) => {
    const target = await managedUser(req.user!, req.params.id);
    if (!target) return reply.code(404).send({ error: 'not_found', message: '用户不存在' });
    const org = await placement(req.user!, req.body.organizationId, req.body.role, reply);
    if (!org) return reply;
    const p = placementColumns(org);
    await db.query(
      `update users set display_name = $2, role = $3, organization_id = $4, phone = $5, disabled = $6, region_code = $7, enterprise_id = $8, park_id = $9 where id = $1`,
      [target.id, req.body.displayName, req.body.role, org.id, req.body.phone ?? null, req.body.disabled, p.region_code, p.enterprise_id, p.park_id],
    );
    if (req.body.disabled) await db.query('delete from sessions where user_id = $1', [target.id]);
    await recordAudit(db, { actor: actorOf(req), module: 'users', recordId: target.id, action: 'update', after: { ...req.body }, enterpriseId: p.enterprise_id, regionCode: p.region_code });
    return { ok: true };
  });

  app.post(
    actionRoute(resetPasswordAction),
    { preHandler: managers, config: { rateLimit: { max: 20, timeWindow: '1 minute' } }, schema: { tags: ['users'], summary: '重置密码（新密码只显示一次，首次登录须修改）', params: z.object({ id: z.coerce.number().int().positive() }) } },
    async (req, reply) => {
      const target = await managedUser(req.user!, req.params.id);
      if (!target) return reply.code(404).send({ error: 'not_found', message: '用户不存在' });
      const password = generateSecret(12);
      await accounts.setPassword(target.id, password, true);
      await recordAudit(db, { actor: actorOf(req), module: 'users', recordId: target.id, action: 'reset_password' });
      return { password };
    },
  );
};
