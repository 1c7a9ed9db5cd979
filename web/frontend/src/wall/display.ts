// Texts the wall shows, from the server's vocabularies and the shared Asia/Shanghai formatting.
import { fmtDate, fmtTime, fmtUnit, shanghaiDay } from '../shared/format';
import { label, vocabularies } from '../shared/vocabularies';
import type { Alarm } from './live/types';

/** 10:21:33 today, 03-18 10:21:33 on another Shanghai day. */
export function fmtListTime(value: string | null | undefined, now: number): string {
  if (!value) return '--';
  const t = fmtTime(value, '--');
  return shanghaiDay(value) === shanghaiDay(now) ? t : `${fmtDate(value).slice(5)} ${t}`;
}

/** A threshold alarm shows its level (高报…); others their type's name. */
export function alarmTypeLabel(a: Pick<Alarm, 'type' | 'level'> | null | undefined): string {
  if (!a) return '报警';
  const known = vocabularies.value?.alarmTypes.some((e) => e.code === a.type);
  if (a.level && (a.type === 'threshold' || !known)) return label('thresholdLevels', a.level);
  return a.type ? label('alarmTypes', a.type) : '报警';
}

export { fmtUnit };
