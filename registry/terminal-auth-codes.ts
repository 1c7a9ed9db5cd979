import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// Auth codes are platform-generated with 64 random bits, so a fast hash is enough (as for device secrets) and keeps
// thousands of terminals reconnecting at once cheap. Migration 009 hashes older plaintext codes in this format.
export function hashAuthCode(code: string): string {
  return `sha256$${createHash('sha256').update(code, 'utf8').digest('base64url')}`;
}

export function verifyAuthCode(code: string, stored: string | null): boolean {
  if (!stored || code === '') return false;
  const a = Buffer.from(hashAuthCode(code));
  const b = Buffer.from(stored);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** 16 upper-case hex digits: fits every edition's 0x8100 and the 2019 length BYTE, and any terminal's code store. */
export const newAuthCode = () => randomBytes(8).toString('hex').toUpperCase();
