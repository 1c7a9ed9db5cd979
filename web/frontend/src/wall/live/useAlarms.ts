// Live alarms: the open list (snapshot + `alarm` events + cursor catch-up) over the pure AlarmBook.
import { computed, ref, shallowRef, triggerRef } from 'vue';
import { rank } from '../../shared/vocabularies';
import type { Alarm, AlarmChange } from './types';
import { AlarmBook } from '../logic/alarm-book';

export function useAlarms(now: () => number = Date.now) {
  const book = new AlarmBook(now);
  const version = shallowRef(0);
  const changed = () => triggerRef(version);
  /** Alarms just raised, for a short highlight. */
  const fresh = ref(new Set<number>());
  /** Every applied change of any alarm, listed or not (the drawer follows the one it shows). */
  const updateListeners = new Set<(a: Alarm) => void>();

  const list = computed(() => (void version.value, book.list()));
  const stats = computed(() => (void version.value, void rank('severities', 'critical'), book.stats((s) => rank('severities', s))));

  function markFresh(id: number) {
    fresh.value.add(id);
    setTimeout(() => fresh.value.delete(id), 6000);
  }

  /** The list and its counts for one region (the wall's lists), the whole scope when `keep` is null. */
  function within(keep: () => ((a: Alarm) => boolean) | null) {
    return {
      list: computed(() => {
        const k = keep();
        return k ? list.value.filter(k) : list.value;
      }),
      stats: computed(() => (void version.value, book.stats((s) => rank('severities', s), keep() ?? undefined))),
    };
  }

  return {
    list,
    stats,
    within,
    fresh,
    get cursor() {
      return book.cursor;
    },
    get: (id: number) => book.get(id),
    onUpdate(fn: (a: Alarm) => void) {
      updateListeners.add(fn);
      return () => updateListeners.delete(fn);
    },
    setSnapshot(items: Alarm[], total: number | undefined, startedAt: number) {
      book.setSnapshot(items, total, startedAt);
      changed();
    },
    /** A live change or a step's answer; the alarm as applied (null when older than what is shown). */
    apply(change: AlarmChange): Alarm | null {
      const a = book.apply(change);
      if (!a) return null;
      for (const fn of updateListeners) fn(a);
      if (change.action === 'raised') markFresh(a.id);
      changed();
      return a;
    },
    applyChanges(items: { cursor: number; alarm: Alarm }[]) {
      const applied = book.applyChanges(items);
      for (const a of applied) for (const fn of updateListeners) fn(a);
      if (applied.length) changed();
      return applied;
    },
    clear() {
      book.clear();
      changed();
    },
  };
}

export type AlarmsStore = ReturnType<typeof useAlarms>;
