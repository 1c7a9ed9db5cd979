// 属地调整: POST /api/enterprises/{id}/move-region { regionCode, parkId?, reason }.
import { api } from './api.js';
import { h } from './dom.js';
import { openDialog } from './dialog.js';
import { buildForm } from './form.js';
import { organizations, regionOptions } from './regions.js';
import { toast, toastError } from './toast.js';
import { applyServerErrors } from './record-drawer.js';

export async function openMoveRegion(record, onDone) {
  const [orgs, regions] = await Promise.all([organizations(), regionOptions()]);
  const parks = orgs.filter((o) => o.kind === 'park').map((o) => ({ value: o.id, label: o.regionCode ? `${o.name}（${o.regionCode}）` : o.name }));
  const fields = [
    { name: 'regionCode', label: '新属地行政区划', type: regions.length ? 'enum' : 'string', required: true, options: regions.length ? regions.map((r) => ({ value: r.value, label: `${r.value} ${r.label}` })) : undefined, help: '6位行政区划代码；调整后该企业由新属地的监管部门管辖' },
    { name: 'parkId', label: '所属化工园区', type: 'enum', required: false, options: parks, help: parks.length ? '不在园区内的企业可不选' : '当前无可选园区' },
    { name: 'reason', label: '调整原因', type: 'string', required: true, multiline: true, wide: true },
  ];
  const ctrl = buildForm({ fields, record: { regionCode: record.regionCode ?? '', parkId: record.parkId ?? null }, mode: 'create', id: 'move-region-form', columns: 1 });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'move-region-submit', form: 'move-region-form' }, '确定调整');
  const d = openDialog({
    title: '属地调整',
    width: 560,
    body: h('div', {},
      h('div', { class: 'alert alert-info' }, `企业：${record.name || ''}${record.code ? `（${record.code}）` : ''}　当前属地：${record.regionName || record.regionCode || '—'}`),
      ctrl.form),
    footer: [h('button', { type: 'button', class: 'btn', onclick: () => d.close() }, '取消'), submit],
  });
  ctrl.form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const { values, errors } = ctrl.collect();
    if (values.regionCode && !/^\d{6}$/.test(values.regionCode)) errors.push({ path: 'regionCode', message: '行政区划代码应为6位数字' });
    if (errors.length) return ctrl.setErrors(errors);
    const body = { regionCode: values.regionCode, reason: values.reason };
    if (values.parkId !== null && values.parkId !== undefined) body.parkId = values.parkId;
    submit.disabled = true;
    try {
      await api.moveRegion(record.id, body);
      toast('属地调整成功', 'success');
      d.close();
      onDone && onDone();
    } catch (err) {
      if (!applyServerErrors(ctrl, err)) toastError(err, '属地调整失败');
    } finally {
      submit.disabled = false;
    }
  });
}
