// 用户管理: scoped user list, create/edit in the drawer form, reset password (shown once).
import { api } from './api.js';
import { h, clear, fmtDateTime } from './dom.js';
import { buildFilterBar } from './filters.js';
import { renderTable, renderPager } from './table.js';
import { openDrawer, confirmDialog } from './dialog.js';
import { buildForm } from './form.js';
import { organizations } from './regions.js';
import { ROLES, roleLabel, orgKindLabel } from './labels.js';
import { applyServerErrors, showSecret } from './record-drawer.js';
import { toast, toastError } from './toast.js';

export function renderUsersPage(root, { pageHeader }) {
  const state = { page: 1, pageSize: 20, filters: {}, seq: 0 };
  root.append(pageHeader('用户管理', '管理本级及下级单位的系统账号。新建账号和重置后的密码为临时密码，用户首次登录须修改。', '系统管理'));

  const filterBar = buildFilterBar({
    items: [
      { key: 'q', label: '关键字', type: 'text', placeholder: '用户名、姓名、电话' },
      { key: 'role', label: '角色', type: 'select', options: ROLES },
      { key: 'disabled', label: '状态', type: 'select', options: [{ value: 'false', label: '正常' }, { value: 'true', label: '已停用' }] },
    ],
    onSearch: (v) => { state.filters = v; state.page = 1; load(); },
  });
  root.append(h('section', { class: 'card card-filter' }, filterBar.el));

  const toolbar = h('div', { class: 'toolbar' },
    h('div', { class: 'toolbar-left' }, h('button', { type: 'button', class: 'btn btn-primary', id: 'btn-create', onclick: () => openUser(null) }, h('span', { class: 'btn-icon' }, '+'), '新增用户')),
    h('div', { class: 'toolbar-right' }, h('button', { type: 'button', class: 'btn btn-icon-only', title: '刷新', 'aria-label': '刷新', onclick: () => load() }, '⟳')));
  const tableBox = h('div', { class: 'table-box' });
  const pagerBox = h('div', { class: 'pager-box' });
  root.append(h('section', { class: 'card card-table' }, toolbar, tableBox, pagerBox));

  const columns = [
    { key: 'username', label: '用户名', render: (u) => h('span', { class: 'mono' }, u.username) },
    { key: 'displayName', label: '姓名' },
    { key: 'role', label: '角色', render: (u) => h('span', { class: 'tag tag-plain' }, roleLabel(u.role)) },
    { key: 'organizationName', label: '所属单位' },
    { key: 'regionCode', label: '行政区划', className: 'mono' },
    { key: 'phone', label: '联系电话', className: 'mono' },
    { key: 'disabled', label: '状态', className: 'center', render: (u) => (u.disabled ? h('span', { class: 'tag tag-gray' }, '已停用') : h('span', { class: 'tag tag-green' }, '正常')) },
    { key: 'mustChangePassword', label: '密码', className: 'center', render: (u) => (u.mustChangePassword ? h('span', { class: 'tag tag-orange' }, '待修改') : h('span', { class: 'muted' }, '已设置')) },
    { key: 'lastLoginAt', label: '最后登录', render: (u) => (u.lastLoginAt ? fmtDateTime(u.lastLoginAt) : h('span', { class: 'muted' }, '从未登录')) },
  ];

  async function load() {
    const my = ++state.seq;
    let res;
    try {
      res = await api.users({ page: state.page, pageSize: state.pageSize, ...state.filters });
    } catch (err) {
      if (my !== state.seq) return;
      clear(tableBox).append(renderTable({ columns, rows: [], empty: `加载失败：${err.message}` }));
      toastError(err, '用户列表加载失败');
      return;
    }
    if (my !== state.seq) return;
    let items = (res && res.items) || [];
    let total = Number((res && res.total) ?? items.length);
    if (items.length > state.pageSize || (total === items.length && items.length > 0)) {
      // server returned the whole scoped list: filter and page here
      const f = state.filters;
      const q = (f.q || '').toLowerCase();
      items = items.filter((u) => (!q || [u.username, u.displayName, u.phone, u.organizationName].some((x) => String(x || '').toLowerCase().includes(q)))
        && (!f.role || u.role === f.role)
        && (f.disabled === undefined || String(Boolean(u.disabled)) === f.disabled));
      total = items.length;
      items = items.slice((state.page - 1) * state.pageSize, state.page * state.pageSize);
    }
    clear(tableBox).append(renderTable({ columns, rows: items, actions: rowActions, empty: '暂无用户' }));
    clear(pagerBox).append(renderPager({ page: state.page, pageSize: state.pageSize, total, onChange: ({ page, pageSize }) => { state.page = page; state.pageSize = pageSize; load(); } }));
  }

  function rowActions(u) {
    return [
      h('a', { href: 'javascript:void 0', class: 'act', dataset: { action: 'edit' }, onclick: () => openUser(u) }, '编辑'),
      h('a', { href: 'javascript:void 0', class: 'act', dataset: { action: 'reset-password' }, onclick: () => resetPassword(u) }, '重置密码'),
      h('a', { href: 'javascript:void 0', class: `act ${u.disabled ? '' : 'text-danger'}`, dataset: { action: u.disabled ? 'enable' : 'disable' }, onclick: () => toggleDisabled(u) }, u.disabled ? '启用' : '停用'),
    ];
  }

  async function resetPassword(u) {
    if (!(await confirmDialog(`确定重置用户「${u.displayName || u.username}」的密码吗？重置后原密码立即失效。`, { title: '重置密码', okText: '重置' }))) return;
    try {
      const res = await api.resetPassword(u.id);
      showSecret(res && res.password, {
        title: '新的临时密码',
        subject: `用户：${u.displayName || ''}（${u.username}）`,
        warning: '请立即保存，该密码只显示一次',
        detail: '请通过安全渠道告知用户；用户使用该密码登录后须立即修改。',
      });
      load();
    } catch (err) {
      toastError(err, '重置密码失败');
    }
  }

  async function toggleDisabled(u) {
    const to = !u.disabled;
    if (to && !(await confirmDialog(`确定停用用户「${u.displayName || u.username}」吗？停用后该账号无法登录。`, { title: '停用账号', okText: '停用', danger: true }))) return;
    try {
      await api.updateUser(u.id, { displayName: u.displayName, role: u.role, organizationId: u.organizationId, phone: u.phone ?? null, disabled: to });
      toast(to ? '账号已停用' : '账号已启用', 'success');
      load();
    } catch (err) {
      toastError(err, '操作失败');
    }
  }

  async function openUser(user) {
    const editing = Boolean(user);
    const orgs = await organizations();
    const orgOptions = orgs.map((o) => ({ value: o.id, label: `${o.name}${o.kind ? `（${orgKindLabel(o.kind)}）` : ''}` }));
    if (editing && user.organizationId != null && !orgOptions.some((o) => String(o.value) === String(user.organizationId))) {
      orgOptions.push({ value: user.organizationId, label: user.organizationName || `#${user.organizationId}` });
    }
    const fields = [
      { name: 'username', label: '用户名', type: 'string', required: true, readOnly: editing, help: editing ? '' : '字母、数字、下划线，创建后不可修改' },
      { name: 'displayName', label: '姓名', type: 'string', required: true },
      { name: 'role', label: '角色', type: 'enum', required: true, options: ROLES },
      { name: 'organizationId', label: '所属单位', type: 'enum', required: true, options: orgOptions },
      { name: 'phone', label: '联系电话', type: 'string', required: false },
      editing
        ? { name: 'disabled', label: '停用账号', type: 'boolean', required: false, help: '停用后该账号无法登录' }
        : { name: 'password', label: '初始密码', type: 'string', inputType: 'password', required: true, help: '用户首次登录后须修改密码' },
    ];
    let ctrl;
    const drawer = openDrawer({
      title: editing ? `编辑用户 · ${user.username}` : '新增用户',
      width: 640,
      beforeClose: async () => (ctrl && ctrl.isDirty() ? confirmDialog('表单内容尚未保存，确定关闭吗？', { okText: '放弃修改', danger: true }) : true),
    });
    ctrl = buildForm({ fields, record: editing ? user : {}, mode: editing ? 'edit' : 'create' });
    drawer.body.append(ctrl.form);
    const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'record-submit', form: 'record-form' }, '保存');
    drawer.footer.append(
      h('div', { class: 'foot-left muted small' }, h('span', { class: 'req-mark' }, '*'), ' 为必填项'),
      h('button', { type: 'button', class: 'btn', onclick: () => drawer.close() }, '取消'),
      submit);
    ctrl.form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const { values, errors } = ctrl.collect();
      if (errors.length) return ctrl.setErrors(errors);
      submit.disabled = true;
      try {
        if (editing) {
          await api.updateUser(user.id, { displayName: values.displayName, role: values.role, organizationId: values.organizationId, phone: values.phone, disabled: Boolean(values.disabled) });
        } else {
          await api.createUser({ username: values.username, displayName: values.displayName, role: values.role, organizationId: values.organizationId, phone: values.phone, password: values.password });
        }
        ctrl.markClean();
        toast(editing ? '保存成功' : '用户已创建', 'success');
        drawer.close();
        load();
      } catch (err) {
        if (!applyServerErrors(ctrl, err)) toastError(err, '保存失败');
      } finally {
        submit.disabled = false;
      }
    });
  }

  load();
}
