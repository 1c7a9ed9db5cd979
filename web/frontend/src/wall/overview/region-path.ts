// Region drill-down over the flat tree of GET /api/regions/tree: where the user stands and where they can go.

export interface RegionNode {
  code: string;
  parentCode: string | null;
  name: string;
  level: 'country' | 'province' | 'city' | 'county' | 'park' | 'enterprise';
  enterprises: number;
  vehicles: number;
  tanks: number;
  hasData: boolean;
}

/** From the user's root down to `code`; just the root when `code` is not in the tree (outside the user's scope). */
export function regionPath(nodes: readonly RegionNode[], root: string, code: string): RegionNode[] {
  const byCode = new Map(nodes.map((n) => [n.code, n]));
  const path: RegionNode[] = [];
  for (let n = byCode.get(code); n; n = n.parentCode === null || n.code === root ? undefined : byCode.get(n.parentCode)) {
    path.unshift(n);
    if (n.code === root) return path;
  }
  const top = byCode.get(root);
  return top ? [top] : [];
}

/** The regions one level below `code` that hold something (enterprises live below parks; the wall stops at parks). */
export const regionChildren = (nodes: readonly RegionNode[], code: string): RegionNode[] =>
  nodes.filter((n) => n.parentCode === code && n.level !== 'enterprise' && n.hasData);

/**
 * The `region` parameter of the API for a node. The user's own root (the API scopes to it anyway; an enterprise's or
 * park's root is no region code), the country root, or none chosen yet, means no narrowing.
 */
export const regionParam = (code: string, root: string): string | undefined => (code === '' || code === root || code === '000000' ? undefined : code);
