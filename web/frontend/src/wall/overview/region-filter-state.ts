// The selected region's membership, reloaded whenever the drill-down moves: null at the user's own root (no filter).
import { computed, shallowRef, watch } from 'vue';
import { api, call } from '../../shared/api/client';
import { toast } from '../toasts';
import { regionFilter, type RegionFilter } from '../logic/region-filter';
import { regionSelection } from './region-selection';

export const regionFilterState = shallowRef<RegionFilter | null>(null);
/** The selected region's name while a filter applies, for the lists' headings; empty at the user's own root. */
export const regionFilterName = computed(() => (regionFilterState.value ? (regionSelection.path.at(-1)?.name ?? '') : ''));

let seq = 0;
watch(
  () => regionSelection.code,
  async (code) => {
    const mine = ++seq;
    if (!code || code === regionSelection.root) {
      regionFilterState.value = null;
      return;
    }
    try {
      const members = await call(api.GET('/api/regions/members', { params: { query: { region: code } } }));
      if (mine === seq) regionFilterState.value = regionFilter(members);
    } catch (err) {
      if (mine === seq) toast(`区域筛选加载失败：${err instanceof Error ? err.message : '未知错误'}`, 'error', 8000);
    }
  },
);
