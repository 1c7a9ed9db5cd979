export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  maxAttempts: number;
}

export const defaultBackoff: BackoffOptions = { baseMs: 10_000, maxMs: 60 * 60_000, maxAttempts: 10 };

/** When to try again after `attempts` failed attempts (exponential, capped); null once the attempts are used up. */
export function nextAttemptAt(attempts: number, failedAt: Date, opts: BackoffOptions = defaultBackoff): Date | null {
  if (attempts >= opts.maxAttempts) return null;
  const delay = Math.min(opts.maxMs, opts.baseMs * 2 ** Math.max(0, attempts - 1));
  return new Date(failedAt.getTime() + delay);
}
