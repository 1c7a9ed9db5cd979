import { shanghaiClock } from '../../platform/time/shanghai-calendar.ts';

export interface TimeWindow {
  days: number[];
  from: string;
  to: string;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Whether `at` falls in any window (Asia/Shanghai local time); no windows means always. A window whose `to` is not
 * after `from` runs past midnight, and its listed days are the days it starts on.
 */
export function inTimeWindows(windows: readonly TimeWindow[], at: number): boolean {
  if (windows.length === 0) return true;
  const { day, minute } = shanghaiClock(at);
  const yesterday = day === 1 ? 7 : day - 1;
  return windows.some((w) => {
    const from = minutes(w.from);
    const to = minutes(w.to);
    if (from < to) return w.days.includes(day) && minute >= from && minute < to;
    return (w.days.includes(day) && minute >= from) || (w.days.includes(yesterday) && minute < to);
  });
}
