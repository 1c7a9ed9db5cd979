// 操作日志 (GET /api/audit) and 登录日志 (GET /api/auth/login-log).
import { api } from './api.js';
import { h, clear, fmtDateTime, dayStartIso, dayEndIso } from './dom.js';
import { buildFilterBar } from './filters.js';
import { renderTable, renderPager } from './table.js';
import { openDialog } from './dialog.js';
import { diffEntries, renderDiffTable, actionTag } from './audit.js';
import { AUDIT_ACTIONS } from './labels.js';
import { toastError } from './toast.js';

const LOGIN_REASONS = {
  ok: '', success: '',
  bad_password: '密码错误', wrong_password: '密码错误', invalid_password: '密码错误', invalid_credentials: '用户名或密码错误',
  unknown_user: '用户不存在', no_such_user: '用户不存在', user_not_found: '用户不存在',
  locked: '账号已锁定', account_locked: '账号已锁定', disabled: '账号已停用', account_disabled: '账号已停用',
  rate_limited: '请求过于频繁', too_many_attempts: '尝试次数过多', password_expired: '密码已过期',
};

/** Shared list page scaffold: filters → loader(params) → { items, total } → table + pager. */
function listPage(root, { filters, columns, loader, actions, toParams = (v) => v, empty = '暂无记录' }) {
  const state = { page: 1, pageSize: 20, filters: {}, seq: 0 };
  const bar = buildFilterBar({ items: filters, onSearch: (v) => { state.filters = v; state.page = 1; load(); } });
  root.append(h('section', { class: 'card card-filter' }, bar.el));
  const tableBox = h('div', { class: 'table-box' });
  const pagerBox = h('div', { class: 'pager-box' });
  root.append(h('section', { class: 'card card-table' }, tableBox, pagerBox));
  async function load() {
    const my = ++state.seq;
    try {
      const res = await loader({ page: state.page, pageSize: state.pageSize, ...toParams(state.filters) });
      if (my !== state.seq) return;
      const items = (res && res.items) || [];
      clear(tableBox).append(renderTable({ columns, rows: items, actions, empty }));
      clear(pagerBox).append(renderPager({ page: state.page, pageSize: state.pageSize, total: Number((res && res.total) ?? items.length), onChange: ({ page, pageSize }) => { state.page = page; state.pageSize = pageSize; load(); } }));
    } catch (err) {
      if (my !== state.seq) return;
      clear(tableBox).append(renderTable({ columns, rows: [], empty: `加载失败：${err.message}` }));
      toastError(err, '日志加载失败');
    }
  }
  load();
}

const dateRange = (v) => {
  const out = { ...v };
  if (v.from) out.from = dayStartIso(v.from);
  if (v.to) out.to = dayEndIso(v.to);
  return out;
};

export function renderAuditLogPage(root, { pageHeader, modules }) {
  root.append(pageHeader('操作日志', '记录所有对业务数据的新增、修改、删除、导入和属地调整操作，日志不可修改。', '系统管理'));
  const modOptions = modules.map((m) => ({ value: m.name, label: m.label }));
  if (!modOptions.some((o) => o.value === 'users')) modOptions.push({ value: 'users', label: '用户' });
  const modLabel = (name) => (modOptions.find((o) => o.value === name) || {}).label || name || '';
  const fieldsOf = (name) => ((modules.find((m) => m.name === name) || {}).fields || []);

  const summary = (it) => {
    if (it.action === 'create') return '新增记录';
    if (it.action === 'delete') return '删除记录';
    const diffs = diffEntries(fieldsOf(it.module), it.before, it.after);
    if (!diffs.length) return it.action === 'import' ? '导入' : '无字段变化';
    const names = diffs.map((d) => d.field.label || d.key);
    return `${names.slice(0, 4).join('、')}${names.length > 4 ? ` 等 ${names.length} 项` : ''}`;
  };
  const recordText = (it) => {
    const r = it.after || it.before || {};
    return it.recordName || r.name || r.displayName || r.plate || r.code || r.username || (it.recordId != null ? `#${it.recordId}` : '');
  };

  listPage(root, {
    filters: [
      { key: 'module', label: '业务模块', type: 'select', options: modOptions },
      { key: 'actor', label: '操作人', type: 'text', placeholder: '用户名' },
      { key: 'action', label: '操作类型', type: 'select', options: AUDIT_ACTIONS },
      { key: 'from', label: '开始日期', type: 'date' },
      { key: 'to', label: '结束日期', type: 'date' },
    ],
    toParams: dateRange,
    loader: (p) => api.audit(p),
    columns: [
      { key: 'at', label: '操作时间', width: '170px', render: (it) => fmtDateTime(it.at) },
      { key: 'actor', label: '操作人', width: '120px', render: (it) => it.actorName || it.actor || '系统' },
      { key: 'module', label: '业务模块', width: '130px', render: (it) => modLabel(it.module) },
      { key: 'action', label: '操作', width: '90px', className: 'center', render: (it) => actionTag(it.action) },
      { key: 'record', label: '对象', render: recordText },
      { key: 'summary', label: '变更内容', render: summary },
    ],
    actions: (it) => [h('a', { href: 'javascript:void 0', class: 'act', onclick: () => openDialog({
      title: `${modLabel(it.module)} · ${recordText(it)}`,
      width: 760,
      body: h('div', { class: 'audit-detail' },
        h('div', { class: 'audit-meta' }, actionTag(it.action), h('span', {}, it.actorName || it.actor || '系统'), h('span', { class: 'muted' }, fmtDateTime(it.at)), it.ip ? h('span', { class: 'muted' }, `IP ${it.ip}`) : null),
        it.reason ? h('div', { class: 'timeline-reason' }, `原因：${it.reason}`) : null,
        renderDiffTable(fieldsOf(it.module), it.before, it.after)),
    }) }, '详情')],
  });
}

export function renderLoginLogPage(root, { pageHeader }) {
  root.append(pageHeader('登录日志', '记录所有账号的登录尝试（含失败），用于安全审计。', '系统管理'));
  listPage(root, {
    filters: [
      { key: 'username', label: '用户名', type: 'text', placeholder: '用户名' },
      { key: 'success', label: '登录结果', type: 'select', options: [{ value: 'true', label: '成功' }, { value: 'false', label: '失败' }] },
      { key: 'from', label: '开始日期', type: 'date' },
      { key: 'to', label: '结束日期', type: 'date' },
    ],
    toParams: dateRange,
    loader: (p) => api.loginLog(p),
    columns: [
      { key: 'at', label: '登录时间', width: '180px', render: (it) => fmtDateTime(it.at) },
      { key: 'username', label: '用户名', render: (it) => h('span', { class: 'mono' }, it.username || '') },
      { key: 'success', label: '结果', width: '90px', className: 'center', render: (it) => (it.success ? h('span', { class: 'tag tag-green' }, '成功') : h('span', { class: 'tag tag-red' }, '失败')) },
      { key: 'reason', label: '说明', render: (it) => (it.reason ? (LOGIN_REASONS[it.reason] ?? it.reason) : '') },
      { key: 'ip', label: 'IP 地址', width: '180px', className: 'mono', render: (it) => it.ip || '' },
    ],
  });
}
