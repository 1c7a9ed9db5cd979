import { describe, expect, it } from 'vitest';
import { regionChildren, regionParam, regionPath, type RegionNode } from '../../../web/frontend/src/wall/overview/region-path.ts';

const node = (code: string, parentCode: string | null, level: RegionNode['level'], hasData = true): RegionNode => ({ code, parentCode, name: code, level, enterprises: hasData ? 1 : 0, vehicles: 0, tanks: 0, hasData });
const tree = [
  node('210000', null, 'province'),
  node('211300', '210000', 'city'),
  node('211321', '211300', 'county'),
  node('211322', '211300', 'county', false),
  node('park:7', '211321', 'park'),
  node('enterprise:3', 'park:7', 'enterprise'),
];

describe('region drill-down', () => {
  it('walks from the user root down to the selected region', () => {
    expect(regionPath(tree, '210000', 'park:7').map((n) => n.code)).toEqual(['210000', '211300', '211321', 'park:7']);
  });

  it('stops at a county user\'s own root: there is nothing above it to go to', () => {
    const countyTree = tree.filter((n) => n.code === '211321' || n.code.startsWith('park') || n.code.startsWith('enterprise')).map((n) => (n.code === '211321' ? { ...n, parentCode: '211300' } : n));
    expect(regionPath(countyTree, '211321', 'park:7').map((n) => n.code)).toEqual(['211321', 'park:7']);
  });

  it('falls back to the root for a code outside the tree', () => {
    expect(regionPath(tree, '210000', '110000').map((n) => n.code)).toEqual(['210000']);
  });

  it('offers the children that hold something, down to parks', () => {
    expect(regionChildren(tree, '211300').map((n) => n.code)).toEqual(['211321']);
    expect(regionChildren(tree, 'park:7')).toEqual([]);
  });

  it("asks the API for no narrowing at the country root or the user's own root", () => {
    expect(regionParam('000000', '000000')).toBeUndefined();
    expect(regionParam('', '000000')).toBeUndefined();
    expect(regionParam('211321', '000000')).toBe('211321');
    expect(regionParam('211321', '211321')).toBeUndefined();
    expect(regionParam('park:7', '211321')).toBe('park:7');
    // An enterprise user's root is no region code; the API refuses it as one.
    expect(regionParam('enterprise:3', 'enterprise:3')).toBeUndefined();
  });
});
