import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../db/database.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { scopeOf, type Scope } from './scope.ts';

export const roles = ['admin', 'operator', 'official', 'enterprise_admin', 'enterprise_user', 'expert', 'driver'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  admin: '系统管理员',
  operator: '值班员',
  official: '监管人员',
  enterprise_admin: '企业管理员',
  enterprise_user: '企业用户',
  expert: '专家',
  driver: '驾驶员',
};

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string | null;
  enterpriseId: number | null;
  parkId: number | null;
  organizationId: number | null;
  /** Seeded default, reset by an administrator, or older than the maximum age. */
  mustChangePassword: boolean;
  scope: Scope;
}

/** Why a login failed, as the login log records it. */
export const loginFailureLabels = { bad_credentials: '用户名或密码错误', locked: '账号已锁定', disabled: '账号已停用' } as const;

export type LoginResult =
  | { ok: true; token: string; user: User }
  | { ok: false; reason: keyof typeof loginFailureLabels; lockedUntil?: Date };

const MAX_FAILURES = 5;
const LOCK_MINUTES = 15;

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  region_code: string | null;
  enterprise_id: number | null;
  park_id: number | null;
  park_region_code: string | null;
  organization_id: number | null;
  must_change_password: boolean;
  password_expired: boolean;
  password_hash: string;
  failed_logins: number;
  locked_until: Date | null;
  disabled: boolean;
}

const userSelect = (maxAgeParam: string) => `
  select u.*, p.region_code as park_region_code,
         u.password_changed_at < now() - make_interval(days => ${maxAgeParam}) as password_expired
  from users u left join organizations p on p.id = u.park_id`;

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Users, password checks with lock-out and expiry, and opaque bearer sessions (only their hash is stored). */
export class Accounts {
  constructor(
    private readonly db: Database,
    private readonly opts: { sessionTtlHours: number; passwordMaxAgeDays: number },
  ) {}

  private toUser(r: UserRow): User {
    const base = { role: r.role, regionCode: r.region_code, enterpriseId: r.enterprise_id, parkId: r.park_id, parkRegionCode: r.park_region_code };
    return {
      id: r.id,
      username: r.username,
      displayName: r.display_name,
      role: r.role,
      regionCode: r.region_code,
      enterpriseId: r.enterprise_id,
      parkId: r.park_id,
      organizationId: r.organization_id,
      mustChangePassword: r.must_change_password || r.password_expired,
      scope: scopeOf(base),
    };
  }

  async createUser(input: {
    username: string;
    displayName: string;
    password: string;
    role: Role;
    regionCode?: string | null;
    enterpriseId?: number | null;
    parkId?: number | null;
    organizationId?: number | null;
    phone?: string | null;
    mustChangePassword?: boolean;
    createdBy?: string;
  }): Promise<User> {
    const [{ id }] = await this.db.query<{ id: number }>(
      `insert into users (username, display_name, password_hash, role, region_code, enterprise_id, park_id, organization_id, phone, must_change_password, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id`,
      [
        input.username,
        input.displayName,
        await hashPassword(input.password),
        input.role,
        input.regionCode ?? null,
        input.enterpriseId ?? null,
        input.parkId ?? null,
        input.organizationId ?? null,
        input.phone ?? null,
        input.mustChangePassword ?? false,
        input.createdBy ?? null,
      ],
    );
    return (await this.findById(id))!;
  }

  async findById(id: number): Promise<User | null> {
    const [row] = await this.db.query<UserRow>(`${userSelect('$2')} where u.id = $1`, [id, this.opts.passwordMaxAgeDays]);
    return row ? this.toUser(row) : null;
  }

  async findByUsername(username: string): Promise<User | null> {
    const [row] = await this.db.query<UserRow>(`${userSelect('$2')} where u.username = $1`, [username, this.opts.passwordMaxAgeDays]);
    return row ? this.toUser(row) : null;
  }

  async login(username: string, password: string, ip: string): Promise<LoginResult> {
    const [row] = await this.db.query<UserRow>(`${userSelect('$2')} where u.username = $1`, [username, this.opts.passwordMaxAgeDays]);
    const now = new Date();
    if (row?.locked_until && row.locked_until > now) {
      await this.logLogin(username, false, 'locked', ip);
      return { ok: false, reason: 'locked', lockedUntil: row.locked_until };
    }
    // Verify against a dummy hash for unknown users so timing does not reveal which usernames exist.
    const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
    if (!row || !ok) {
      if (row) {
        const failures = row.failed_logins + 1;
        const lock = failures >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null;
        await this.db.query('update users set failed_logins = $2, locked_until = $3 where id = $1', [row.id, lock ? 0 : failures, lock]);
      }
      await this.logLogin(username, false, row ? 'bad_password' : 'unknown_user', ip);
      return { ok: false, reason: 'bad_credentials' };
    }
    if (row.disabled) {
      await this.logLogin(username, false, 'disabled', ip);
      return { ok: false, reason: 'disabled' };
    }
    await this.db.query('update users set failed_logins = 0, locked_until = null where id = $1', [row.id]);
    const token = randomBytes(32).toString('base64url');
    await this.db.query(`insert into sessions (token_hash, user_id, expires_at) values ($1, $2, now() + make_interval(secs => $3))`, [
      tokenHash(token),
      row.id,
      this.opts.sessionTtlHours * 3600,
    ]);
    await this.logLogin(username, true, null, ip);
    return { ok: true, token, user: this.toUser(row) };
  }

  async authenticateToken(token: string): Promise<User | null> {
    const [row] = await this.db.query<UserRow>(
      `${userSelect('$2')} join sessions s on s.user_id = u.id where s.token_hash = $1 and s.expires_at > now() and not u.disabled`,
      [tokenHash(token), this.opts.passwordMaxAgeDays],
    );
    return row ? this.toUser(row) : null;
  }

  async logout(token: string): Promise<void> {
    await this.db.query('delete from sessions where token_hash = $1', [tokenHash(token)]);
  }

  /** Checks the old password; the caller has validated the new one against the policy. Other sessions end. */
  async changePassword(userId: number, oldPassword: string, newPassword: string, keepToken: string): Promise<boolean> {
    const [row] = await this.db.query<{ password_hash: string }>('select password_hash from users where id = $1', [userId]);
    if (!row || !(await verifyPassword(oldPassword, row.password_hash))) return false;
    await this.setPassword(userId, newPassword, false);
    await this.db.query('delete from sessions where user_id = $1 and token_hash <> $2', [userId, tokenHash(keepToken)]);
    return true;
  }

  /** Sets a password; `mustChange` forces a change at next login (resets by an administrator). */
  async setPassword(userId: number, password: string, mustChange: boolean): Promise<void> {
    await this.db.query('update users set password_hash = $2, must_change_password = $3, password_changed_at = now() where id = $1', [
      userId,
      await hashPassword(password),
      mustChange,
    ]);
    if (mustChange) await this.db.query('delete from sessions where user_id = $1', [userId]);
  }

  private async logLogin(username: string, success: boolean, reason: string | null, ip: string) {
    await this.db.query('insert into login_log (username, success, reason, ip) values ($1, $2, $3, $4)', [username, success, reason, ip]);
  }
}

const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
