// 证照到期提醒: GET /api/expiry-warnings?withinDays=N.
import { api } from './api.js';
import { h, clear, fmtDate } from './dom.js';
import { renderTable } from './table.js';
import { EXPIRY_KINDS } from './labels.js';
import { toastError } from './toast.js';

export function renderExpiryPage(root, { pageHeader }) {
  root.append(pageHeader('证照到期提醒', '驾驶员、押运员从业资格证与车辆年检的到期情况。红色为已过期，橙色为 10 天内到期。', '危险货物运输'));
  const state = { withinDays: 30, kind: '', seq: 0, items: [] };
  const days = h('select', { class: 'input select', id: 'expiry-days', onchange: () => { state.withinDays = Number(days.value); load(); } },
    [7, 15, 30, 60, 90].map((d) => h('option', { value: String(d), selected: d === 30 }, `${d} 天内`)));
  const kind = h('select', { class: 'input select', id: 'expiry-kind', onchange: () => { state.kind = kind.value; draw(); } },
    h('option', { value: '' }, '全部'), Object.entries(EXPIRY_KINDS).map(([v, l]) => h('option', { value: v }, l)));
  const summary = h('div', { class: 'expiry-summary' });
  root.append(h('section', { class: 'card card-filter' }, h('div', { class: 'filter-bar' },
    h('div', { class: 'filter-item' }, h('label', { for: 'expiry-days' }, '到期范围'), days),
    h('div', { class: 'filter-item' }, h('label', { for: 'expiry-kind' }, '证照类型'), kind),
    h('div', { class: 'filter-actions' }, h('button', { type: 'button', class: 'btn btn-primary', onclick: () => load() }, '刷新')))));
  const tableBox = h('div', { class: 'table-box' });
  root.append(h('section', { class: 'card card-table' }, summary, tableBox));

  const level = (d) => (d < 0 ? 'red' : d <= 10 ? 'orange' : 'green');
  const columns = [
    { key: 'daysLeft', label: '状态', width: '130px', render: (it) => {
      const d = Number(it.daysLeft);
      const text = d < 0 ? `已过期 ${-d} 天` : d === 0 ? '今天到期' : `剩余 ${d} 天`;
      return h('span', { class: `tag tag-${level(d)} expiry-tag`, dataset: { level: level(d) } }, text);
    } },
    { key: 'kind', label: '证照类型', width: '160px', render: (it) => EXPIRY_KINDS[it.kind] || it.kind },
    { key: 'name', label: '姓名 / 车牌' },
    { key: 'enterpriseName', label: '所属企业' },
    { key: 'expiresOn', label: '到期日期', width: '120px', render: (it) => fmtDate(it.expiresOn) },
  ];

  function draw() {
    const rows = state.items.filter((it) => !state.kind || it.kind === state.kind);
    const cnt = { red: 0, orange: 0, green: 0 };
    for (const it of rows) cnt[level(Number(it.daysLeft))]++;
    clear(summary).append(
      h('span', { class: 'sum-item' }, h('i', { class: 'dot dot-red' }), '已过期 ', h('b', { class: 'text-danger' }, String(cnt.red))),
      h('span', { class: 'sum-item' }, h('i', { class: 'dot dot-orange' }), '10 天内到期 ', h('b', { class: 'text-warning' }, String(cnt.orange))),
      h('span', { class: 'sum-item' }, h('i', { class: 'dot dot-green' }), `${state.withinDays} 天内到期 `, h('b', { class: 'text-success' }, String(cnt.green))));
    clear(tableBox).append(renderTable({ columns, rows, rowId: (it) => `${it.kind}-${it.id}`, empty: `${state.withinDays} 天内没有到期的证照` }));
    for (const tr of tableBox.querySelectorAll('tr[data-id]')) {
      const it = rows.find((r) => `${r.kind}-${r.id}` === tr.dataset.id);
      if (it) tr.classList.add(`row-${level(Number(it.daysLeft))}`);
    }
  }

  async function load() {
    const my = ++state.seq;
    try {
      const res = await api.expiryWarnings(state.withinDays);
      if (my !== state.seq) return;
      state.items = ((res && res.items) || []).slice().sort((a, b) => Number(a.daysLeft) - Number(b.daysLeft));
      draw();
    } catch (err) {
      if (my !== state.seq) return;
      clear(tableBox).append(renderTable({ columns, rows: [], empty: `加载失败：${err.message}` }));
      toastError(err, '到期提醒加载失败');
    }
  }
  load();
}
