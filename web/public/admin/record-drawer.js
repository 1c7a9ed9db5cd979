// Record drawer: view (with 变更记录), create and edit through the generic form.
import { api } from './api.js';
import { h, clear } from './dom.js';
import { openDrawer, openDialog, confirmDialog } from './dialog.js';
import { buildForm, buildDetails } from './form.js';
import { refLabelMap, invalidateRef } from './refs.js';
import { renderHistory } from './audit.js';
import { toast, toastError } from './toast.js';
import { openMoveRegion } from './move-region.js';

/** Applies a 400/409 answer to a form controller; returns true when it was a field error. */
export function applyServerErrors(ctrl, err) {
  const body = err && err.body;
  if (err && err.status === 400 && body && Array.isArray(body.fields) && body.fields.length) {
    ctrl.setErrors(body.fields);
    toast(body.message || '提交的数据有误，请检查标红的字段', 'error');
    return true;
  }
  if (err && err.status === 409 && body && body.field) {
    ctrl.setErrors([{ path: body.field, message: body.message || '该值已存在' }]);
    toast(body.message || '数据重复', 'error');
    return true;
  }
  if (err && (err.status === 400 || err.status === 409)) {
    ctrl.setGeneralError(err.message);
    toast(err.message, 'error');
    return true;
  }
  return false;
}

/** Dialog for a one-time secret (device/gateway creation). */
export function showSecret(secret, { title = '设备密钥', subject = '', warning = '请立即保存，该密钥只显示一次', detail = '关闭本窗口后将无法再次查看，遗失只能重新生成。' } = {}) {
  const code = h('code', { id: 'one-time-secret', class: 'secret-code' }, String(secret));
  const copyBtn = h('button', { type: 'button', class: 'btn btn-small', onclick: async () => {
    try {
      await navigator.clipboard.writeText(String(secret));
      toast('已复制到剪贴板', 'success');
    } catch {
      const r = document.createRange(); r.selectNodeContents(code);
      const s = getSelection(); s.removeAllRanges(); s.addRange(r);
      toast('请按 Ctrl+C 复制选中的内容', 'info');
    }
  } }, '复制');
  const ok = h('button', { type: 'button', class: 'btn btn-primary', id: 'secret-ok', onclick: () => d.close() }, '我已保存');
  const d = openDialog({
    title,
    width: 520,
    dismissable: false,
    className: 'dialog-secret',
    body: h('div', {},
      h('div', { class: 'alert alert-warning' }, h('b', {}, warning), h('div', {}, detail)),
      subject ? h('p', { class: 'muted' }, subject) : null,
      h('div', { class: 'secret-box' }, code, copyBtn)),
    footer: [ok],
  });
  return d;
}

/**
 * openRecord(module, { id, mode: 'view'|'edit'|'create', onChanged })
 * onChanged() is called after a successful save/move so the list reloads.
 */
