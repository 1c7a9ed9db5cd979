// Data table and pagination widgets.
import { h, clear } from './dom.js';

/**
 * renderTable({ columns: [{ key, label, render(row) -> node|string, width, className }], rows, rowId, actions(row) -> [nodes], empty })
 */
export function renderTable({ columns, rows, rowId = (r) => r.id, actions, empty = '暂无数据', loading = false, className = '' }) {
  const thead = h('thead', {}, h('tr', {},
    columns.map((c) => h('th', { class: c.className || null, style: c.width ? { width: c.width } : null, scope: 'col' }, c.label)),
    actions ? h('th', { class: 'col-actions', scope: 'col' }, '操作') : null));
  const tbody = h('tbody');
  if (!rows.length) {
    tbody.append(h('tr', { class: 'empty-row' }, h('td', { colspan: String(columns.length + (actions ? 1 : 0)) },
      h('div', { class: 'empty' }, loading ? '加载中…' : empty))));
  }
  for (const row of rows) {
    const id = rowId(row);
    const tr = h('tr', { dataset: id === undefined || id === null ? {} : { id: String(id) } });
    for (const c of columns) {
      let v = c.render ? c.render(row) : row[c.key];
      if (v === null || v === undefined || v === '') v = '';
      const td = h('td', { class: c.className || null, dataset: { col: c.key } });
      if (v instanceof Node) td.append(v);
      else {
        td.textContent = String(v);
        if (String(v).length > 12) td.title = String(v);
      }
      tr.append(td);
    }
    if (actions) tr.append(h('td', { class: 'col-actions' }, h('div', { class: 'row-actions' }, actions(row))));
    tbody.append(tr);
  }
  return h('div', { class: 'table-wrap' }, h('table', { class: `data-table ${className}` }, thead, tbody));
}

/** Pagination: 共 N 条, page size select, page buttons, jump. onChange({page, pageSize}). */
export function renderPager({ page, pageSize, total, sizes = [20, 50, 100], onChange }) {
  const pages = Math.max(1, Math.ceil((total || 0) / pageSize));
  const go = (p) => { if (p >= 1 && p <= pages && p !== page) onChange({ page: p, pageSize }); };
  const sizeSel = h('select', { class: 'input select pager-size', 'aria-label': '每页条数', onchange: (ev) => onChange({ page: 1, pageSize: Number(ev.target.value) }) },
    sizes.map((s) => h('option', { value: String(s), selected: s === pageSize }, `${s} 条`)));
  const btns = h('div', { class: 'pager-pages' });
  btns.append(h('button', { type: 'button', class: 'pager-btn', disabled: page <= 1, 'aria-label': '上一页', onclick: () => go(page - 1) }, '‹'));
  for (const p of pageList(page, pages)) {
    if (p === '…') btns.append(h('span', { class: 'pager-ellipsis' }, '…'));
    else btns.append(h('button', { type: 'button', class: `pager-btn${p === page ? ' active' : ''}`, 'aria-current': p === page ? 'page' : null, onclick: () => go(p) }, String(p)));
  }
  btns.append(h('button', { type: 'button', class: 'pager-btn', disabled: page >= pages, 'aria-label': '下一页', onclick: () => go(page + 1) }, '›'));
  const jump = h('input', { class: 'input pager-jump', type: 'number', min: '1', max: String(pages), value: String(page), 'aria-label': '跳转页码' });
  jump.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') go(Math.min(pages, Math.max(1, Number(jump.value) || 1))); });
  return h('div', { class: 'pager' },
    h('span', { class: 'pager-total' }, '共 ', h('b', { class: 'total-count' }, String(total || 0)), ' 条'),
    h('span', { class: 'pager-size-wrap' }, '每页', sizeSel), btns,
    h('span', { class: 'pager-jump-wrap' }, '前往', jump, '页'));
}

function pageList(page, pages) {
  if (pages <= 7) return Array.from({ length: pages }, (_, i) => i + 1);
  const out = [1];
  const start = Math.max(2, page - 2);
  const end = Math.min(pages - 1, page + 2);
  if (start > 2) out.push('…');
  for (let p = start; p <= end; p++) out.push(p);
  if (end < pages - 1) out.push('…');
  out.push(pages);
  return out;
}

export function replace(el, node) { clear(el); if (node) el.append(node); }
