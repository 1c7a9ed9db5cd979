export const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Number or null; accepts numeric strings (SQL numeric columns arrive as strings). */
export function toNum(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}
