import type { Alarm } from '../live/types';

type Labels = Readonly<Record<string, string>>;

/** A threshold alarm (or one of a type the server has not named) shows its level; others their type's name; the code until the names load. */
export function alarmTypeText(a: Pick<Alarm, 'type' | 'level'> | null | undefined, types: Labels, levels: Labels): string {
  if (!a) return '报警';
  if (a.level && levels[a.level] && (a.type === 'threshold' || !types[a.type])) return levels[a.level];
  if (a.type && types[a.type]) return types[a.type];
  return a.type ? String(a.type) : '报警';
}
