// 企业统计: GET /api/enterprises/stats?by=region|industryType|scale|grade → table + CSS bar chart.
import { api } from './api.js';
import { h, clear } from './dom.js';
import { STATS_DIMENSIONS } from './labels.js';
import { toastError } from './toast.js';

export function renderStatsPage(root, { pageHeader }) {
  root.append(pageHeader('企业统计', '按属地、行业类型、企业规模和风险等级统计辖区内企业数量。', '企业管理'));
  let by = 'region';
  let seq = 0;
  const seg = h('div', { class: 'seg', role: 'tablist', id: 'stats-by' });
  const body = h('div', { class: 'stats-body' });
  const totalEl = h('div', { class: 'stats-total' });
  root.append(h('section', { class: 'card' },
    h('div', { class: 'toolbar' }, h('div', { class: 'toolbar-left' }, seg), h('div', { class: 'toolbar-right' }, totalEl)),
    body));

  function renderSeg() {
    clear(seg);
    for (const d of STATS_DIMENSIONS) {
      seg.append(h('button', { type: 'button', role: 'tab', class: by === d.value ? 'active' : '', 'aria-selected': String(by === d.value), dataset: { by: d.value },
        onclick: () => { if (by !== d.value) { by = d.value; renderSeg(); load(); } } }, d.label));
    }
  }

  async function load() {
    const my = ++seq;
    clear(body).append(h('div', { class: 'loading' }, '加载中…'));
    try {
      const res = await api.enterpriseStats(by);
      if (my !== seq) return;
      const items = ((res && res.items) || []).slice().sort((a, b) => (b.count || 0) - (a.count || 0));
      const total = items.reduce((s, it) => s + (Number(it.count) || 0), 0);
      const max = Math.max(1, ...items.map((it) => Number(it.count) || 0));
      totalEl.innerHTML = '';
      totalEl.append('企业总数 ', h('b', {}, String(total)), ' 家');
      if (!items.length) { clear(body).append(h('div', { class: 'empty' }, '暂无统计数据')); return; }
      const dimLabel = STATS_DIMENSIONS.find((d) => d.value === by).label.replace(/^按/, '');
      const table = h('table', { class: 'data-table stats-table' },
        h('thead', {}, h('tr', {}, h('th', { style: { width: '48px' } }, '序号'), h('th', { style: { width: '220px' } }, dimLabel), h('th', { class: 'num', style: { width: '90px' } }, '企业数'), h('th', { class: 'num', style: { width: '80px' } }, '占比'), h('th', {}, '分布'))),
        h('tbody', {}, items.map((it, i) => {
          const n = Number(it.count) || 0;
          const pct = total ? (n / total) * 100 : 0;
          return h('tr', { dataset: { key: String(it.key ?? '') } },
            h('td', { class: 'muted' }, String(i + 1)),
            h('td', {}, it.label || it.key || '未填写'),
            h('td', { class: 'num' }, h('b', {}, String(n))),
            h('td', { class: 'num' }, `${pct.toFixed(1)}%`),
            h('td', {}, h('div', { class: 'bar-track' }, h('div', { class: 'bar-fill', style: { width: `${(n / max) * 100}%` } }))));
        })));
      clear(body).append(table);
    } catch (err) {
      if (my !== seq) return;
      clear(body).append(h('div', { class: 'empty' }, `加载失败：${err.message}`));
      toastError(err, '统计数据加载失败');
    }
  }
  renderSeg();
  load();
}
