import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../db/database.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { scopeOf, type Scope } from './scope.ts';

export type Role = 'admin' | 'operator' | 'official' | 'enterprise_admin' | 'enterprise_user' | 'expert' | 'driver';

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string | null;
  enterpriseId: number | null;
  mustChangePassword: boolean;
  scope: Scope;
}

export type LoginResult =
  | { ok: true; token: string; user: User }
  | { ok: false; reason: 'bad_credentials' | 'locked'; lockedUntil?: Date };

const MAX_FAILURES = 5;
const LOCK_MINUTES = 15;

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  region_code: string | null;
  enterprise_id: number | null;
  must_change_password: boolean;
  password_hash: string;
  failed_logins: number;
  locked_until: Date | null;
}

const toUser = (r: UserRow): User => {
  const base = { role: r.role, regionCode: r.region_code, enterpriseId: r.enterprise_id };
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    ...base,
    mustChangePassword: r.must_change_password,
    scope: scopeOf(base),
  };
};

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Users, password checks with lock-out, and opaque bearer sessions (only their hash is stored). */
export class Accounts {
  constructor(
    private readonly db: Database,
    private readonly sessionTtlHours: number,
  ) {}

  async createUser(input: {
    username: string;
    displayName: string;
    password: string;
    role: Role;
    regionCode?: string | null;
    enterpriseId?: number | null;
    mustChangePassword?: boolean;
  }): Promise<User> {
    const [row] = await this.db.query<UserRow>(
      `insert into users (username, display_name, password_hash, role, region_code, enterprise_id, must_change_password)
       values ($1, $2, $3, $4, $5, $6, $7) returning *`,
      [input.username, input.displayName, await hashPassword(input.password), input.role, input.regionCode ?? null, input.enterpriseId ?? null, input.mustChangePassword ?? false],
    );
    return toUser(row);
  }

  async findByUsername(username: string): Promise<User | null> {
    const [row] = await this.db.query<UserRow>('select * from users where username = $1', [username]);
    return row ? toUser(row) : null;
  }

  async login(username: string, password: string, ip: string): Promise<LoginResult> {
    const [row] = await this.db.query<UserRow>('select * from users where username = $1', [username]);
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
    await this.db.query('update users set failed_logins = 0, locked_until = null where id = $1', [row.id]);
    const token = randomBytes(32).toString('base64url');
    await this.db.query(`insert into sessions (token_hash, user_id, expires_at) values ($1, $2, now() + make_interval(secs => $3))`, [
      tokenHash(token),
      row.id,
      this.sessionTtlHours * 3600,
    ]);
    await this.logLogin(username, true, null, ip);
    return { ok: true, token, user: toUser(row) };
  }

  async authenticateToken(token: string): Promise<User | null> {
    const [row] = await this.db.query<UserRow>(
      `select u.* from sessions s join users u on u.id = s.user_id where s.token_hash = $1 and s.expires_at > now()`,
      [tokenHash(token)],
    );
    return row ? toUser(row) : null;
  }

  async logout(token: string): Promise<void> {
    await this.db.query('delete from sessions where token_hash = $1', [tokenHash(token)]);
  }

  private async logLogin(username: string, success: boolean, reason: string | null, ip: string) {
    await this.db.query('insert into login_log (username, success, reason, ip) values ($1, $2, $3, $4)', [username, success, reason, ip]);
  }
}

const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
