/** Canonical terminal key: BCD digits without leading zeros ('0' if all zeros). */
export function normalizePhone(phone: string): string {
  const s = phone.replace(/^0+/, '');
  return s === '' ? '0' : s;
}
