// The region the wall shows, shared by every panel: the strip, lists and map layers follow it.
import { reactive } from 'vue';
import { api, call } from '../../shared/api/client';
import { regionPath, type RegionNode } from './region-path';

export const regionSelection = reactive({
  root: '',
  code: '',
  nodes: [] as RegionNode[],
  get path(): RegionNode[] {
    return regionPath(this.nodes, this.root, this.code);
  },
});

export async function loadRegions(): Promise<void> {
  const tree = await call(api.GET('/api/regions/tree', { params: { query: { dataOnly: 'true' } } }));
  regionSelection.nodes = tree.nodes;
  regionSelection.root = tree.root;
  if (!tree.nodes.some((n) => n.code === regionSelection.code)) regionSelection.code = tree.root;
}

/** Drill to a region of the tree; codes outside it (beyond the user's scope) are ignored. */
export function selectRegion(code: string): void {
  if (regionSelection.nodes.some((n) => n.code === code)) regionSelection.code = code;
}
