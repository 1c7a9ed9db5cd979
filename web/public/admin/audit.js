// Change history rendering (record drawer 变更记录 tab and the 操作日志 page).
import { h, fmtDateTime } from './dom.js';
import { formatValue } from './form.js';
import { actionLabel } from './labels.js';

const IGNORED = new Set(['updatedAt', 'updated_at', 'createdAt', 'created_at', 'version']);

const stable = (v) => {
  if (v === undefined) return 'null';
  if (v && typeof v === 'object') {
    if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${stable(v[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
};
const isEmpty = (v) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** [{ key, field, before, after }] for keys whose values differ. */
export function diffEntries(fields, before, after) {
  const b = before && typeof before === 'object' ? before : {};
  const a = after && typeof after === 'object' ? after : {};
  const byName = new Map((fields || []).map((f) => [f.name, f]));
  const keys = [];
  const seen = new Set();
  for (const f of fields || []) { if (f.name in b || f.name in a) { keys.push(f.name); seen.add(f.name); } }
  for (const k of [...Object.keys(b), ...Object.keys(a)]) if (!seen.has(k)) { seen.add(k); keys.push(k); }
  const out = [];
  for (const k of keys) {
    if (IGNORED.has(k)) continue;
    if (k === 'id') continue;
    if (isEmpty(b[k]) && isEmpty(a[k])) continue;
    if (stable(b[k]) === stable(a[k])) continue;
    out.push({ key: k, field: byName.get(k) || { name: k, label: k }, before: b[k], after: a[k] });
  }
  return out;
}

function valueNode(field, v) {
  if (isEmpty(v)) return h('span', { class: 'muted' }, '（空）');
  const text = formatValue(field, v, {});
  if (v && typeof v === 'object') return h('pre', { class: 'code-block small' }, text);
  return h('span', {}, text);
}

export function renderDiffTable(fields, before, after) {
  const diffs = diffEntries(fields, before, after);
  if (!diffs.length) return h('div', { class: 'muted small' }, '无字段变化');
  const showBefore = before !== null && before !== undefined;
  const showAfter = after !== null && after !== undefined;
  return h('table', { class: 'diff-table' },
    h('thead', {}, h('tr', {}, h('th', {}, '字段'), showBefore ? h('th', {}, '变更前') : null, showBefore && showAfter ? h('th', { class: 'arrow' }, '') : null, showAfter ? h('th', {}, showBefore ? '变更后' : '内容') : null)),
    h('tbody', {}, diffs.map((d) => h('tr', { dataset: { field: d.key } },
      h('td', { class: 'diff-field' }, d.field.label || d.key),
      showBefore ? h('td', { class: 'diff-before' }, valueNode(d.field, d.before)) : null,
      showBefore && showAfter ? h('td', { class: 'arrow' }, '→') : null,
      showAfter ? h('td', { class: 'diff-after' }, valueNode(d.field, d.after)) : null))));
}

export function actionTag(action) {
  return h('span', { class: `tag tag-action-${action}` }, actionLabel(action));
}

/** Timeline of audit entries for one record. */
export function renderHistory(items, fields) {
  if (!items.length) return h('div', { class: 'empty' }, '暂无变更记录');
  return h('ol', { class: 'timeline' }, items.map((it) => h('li', { class: 'timeline-item', dataset: { action: it.action || '' } },
    h('div', { class: 'timeline-head' },
      actionTag(it.action),
      h('span', { class: 'timeline-actor' }, it.actorName || it.actor || '系统'),
      h('span', { class: 'timeline-time' }, fmtDateTime(it.at))),
    it.reason ? h('div', { class: 'timeline-reason' }, `原因：${it.reason}`) : null,
    renderDiffTable(fields, it.before, it.after))));
}
