// Texts the wall shows, from the server's vocabularies and the shared Asia/Shanghai formatting.
import { fmtDate, fmtTime, fmtUnit, shanghaiDay } from '../shared/format';
import { computed } from 'vue';
import { vocabularies } from '../shared/vocabularies';
import { alarmTypeText } from './logic/alarm-labels';
import type { Alarm } from './live/types';

/** 10:21:33 today, 03-18 10:21:33 on another Shanghai day. */
export function fmtListTime(value: string | null | undefined, now: number): string {
  if (!value) return '--';
  const t = fmtTime(value, '--');
  return shanghaiDay(value) === shanghaiDay(now) ? t : `${fmtDate(value).slice(5)} ${t}`;
}

const asLabels = (list: { code: string; label: string }[] | undefined) => Object.fromEntries((list ?? []).map((e) => [e.code, e.label]));
const typeLabels = computed(() => asLabels(vocabularies.value?.alarmTypes));
const levelLabels = computed(() => asLabels(vocabularies.value?.thresholdLevels));

/** A threshold alarm shows its level (高报…); others their type's name. */
export const alarmTypeLabel = (a: Pick<Alarm, 'type' | 'level'> | null | undefined): string => alarmTypeText(a, typeLabels.value, levelLabels.value);

export { fmtUnit };
