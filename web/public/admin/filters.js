// Filter bar: keyword + typed filters with 查询/重置.
import { h } from './dom.js';
import { regionOptions } from './regions.js';
import { refOptions } from './refs.js';

let seq = 0;

/**
 * buildFilterBar({ items: [{ key, label, type: 'text'|'select'|'region'|'date', options, placeholder }], initial, onSearch })
 * Returns { el, values(), reset() }.
 */
export function buildFilterBar({ items, initial = {}, onSearch, extraButtons = [] }) {
  const inputs = new Map();
  const form = h('form', { class: 'filter-bar', role: 'search', autocomplete: 'off' });
  for (const it of items) {
    const id = `flt-${++seq}`;
    let input;
    const init = initial[it.key] ?? '';
    if (it.type === 'select' || (it.type === 'region' && it.options && it.options.length)) {
      input = h('select', { id, class: 'input select', dataset: { filter: it.key } },
        h('option', { value: '' }, '全部'),
        (it.options || []).map((o) => h('option', { value: String(o.value), selected: String(o.value) === String(init) && init !== '' }, o.label)));
      if ((!it.options || !it.options.length) && it.ref) {
        const sel = input;
        refOptions(it.ref).then((opts) => { for (const o of opts) sel.append(h('option', { value: String(o.value) }, o.label)); }).catch(() => {});
      }
    } else if (it.type === 'date') {
      input = h('input', { id, class: 'input', type: 'date', value: init, dataset: { filter: it.key } });
    } else if (it.type === 'region') {
      const listId = `${id}-list`;
      input = h('input', { id, class: 'input', type: 'text', value: init, list: listId, inputmode: 'numeric', maxlength: '12', placeholder: it.placeholder || '行政区划代码', dataset: { filter: it.key } });
      const dl = h('datalist', { id: listId });
      regionOptions().then((opts) => { for (const o of opts) dl.append(h('option', { value: o.value }, o.label)); });
      input = [input, dl];
    } else {
      input = h('input', { id, class: 'input', type: 'search', value: init, placeholder: it.placeholder || `请输入${it.label}`, dataset: { filter: it.key } });
    }
    const real = Array.isArray(input) ? input[0] : input;
    inputs.set(it.key, real);
    form.append(h('div', { class: `filter-item filter-${it.type || 'text'}${it.wide ? ' is-wide' : ''}` },
      h('label', { for: id }, it.label), input));
  }
  const btnSearch = h('button', { type: 'submit', class: 'btn btn-primary', id: 'btn-search' }, '查询');
  const btnReset = h('button', { type: 'button', class: 'btn', id: 'btn-reset', onclick: () => { reset(); onSearch(values()); } }, '重置');
  form.append(h('div', { class: 'filter-actions' }, btnSearch, btnReset, extraButtons));
  form.addEventListener('submit', (ev) => { ev.preventDefault(); onSearch(values()); });
  for (const input of inputs.values()) {
    if (input.tagName === 'SELECT' || input.type === 'date') input.addEventListener('change', () => onSearch(values()));
  }

  function values() {
    const out = {};
    for (const [k, input] of inputs) {
      const v = input.value.trim();
      if (v !== '') out[k] = v;
    }
    return out;
  }
  function reset() {
    for (const input of inputs.values()) input.value = '';
  }
  return { el: form, values, reset, inputs };
}
