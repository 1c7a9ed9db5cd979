import { createHash, timingSafeEqual } from 'node:crypto';
import { generateSecret } from '../platform/auth/passwords.ts';

// Device secrets are platform-generated with ~115 bits of entropy, so a fast hash is safe and keeps
// thousands of gateways reconnecting at once cheap (unlike scrypt for human passwords).
export function hashDeviceSecret(secret: string): string {
  return `sha256$${createHash('sha256').update(secret).digest('base64url')}`;
}

export function verifyDeviceSecret(secret: string, stored: string): boolean {
  const a = Buffer.from(hashDeviceSecret(secret));
  const b = Buffer.from(stored);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const newDeviceSecret = () => generateSecret(20);
