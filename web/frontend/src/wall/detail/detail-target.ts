// What the wall's detail panel shows: one tank, one vehicle, or one vehicle's track replay. Any panel (a tank row, the
// map, an alarm) opens it through openDetail().
import { reactive } from 'vue';

export type DetailTarget = { kind: 'tank'; id: number } | { kind: 'vehicle'; id: number } | { kind: 'track'; id: number; plate: string };

export const detail = reactive<{ target: DetailTarget | null }>({ target: null });

export const openDetail = (target: DetailTarget): void => void (detail.target = target);
export const closeDetail = (): void => void (detail.target = null);
