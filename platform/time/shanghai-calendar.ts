/** China keeps UTC+8 all year, with no daylight saving: the calendar every user of the platform lives by. */
const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** Asia/Shanghai weekday (1 = Monday … 7 = Sunday), minute of the day and calendar date (YYYY-MM-DD). */
export function shanghaiClock(at: number): { day: number; minute: number; date: string } {
  const local = new Date(at + SHANGHAI_OFFSET_MS);
  return { day: local.getUTCDay() || 7, minute: local.getUTCHours() * 60 + local.getUTCMinutes(), date: local.toISOString().slice(0, 10) };
}

/** The Asia/Shanghai calendar date (YYYY-MM-DD) of `at`, moved by `days` whole days. */
export function shanghaiDate(at: Date | number, days = 0): string {
  return new Date(+at + SHANGHAI_OFFSET_MS + days * DAY_MS).toISOString().slice(0, 10);
}

/** Asia/Shanghai wall time of `at` as `YYYY-MM-DD HH:mm:ss`, as officials read it in exports. */
export function shanghaiDateTime(at: Date | number): string {
  return new Date(+at + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** Whole calendar days from date `from` to date `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}
