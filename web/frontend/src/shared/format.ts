// Every date, time and number the pages show: always on the Asia/Shanghai clock, whatever zone the PC is set to.

const ZONE = 'Asia/Shanghai';
type Input = Date | string | number | null | undefined;

const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function toDate(value: Input): Date | null {
  if (value === null || value === undefined || value === '') return null;
  // A bare YYYY-MM-DD is a calendar date (the API's `date` columns), not UTC midnight.
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00+08:00`);
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

function fields(d: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string> {
  const out: Record<string, string> = {};
  for (const p of parts.formatToParts(d)) out[p.type] = p.value;
  return out as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string>;
}

/** 2026-12-07 20:05:09 */
export function fmtDateTime(value: Input, empty = '—'): string {
  const d = toDate(value);
  if (!d) return empty;
  const f = fields(d);
  return `${f.year}-${f.month}-${f.day} ${f.hour}:${f.minute}:${f.second}`;
}

/** 2026-12-07 */
export function fmtDate(value: Input, empty = '—'): string {
  const d = toDate(value);
  if (!d) return empty;
  const f = fields(d);
  return `${f.year}-${f.month}-${f.day}`;
}

/** 20:05:09 */
export function fmtTime(value: Input, empty = '—'): string {
  const d = toDate(value);
  if (!d) return empty;
  const f = fields(d);
  return `${f.hour}:${f.minute}:${f.second}`;
}

/** 12-07 20:05, for dense lists. */
export function fmtShortDateTime(value: Input, empty = '—'): string {
  const d = toDate(value);
  if (!d) return empty;
  const f = fields(d);
  return `${f.month}-${f.day} ${f.hour}:${f.minute}`;
}

/** The Shanghai calendar date of an instant as YYYY-MM-DD, for date pickers and day filters. */
export const shanghaiDay = (value: Input): string => fmtDate(value, '');

/** The instant of 00:00 Asia/Shanghai on a YYYY-MM-DD date. */
export const startOfShanghaiDay = (day: string): Date => new Date(`${day}T00:00:00+08:00`);

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
/** 星期一, on the Shanghai calendar. */
export function fmtWeekday(value: Input): string {
  const day = shanghaiDay(value);
  return day ? WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()] : '';
}

/** A number with at most `digits` decimals and Chinese grouping; '—' when absent. */
export function fmtNumber(value: number | null | undefined, digits = 2, empty = '—'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return empty;
  return value.toLocaleString('zh-CN', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/** 0.934 → 93.4% */
export function fmtPercent(ratio: number | null | undefined, digits = 1, empty = '—'): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return empty;
  return `${(ratio * 100).toFixed(digits)}%`;
}

/** A duration in seconds as 2小时5分, 3分12秒 or 45秒. */
export function fmtDuration(seconds: number | null | undefined, empty = '—'): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return empty;
  const s = Math.round(seconds);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return `${d}天${h}小时`;
  if (h > 0) return `${h}小时${m}分`;
  if (m > 0) return `${m}分${s % 60}秒`;
  return `${s}秒`;
}

/** How long ago, against `now` (the caller's clock): 刚刚, 5分钟前, 3小时前, else the date and time. */
export function fmtAgo(value: Input, now: Date = new Date()): string {
  const d = toDate(value);
  if (!d) return '—';
  const s = Math.round((now.getTime() - d.getTime()) / 1000);
  if (s < 0) return fmtShortDateTime(d);
  if (s < 60) return '刚刚';
  if (s < 3600) return `${Math.floor(s / 60)}分钟前`;
  if (s < 86400) return `${Math.floor(s / 3600)}小时前`;
  return fmtShortDateTime(d);
}

const UNITS: Record<string, string> = { C: '℃', degC: '℃', '°C': '℃', celsius: '℃', pct: '%', percent: '%', LEL: '%LEL', '%lel': '%LEL', vol: '%VOL', '%vol': '%VOL', kmh: 'km/h' };
/** The display form of a measurement unit. */
export const fmtUnit = (unit: string | null | undefined): string => (unit ? (UNITS[unit] ?? unit) : '');

/** A live measurement with a fixed number of decimals (15.80), so the digits on a wall do not jump; '--' when absent. */
export function fmtFixed(value: number | null | undefined, digits: number, empty = '--'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return empty;
  return value.toFixed(digits);
}
