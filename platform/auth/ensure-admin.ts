import type { Accounts } from './accounts.ts';
import { generateSecret } from './passwords.ts';

/** Creates the `admin` account on first start; returns the password only when this call generated it. */
export async function ensureAdmin(accounts: Accounts, configured: string | undefined): Promise<{ created: boolean; generatedPassword?: string }> {
  if (await accounts.findByUsername('admin')) return { created: false };
  const password = configured ?? generateSecret(16);
  await accounts.createUser({ username: 'admin', displayName: '系统管理员', password, role: 'admin', regionCode: null });
  return configured ? { created: true } : { created: true, generatedPassword: password };
}
