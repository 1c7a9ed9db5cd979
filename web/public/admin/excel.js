// Excel export / template download / import for importable modules.
import { download, upload, withQuery } from './api.js';
import { h, todayStamp } from './dom.js';
import { toast, toastError } from './toast.js';
import { alertDialog } from './dialog.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const safeName = (s) => String(s || '数据').replace(/[\\/:*?"<>|]/g, '_');

export async function exportExcel(module, params, button) {
  const busy = setBusy(button, '导出中…');
  try {
    await download(withQuery(`${module.path}/export.xlsx`, params), `${safeName(module.label)}_${todayStamp()}.xlsx`);
    toast('导出成功，文件已开始下载', 'success');
  } catch (err) {
    toastError(err, '导出失败');
  } finally {
    busy();
  }
}

export async function downloadTemplate(module, button) {
  const busy = setBusy(button, '下载中…');
  try {
    await download(`${module.path}/import-template.xlsx`, `${safeName(module.label)}_导入模板.xlsx`);
  } catch (err) {
    toastError(err, '模板下载失败');
  } finally {
    busy();
  }
}

/** Uploads the file; returns true when something was imported. */
export async function importExcel(module, file, button) {
  if (!file) return false;
  if (!/\.xlsx$/i.test(file.name)) {
    toast('请选择 .xlsx 格式的 Excel 文件（可先下载导入模板）', 'error');
    return false;
  }
  const busy = setBusy(button, '导入中…');
  try {
    const res = await upload(`${module.path}/import`, file, XLSX);
    const created = Number((res && res.created) || 0);
    const updated = Number((res && res.updated) || 0);
    toast(`导入成功：新增 ${created} 条，更新 ${updated} 条`, 'success', 6000);
    return true;
  } catch (err) {
    if (err && err.status === 400 && err.body && Array.isArray(err.body.rows)) {
      showImportErrors(module, file.name, err.body);
    } else {
      toastError(err, '导入失败');
    }
    return false;
  } finally {
    busy();
  }
}

function showImportErrors(module, fileName, body) {
  const labels = new Map((module.fields || []).map((f) => [f.name, f.label]));
  const rows = [...body.rows].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const fieldText = (f) => {
    if (!f) return '—';
    const top = String(f).split('.')[0];
    return labels.has(f) ? labels.get(f) : labels.has(top) ? `${labels.get(top)}（${f}）` : f;
  };
  const table = h('table', { id: 'import-errors', class: 'data-table compact' },
    h('thead', {}, h('tr', {}, h('th', { style: { width: '80px' } }, 'Excel 行号'), h('th', { style: { width: '160px' } }, '字段'), h('th', {}, '错误说明'))),
    h('tbody', {}, rows.map((r) => h('tr', { dataset: { row: String(r.row ?? '') } },
      h('td', { class: 'num' }, r.row ?? '—'), h('td', {}, fieldText(r.field)), h('td', { class: 'text-danger' }, r.message || '')))));
  const body0 = h('div', { class: 'import-result' },
    h('div', { class: 'alert alert-error' },
      h('b', {}, body.message || '导入失败'),
      h('div', {}, `文件「${fileName}」共有 ${rows.length} 处错误，本次未导入任何数据。请修改后重新导入。`)),
    h('div', { class: 'table-wrap scroll-y' }, table));
  alertDialog(`导入${module.label}失败`, body0, { width: 720, okText: '关闭' });
}

function setBusy(button, text) {
  if (!button) return () => {};
  const old = button.textContent;
  button.disabled = true;
  button.textContent = text;
  return () => { button.disabled = false; button.textContent = old; };
}
