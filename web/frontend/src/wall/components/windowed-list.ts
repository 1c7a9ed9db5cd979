// Renders only the rows of a long list that are in or near the viewport (5,000 tanks would be tens of thousands of
// elements, re-rendered on every batch of readings). Row heights are measured once drawn; a row not drawn yet is
// estimated from a drawn row of the same group (tanks: the sensor count), so the scrollbar stays honest.
import { computed, onBeforeUnmount, onMounted, shallowRef, watch, type Ref } from 'vue';
import { prefixOffsets, scrollToShow, windowRange } from '../logic/list-window';

export function useWindowedList<T>(
  scroller: Ref<HTMLElement | undefined>,
  inner: Ref<HTMLElement | undefined>,
  items: Ref<readonly T[]>,
  opts: { key(item: T): number; group(item: T): number; fallbackPx: number; overscanPx: number },
) {
  const scrollTop = shallowRef(0);
  const viewHeight = shallowRef(0);
  const measured = new Map<number, number>();
  const byGroup = new Map<number, number>();
  const heightsVersion = shallowRef(0);

  const offsets = computed(() => {
    void heightsVersion.value;
    const list = items.value;
    const h = new Float64Array(list.length);
    for (let i = 0; i < list.length; i++) h[i] = measured.get(opts.key(list[i])) ?? byGroup.get(opts.group(list[i])) ?? opts.fallbackPx;
    return prefixOffsets(h);
  });
  const range = computed(() => windowRange(offsets.value, scrollTop.value - opts.overscanPx, scrollTop.value + Math.max(viewHeight.value, 1) + opts.overscanPx));
  const visible = computed(() => items.value.slice(range.value[0], range.value[1]));
  const padTop = computed(() => offsets.value[range.value[0]]);
  const padBottom = computed(() => offsets.value[offsets.value.length - 1] - offsets.value[range.value[1]]);

  /** Heights (with the gap below each row) of the rows drawn now. */
  function measure() {
    const box = inner.value;
    if (!box) return;
    const gap = parseFloat(getComputedStyle(box).rowGap) || 0;
    const [from] = range.value;
    let changed = false;
    Array.from(box.children).forEach((el, k) => {
      const item = items.value[from + k];
      if (item === undefined || !(el instanceof HTMLElement)) return;
      const h = el.offsetHeight + gap;
      const key = opts.key(item);
      if (h > 0 && measured.get(key) !== h) {
        measured.set(key, h);
        byGroup.set(opts.group(item), h);
        changed = true;
      }
    });
    if (changed) heightsVersion.value++;
  }

  let frame = 0;
  const onScroll = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      scrollTop.value = scroller.value?.scrollTop ?? 0;
    });
  };
  let width = 0;
  const resize = new ResizeObserver(() => {
    const el = scroller.value;
    if (!el) return;
    viewHeight.value = el.clientHeight;
    if (el.clientWidth !== width) {
      // The root font grows with the screen, and the rows with it.
      width = el.clientWidth;
      measured.clear();
      byGroup.clear();
      measure();
      heightsVersion.value++;
    }
  });
  watch(visible, measure, { flush: 'post' });
  watch(items, (list) => {
    const keep = new Set(list.map(opts.key));
    for (const k of measured.keys()) if (!keep.has(k)) measured.delete(k);
  });
  onMounted(() => {
    scroller.value?.addEventListener('scroll', onScroll, { passive: true });
    if (scroller.value) resize.observe(scroller.value);
    viewHeight.value = scroller.value?.clientHeight ?? 0;
  });
  onBeforeUnmount(() => {
    scroller.value?.removeEventListener('scroll', onScroll);
    resize.disconnect();
    cancelAnimationFrame(frame);
  });

  /** Scrolls the row with this key into view (as far as needed); false when it is not in the list. */
  async function scrollTo(key: number, behavior: ScrollBehavior): Promise<boolean> {
    const i = items.value.findIndex((it) => opts.key(it) === key);
    const el = scroller.value;
    if (i < 0 || !el) return false;
    const top = scrollToShow(offsets.value, i, el.scrollTop, el.clientHeight, 8);
    if (top !== el.scrollTop) el.scrollTo({ top, behavior });
    return true;
  }

  return { visible, padTop, padBottom, scrollTo };
}
