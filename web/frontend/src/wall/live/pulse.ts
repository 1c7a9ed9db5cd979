// Restartable one-shot highlight flags (CSS animations keyed on a class) on view objects; `changed` tells plain
// (non-reactive) ones' views to redraw.
const timers = new WeakMap<object, Map<string, ReturnType<typeof setTimeout>>>();

export function pulse<T extends object>(target: T, key: { [K in keyof T]: T[K] extends boolean ? K : never }[keyof T], ms: number, changed: () => void): void {
  const own = timers.get(target) ?? new Map<string, ReturnType<typeof setTimeout>>();
  timers.set(target, own);
  clearTimeout(own.get(String(key)));
  const set = (v: boolean) => {
    (target as Record<typeof key, boolean>)[key] = v;
    changed();
  };
  if (target[key]) {
    set(false);
    requestAnimationFrame(() => set(true)); // off for a frame so the animation starts again
  } else set(true);
  own.set(String(key), setTimeout(() => set(false), ms));
}
