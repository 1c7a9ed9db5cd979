// Generic module page: filters, toolbar (新增/导出/模板/导入), table, paging — all from module metadata.
import { api } from './api.js';
import { h, clear } from './dom.js';
import { buildFilterBar } from './filters.js';
import { renderTable, renderPager } from './table.js';
import { formatValue } from './form.js';
import { refLabelMap, invalidateRef } from './refs.js';
import { openRecord } from './record-drawer.js';
import { confirmDialog } from './dialog.js';
import { exportExcel, downloadTemplate, importExcel } from './excel.js';
import { toast, toastError } from './toast.js';

export function renderModulePage(root, module, { pageHeader }) {
  const fields = module.fields || [];
  const byName = new Map(fields.map((f) => [f.name, f]));
  const columnNames = Array.isArray(module.columns) && module.columns.length ? module.columns : fields.filter((f) => f.type !== 'json' && f.type !== 'array').slice(0, 8).map((f) => f.name);
  const state = { page: 1, pageSize: 20, filters: {}, seq: 0 };

  root.append(pageHeader(module.label, module.description || ''));

  const filterItems = [{ key: 'q', label: '关键字', type: 'text', placeholder: '名称、编码等关键字' }]
    .concat((module.filters || []).map((f) => ({ key: f.field, label: f.label || (byName.get(f.field) || {}).label || f.field, type: f.type, options: f.options || (byName.get(f.field) || {}).options, ref: f.ref })));
  const filterBar = buildFilterBar({ items: filterItems, onSearch: (vals) => { state.filters = vals; state.page = 1; load(); } });
  root.append(h('section', { class: 'card card-filter' }, filterBar.el));

  const importInput = h('input', { type: 'file', id: 'import-file', accept: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', hidden: true });
  const btnCreate = module.canWrite ? h('button', { type: 'button', class: 'btn btn-primary', id: 'btn-create', onclick: () => openRecord(module, { mode: 'create', onChanged: reload }) }, h('span', { class: 'btn-icon' }, '+'), '新增') : null;
  const btnExport = h('button', { type: 'button', class: 'btn', id: 'btn-export', onclick: (ev) => exportExcel(module, state.filters, ev.currentTarget) }, '导出Excel');
  const canImport = module.importable && module.canWrite;
  const btnTemplate = canImport ? h('button', { type: 'button', class: 'btn', id: 'btn-template', onclick: (ev) => downloadTemplate(module, ev.currentTarget) }, '下载导入模板') : null;
  const btnImport = canImport ? h('button', { type: 'button', class: 'btn', id: 'btn-import', onclick: () => importInput.click() }, '导入') : null;
  importInput.addEventListener('change', async () => {
    const file = importInput.files && importInput.files[0];
    importInput.value = '';
    if (file && (await importExcel(module, file, btnImport))) { invalidateRef(module.name); reload(); }
  });
  const toolbar = h('div', { class: 'toolbar' },
    h('div', { class: 'toolbar-left' }, btnCreate, btnExport, btnTemplate, btnImport, canImport ? importInput : null),
    h('div', { class: 'toolbar-right' },
      h('button', { type: 'button', class: 'btn btn-icon-only', title: '刷新', 'aria-label': '刷新', onclick: () => reload() }, '⟳')));
  const tableBox = h('div', { class: 'table-box' });
  const pagerBox = h('div', { class: 'pager-box' });
  root.append(h('section', { class: 'card card-table' }, toolbar, tableBox, pagerBox));

  const refFields = columnNames.map((n) => byName.get(n)).filter((f) => f && f.ref);

  async function load() {
    const my = ++state.seq;
    tableBox.classList.add('is-loading');
    if (!tableBox.firstChild) tableBox.append(renderTable({ columns: tableColumns(new Map()), rows: [], loading: true }));
    let res;
    let refMaps;
    try {
      [res, refMaps] = await Promise.all([
        api.list(module.path, { page: state.page, pageSize: state.pageSize, ...state.filters }),
        Promise.all(refFields.map(async (f) => [f.name, await refLabelMap(f.ref)])).then((e) => new Map(e)),
      ]);
    } catch (err) {
      if (my !== state.seq) return;
      tableBox.classList.remove('is-loading');
      clear(tableBox).append(renderTable({ columns: tableColumns(new Map()), rows: [], empty: `加载失败：${err.message}` }));
      toastError(err, `${module.label}列表加载失败`);
      return;
    }
    if (my !== state.seq) return;
    const items = (res && res.items) || [];
    const total = Number((res && res.total) ?? items.length);
    if (!items.length && total > 0 && state.page > 1) {
      state.page = Math.max(1, Math.ceil(total / state.pageSize));
      return load();
    }
    tableBox.classList.remove('is-loading');
    clear(tableBox).append(renderTable({
      columns: tableColumns(refMaps),
      rows: items,
      actions: rowActions,
      empty: Object.keys(state.filters).length ? '没有符合条件的记录' : '暂无数据',
    }));
    clear(pagerBox).append(renderPager({ page: state.page, pageSize: state.pageSize, total, onChange: ({ page, pageSize }) => { state.page = page; state.pageSize = pageSize; load(); } }));
  }

  function tableColumns(refMaps) {
    return columnNames.map((name, i) => {
      const f = byName.get(name) || { name, label: name, type: 'string' };
      const numeric = (f.type === 'number' || f.type === 'integer') && !f.ref && !(f.options && f.options.length);
      return {
        key: name,
        label: f.label || name,
        className: [numeric ? 'num' : '', f.type === 'boolean' ? 'center' : ''].filter(Boolean).join(' ') || null,
        render: (row) => {
          const text = formatValue(f, row[name], { compact: true, refLabels: refMaps.get(name), record: row });
          if (i === 0 && text !== '') return h('a', { href: 'javascript:void 0', class: 'cell-link', onclick: () => openRecord(module, { id: row.id, mode: 'view', onChanged: reload }) }, text);
          if (f.type === 'boolean' && text) return h('span', { class: `tag ${text === '是' ? 'tag-green' : 'tag-gray'}` }, text);
          return text;
        },
      };
    });
  }

  function rowActions(row) {
    const out = [h('a', { href: 'javascript:void 0', class: 'act act-view', dataset: { action: 'view' }, onclick: () => openRecord(module, { id: row.id, mode: 'view', onChanged: reload }) }, '查看')];
    if (module.canWrite) {
      out.push(
        h('a', { href: 'javascript:void 0', class: 'act act-edit', dataset: { action: 'edit' }, onclick: () => openRecord(module, { id: row.id, mode: 'edit', onChanged: reload }) }, '编辑'),
        h('a', { href: 'javascript:void 0', class: 'act act-delete text-danger', dataset: { action: 'delete' }, onclick: () => remove(row) }, '删除'));
    }
    return out;
  }

  async function remove(row) {
    if (!(await confirmDialog('确定删除该记录吗？', { title: '删除确认', okText: '删除', danger: true }))) return;
    try {
      await api.remove(module.path, row.id);
      invalidateRef(module.name);
      toast('删除成功', 'success');
      reload();
    } catch (err) {
      toastError(err, '删除失败');
    }
  }

  function reload() { load(); }

  load();
}