export function openRecord(module, { id = null, mode = 'view', onChanged = () => {} } = {}) {
  let ctrl = null;
  let record = null;
  let tab = 'main';
  const drawer = openDrawer({
    title: '',
    width: 760,
    beforeClose: async () => {
      if (ctrl && ctrl.isDirty()) return confirmDialog('表单内容尚未保存，确定关闭吗？', { okText: '放弃修改', danger: true });
      return true;
    },
  });
  drawer.el.classList.add('record-drawer');
  drawer.el.dataset.module = module.name;

  const tabs = h('div', { class: 'tabs', role: 'tablist' });
  const content = h('div', { class: 'tab-content' });
  drawer.body.append(tabs, content);

  function setTitle() {
    const verb = mode === 'create' ? '新增' : mode === 'edit' ? '编辑' : '查看';
    drawer.setTitle(`${verb}${module.label}`);
  }

  function renderTabs() {
    clear(tabs);
    if (mode === 'create') { tabs.hidden = true; return; }
    tabs.hidden = false;
    const mk = (key, label) => h('button', { type: 'button', role: 'tab', class: `tab${tab === key ? ' active' : ''}`, 'aria-selected': String(tab === key), dataset: { tab: key },
      onclick: () => { if (tab !== key) { tab = key; render(); } } }, label);
    tabs.append(mk('main', mode === 'edit' ? '编辑信息' : '基本信息'), mk('history', '变更记录'));
  }

  async function loadRecord() {
    clear(content).append(h('div', { class: 'loading' }, '加载中…'));
    try {
      record = await api.get(module.path, id);
    } catch (err) {
      clear(content).append(h('div', { class: 'empty error' }, `加载失败：${err.message}`));
      toastError(err);
      return false;
    }
    return true;
  }

  async function renderView() {
    ctrl = null;
    const refMaps = new Map();
    await Promise.all((module.fields || []).filter((f) => f.ref).map(async (f) => refMaps.set(f.name, await refLabelMap(f.ref))));
    clear(content).append(buildDetails(module.fields || [], record, refMaps));
    clear(drawer.footer);
    const left = h('div', { class: 'foot-left' });
    if (module.canWrite && module.name === 'enterprises') {
      left.append(h('button', { type: 'button', class: 'btn', id: 'btn-move-region', onclick: () => openMoveRegion(record, async () => {
        onChanged();
        if (await loadRecord()) render();
      }) }, '属地调整'));
    }
    for (const action of module.actions || []) {
      left.append(h('button', { type: 'button', class: 'btn', dataset: { action: action.name }, onclick: () => runAction(action) }, action.label));
    }
    drawer.footer.append(left,
      h('button', { type: 'button', class: 'btn', onclick: () => drawer.close() }, '关闭'),
      module.canWrite ? h('button', { type: 'button', class: 'btn btn-primary', id: 'btn-edit', onclick: () => { mode = 'edit'; tab = 'main'; render(); } }, '编辑') : null);
  }

  async function runAction(action) {
    if (!(await confirmDialog(action.confirm, { title: action.label, okText: action.label, danger: true }))) return;
    try {
      await api.action(module.path, id, action.name);
      toast(`${action.label}成功`, 'success');
      onChanged();
      if (await loadRecord()) render();
    } catch (err) {
      toastError(err, `${action.label}失败`);
    }
  }

  function renderForm() {
    if (!ctrl || ctrl.mode !== mode) {
      ctrl = buildForm({ fields: module.fields || [], record: mode === 'edit' ? record : defaults(module), mode });
      ctrl.mode = mode;
      ctrl.form.addEventListener('submit', (ev) => { ev.preventDefault(); save(); });
    }
    clear(content).append(ctrl.form);
    clear(drawer.footer);
    drawer.footer.append(
      h('div', { class: 'foot-left muted small' }, h('span', { class: 'req-mark' }, '*'), ' 为必填项'),
      h('button', { type: 'button', class: 'btn', onclick: () => (mode === 'edit' && id !== null ? confirmLeaveEdit() : drawer.close()) }, '取消'),
      h('button', { type: 'submit', class: 'btn btn-primary', id: 'record-submit', form: 'record-form' }, '保存'));
  }

  async function confirmLeaveEdit() {
    if (ctrl && ctrl.isDirty() && !(await confirmDialog('表单内容尚未保存，确定放弃修改吗？', { okText: '放弃修改', danger: true }))) return;
    ctrl = null;
    mode = 'view';
    render();
  }

  async function renderHistoryTab() {
    clear(drawer.footer);
    drawer.footer.append(h('div', { class: 'foot-left' }), h('button', { type: 'button', class: 'btn', onclick: () => drawer.close() }, '关闭'));
    clear(content).append(h('div', { class: 'loading' }, '加载中…'));
    try {
      const res = await api.audit({ module: module.name, recordId: id, page: 1, pageSize: 200 });
      const items = (res && res.items) || [];
      items.sort((a, b) => String(b.at).localeCompare(String(a.at)));
      clear(content).append(h('div', { class: 'history' },
        h('div', { class: 'muted small history-total' }, `共 ${res && res.total != null ? res.total : items.length} 条变更记录`),
        renderHistory(items, module.fields || [])));
    } catch (err) {
      clear(content).append(h('div', { class: 'empty error' }, `变更记录加载失败：${err.message}`));
    }
  }

  async function render() {
    setTitle();
    renderTabs();
    if (tab === 'history') return renderHistoryTab();
    if (mode === 'view') return renderView();
    // 'edit' keeps an existing form when switching back from the history tab
    return renderForm();
  }

  async function save() {
    const submit = document.getElementById('record-submit');
    const { values, errors } = ctrl.collect();
    if (errors.length) {
      ctrl.setErrors(errors);
      return;
    }
    ctrl.clearErrors();
    // PUT sends the full record: unchanged and read-only (computed) fields as loaded, edited fields from the form
    const body = mode === 'edit' ? { ...record, ...values } : values;
    if (submit) { submit.disabled = true; submit.textContent = '保存中…'; }
    try {
      const saved = mode === 'edit' ? await api.update(module.path, id, body) : await api.create(module.path, body);
      invalidateRef(module.name);
      ctrl.markClean();
      toast(mode === 'edit' ? '保存成功' : '新增成功', 'success');
      onChanged();
      if (saved && saved.secret) showSecret(saved.secret, { title: `${module.label}密钥`, subject: `${saved.name || saved.code || ''}${saved.code && saved.name ? `（${saved.code}）` : ''}` });
      drawer.close();
    } catch (err) {
      if (!applyServerErrors(ctrl, err)) toastError(err, '保存失败');
    } finally {
      if (submit && submit.isConnected) { submit.disabled = false; submit.textContent = '保存'; }
    }
  }

  (async () => {
    setTitle();
    if (mode !== 'create') {
      if (!(await loadRecord())) return;
    }
    render();
  })();
  return drawer;
}

function defaults(module) {
  const out = {};
  for (const f of module.fields || []) if (f.default !== undefined) out[f.name] = f.default;
  return out;
}
