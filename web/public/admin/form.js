// Generic record form built from module field metadata, plus value formatting for display.
import { h, esc, fmtDate, fmtDateTime, toDateInput, cssEscape } from './dom.js';
import { refOptions } from './refs.js';

const isJsonType = (t) => t === 'json' || t === 'array';

/** Label of an option value (loose comparison so 2 and "2" match). */
export function optionLabel(options, value) {
  if (!Array.isArray(options)) return null;
  const o = options.find((x) => String(x.value) === String(value));
  return o ? o.label : null;
}

function looksLikeDateTime(v) {
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(v);
}

/**
 * Display text of a value. compact: short form for table cells.
 * refLabels: Map(idString -> label) for ref fields; record: to find "<x>Name" companions.
 */
export function formatValue(field, value, { compact = false, refLabels, record } = {}) {
  if (field && field.ref) {
    if (value === null || value === undefined || value === '') return '';
    const companion = record && record[String(field.name).replace(/Id$/, 'Name')];
    if (typeof companion === 'string' && companion && companion !== value) return companion;
    const l = refLabels && refLabels.get(String(value));
    return l || String(value);
  }
  if (value === null || value === undefined || value === '') return '';
  const type = field ? field.type : typeof value;
  if (field && Array.isArray(field.options) && field.options.length && !isJsonType(type)) {
    if (Array.isArray(value)) return value.map((v) => optionLabel(field.options, v) ?? String(v)).join('、');
    const l = optionLabel(field.options, value);
    if (l !== null) return l;
  }
  switch (type) {
    case 'boolean':
      return value === true || value === 'true' || value === 1 ? '是' : '否';
    case 'date':
      if (looksLikeDateTime(value)) {
        // a DATE column serialised as a timestamp (local or UTC midnight) is shown as a date
        const d = new Date(value);
        if (!Number.isNaN(d.getTime()) && (d.getHours() || d.getMinutes() || d.getSeconds()) && !/T00:00:00(\.0+)?Z$/.test(value)) return fmtDateTime(value);
      }
      return fmtDate(value);
    case 'number':
    case 'integer':
      return String(value);
    case 'json':
    case 'array': {
      if (compact) {
        if (Array.isArray(value)) return value.length ? `${value.length} 项` : '';
        if (typeof value === 'object') {
          if (value.type && typeof value.type === 'string') return value.type;
          const n = Object.keys(value).length;
          return n ? `${n} 项属性` : '';
        }
        return String(value);
      }
      return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
    }
    case 'enum':
      return String(value);
    default:
      if (typeof value === 'boolean') return value ? '是' : '否';
      if (looksLikeDateTime(value)) return fmtDateTime(value);
      if (typeof value === 'object') return JSON.stringify(value);
      return String(value);
  }
}

function jsonHint(field) {
  if (field.type === 'array') return 'JSON 数组格式，例如 [ { … }, { … } ]；留空表示无。';
  return 'JSON 格式（对象或数组），请保持双引号与逗号正确。';
}

/** Chinese JSON syntax error with line/column when the engine tells the position. */
function jsonErrorText(raw, err) {
  const msg = String((err && err.message) || err);
  let line = null;
  let col = null;
  const lc = /line (\d+) column (\d+)/.exec(msg);
  const pos = /position (\d+)/.exec(msg);
  if (lc) { line = Number(lc[1]); col = Number(lc[2]); } else if (pos) {
    const before = raw.slice(0, Number(pos[1]));
    line = before.split('\n').length;
    col = before.length - before.lastIndexOf('\n');
  }
  const where = line ? `第 ${line} 行第 ${col} 列附近` : '';
  return `JSON 格式错误${where ? `（${where}）` : ''}：请检查引号、逗号和括号是否成对，末尾不能有多余的逗号`;
}

/** "sensors.0.high" -> "第 1 项 · high" (relative to the top-level field). */
function nestedLabel(rest) {
  return rest.map((seg) => (/^\d+$/.test(seg) ? `第 ${Number(seg) + 1} 项` : seg)).join(' · ');
}

/**
 * buildForm({ fields, record, mode, id }) -> controller
 *   form: the <form> element (inputs are [name=<field>])
 *   collect(): { values, errors: [{path, message}] } (local validation)
 *   setErrors([{path, message}]), clearErrors(), isDirty(), ready (Promise: ref selects filled)
 */
export function buildForm({ fields, record = {}, mode = 'create', id = 'record-form', columns = 2 }) {
  const form = h('form', { id, class: `record-form cols-${columns}`, novalidate: true, autocomplete: 'off' });
  const general = h('div', { class: 'form-general-error', hidden: true, role: 'alert' });
  form.append(general);
  const grid = h('div', { class: 'form-grid' });
  form.append(grid);
  const controls = new Map(); // name -> { field, input, item, errBox, extra }
  const refLoads = [];
  let dirty = false;

  for (const field of fields) {
    if (field.hidden) continue;
    if (field.readOnly && mode === 'create') continue;
    const value = record ? record[field.name] : undefined;
    const inputId = `f-${id}-${field.name}`;
    const wide = isJsonType(field.type) || field.multiline || field.wide;
    const item = h('div', {
      class: `form-item${field.required && !field.readOnly ? ' is-required' : ''}${wide ? ' is-wide' : ''}${field.readOnly ? ' is-readonly' : ''}`,
      dataset: { field: field.name },
    });
    const label = h('label', { class: 'form-label', for: inputId, title: field.label }, field.label || field.name);
    const errBox = h('div', { class: 'field-error', dataset: { field: field.name }, role: 'alert' });
    const nestedBox = isJsonType(field.type) ? h('div', { class: 'field-error-list' }) : null;
    let input;

    if (field.readOnly) {
      const text = formatValue(field, value, { record });
      input = isJsonType(field.type) || field.multiline
        ? h('textarea', { id: inputId, name: field.name, class: 'input textarea readonly', readOnly: true, rows: 4, value: text })
        : h('input', { id: inputId, name: field.name, class: 'input readonly', readOnly: true, value: text, tabindex: '-1' });
    } else if (field.ref) {
      input = h('select', { id: inputId, name: field.name, class: 'input select' }, h('option', { value: '' }, '加载中…'));
      input.disabled = true;
      const p = refOptions(field.ref).then((opts) => {
        input.textContent = '';
        input.append(h('option', { value: '' }, field.required ? '请选择' : '（无）'));
        let found = false;
        opts.forEach((o) => {
          const sel = value !== null && value !== undefined && String(o.value) === String(value);
          if (sel) found = true;
          input.append(h('option', { value: String(o.value), selected: sel }, o.label));
        });
        if (!found && value !== null && value !== undefined && value !== '') {
          // current value outside the caller's visible list: keep it
          opts = [...opts, { value, label: `${record[String(field.name).replace(/Id$/, 'Name')] || '#' + value}` }];
          input.append(h('option', { value: String(value), selected: true }, opts[opts.length - 1].label));
        }
        input._options = opts;
        input.disabled = false;
      }).catch(() => {
        input.textContent = '';
        input.append(h('option', { value: '' }, '选项加载失败'));
        input._options = [];
        if (value !== null && value !== undefined && value !== '') {
          input._options = [{ value, label: String(value) }];
          input.append(h('option', { value: String(value), selected: true }, `#${value}`));
        }
        input.disabled = false;
      });
      refLoads.push(p);
    } else if (field.type === 'boolean') {
      input = h('input', { id: inputId, name: field.name, type: 'checkbox', class: 'checkbox', checked: value === true || value === 'true' || value === 1 || (mode === 'create' && value === undefined && field.default === true) });
      input = h('label', { class: 'switch' }, input, h('span', { class: 'switch-text' }, '是'));
    } else if (field.type === 'enum' || (Array.isArray(field.options) && field.options.length && !isJsonType(field.type))) {
      input = h('select', { id: inputId, name: field.name, class: 'input select' },
        h('option', { value: '' }, field.required ? '请选择' : '（无）'),
        (field.options || []).map((o) => h('option', { value: String(o.value), selected: value !== null && value !== undefined && String(o.value) === String(value) }, o.label)));
      input._options = field.options || [];
    } else if (field.type === 'date') {
      input = h('input', { id: inputId, name: field.name, type: 'date', class: 'input', value: toDateInput(value) });
    } else if (field.type === 'number' || field.type === 'integer') {
      input = h('input', { id: inputId, name: field.name, type: 'number', class: 'input', step: field.type === 'integer' ? '1' : 'any', inputmode: field.type === 'integer' ? 'numeric' : 'decimal', value: value === null || value === undefined ? '' : String(value) });
    } else if (isJsonType(field.type)) {
      let text = '';
      if (value !== null && value !== undefined) text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
      const lines = Math.min(18, Math.max(5, text.split('\n').length + 1));
      input = h('textarea', { id: inputId, name: field.name, class: 'input textarea code', rows: lines, spellcheck: 'false', value: text });
    } else if (field.multiline) {
      input = h('textarea', { id: inputId, name: field.name, class: 'input textarea', rows: 3, value: value ?? '' });
    } else {
      input = h('input', { id: inputId, name: field.name, type: field.inputType || 'text', class: 'input', value: value === null || value === undefined ? '' : String(value), maxlength: field.maxLength || null, autocomplete: field.inputType === 'password' ? 'new-password' : null, placeholder: field.placeholder || null });
    }

    const help = field.help || (isJsonType(field.type) && !field.readOnly ? jsonHint(field) : '');
    const helpEl = help ? h('div', { class: 'form-help' }, isJsonType(field.type) && field.help ? `${field.help}（${jsonHint(field)}）` : help) : null;
    const controlWrap = h('div', { class: 'form-control' }, input, helpEl, errBox, nestedBox);
    item.append(label, controlWrap);
    grid.append(item);
    const realInput = input.tagName === 'LABEL' ? input.querySelector('input') : input;
    controls.set(field.name, { field, input: realInput, item, errBox, nestedBox });
  }

  form.addEventListener('input', (ev) => {
    dirty = true;
    const item = ev.target.closest && ev.target.closest('.form-item');
    if (item && item.classList.contains('has-error')) clearFieldError(item.dataset.field);
  });
  form.addEventListener('change', () => { dirty = true; });

  function clearFieldError(name) {
    const c = controls.get(name);
    if (!c) return;
    c.item.classList.remove('has-error');
    c.errBox.textContent = '';
    if (c.nestedBox) c.nestedBox.textContent = '';
  }

  function clearErrors() {
    for (const name of controls.keys()) clearFieldError(name);
    general.hidden = true;
    general.textContent = '';
  }

  function setErrors(list) {
    clearErrors();
    let first = null;
    const generalMsgs = [];
    for (const e of list || []) {
      const path = String(e.path ?? e.field ?? '');
      const msg = e.message || '格式不正确';
      const segs = path.split('.').filter(Boolean);
      const c = controls.get(segs[0]) || controls.get(path);
      if (!c) {
        generalMsgs.push({ path, msg });
        continue;
      }
      c.item.classList.add('has-error');
      if (!first) first = c;
      if (segs.length > 1 && c.nestedBox) {
        c.nestedBox.append(h('div', { class: 'field-error', dataset: { field: path }, role: 'alert' }, `${nestedLabel(segs.slice(1))}：${msg}`));
      } else if (segs.length > 1) {
        c.errBox.textContent = c.errBox.textContent ? `${c.errBox.textContent}；${msg}` : `${nestedLabel(segs.slice(1))}：${msg}`;
      } else {
        c.errBox.textContent = c.errBox.textContent ? `${c.errBox.textContent}；${msg}` : msg;
      }
    }
    if (generalMsgs.length) {
      general.hidden = false;
      general.textContent = '';
      for (const g of generalMsgs) {
        general.append(h('div', { class: 'field-error', dataset: { field: g.path || '_' } }, g.path ? `${g.path}：${g.msg}` : g.msg));
      }
      if (!first) general.scrollIntoView({ block: 'nearest' });
    }
    if (first) {
      first.item.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
      try { first.input.focus({ preventScroll: true }); } catch { /* ignore */ }
    }
  }

  function setGeneralError(msg) {
    general.hidden = !msg;
    general.textContent = msg || '';
  }

  function collect() {
    const values = {};
    const errors = [];
    for (const [name, { field, input }] of controls) {
      if (field.readOnly) continue;
      const label = field.label || name;
      let v;
      if (field.ref || input.tagName === 'SELECT') {
        const opts = input._options || [];
        const hit = input.value === '' ? null : opts.find((o) => String(o.value) === input.value);
        v = hit ? hit.value : (input.value === '' ? null : input.value);
        if (field.required && (v === null || v === undefined)) errors.push({ path: name, message: `请选择${label}` });
      } else if (field.type === 'boolean') {
        v = input.checked;
      } else if (field.type === 'number' || field.type === 'integer') {
        const raw = input.value.trim();
        if (input.validity && input.validity.badInput) {
          errors.push({ path: name, message: '请输入有效的数字' });
          continue;
        }
        if (raw === '') v = null;
        else {
          v = Number(raw);
          if (!Number.isFinite(v)) errors.push({ path: name, message: '请输入有效的数字' });
          else if (field.type === 'integer' && !Number.isInteger(v)) errors.push({ path: name, message: '请输入整数' });
        }
        if (field.required && v === null) errors.push({ path: name, message: `请输入${label}` });
      } else if (isJsonType(field.type)) {
        const raw = input.value.trim();
        if (raw === '') {
          v = field.type === 'array' ? [] : null;
          if (field.required && field.type !== 'array') errors.push({ path: name, message: `请填写${label}` });
        } else {
          try {
            v = JSON.parse(raw);
            if (field.type === 'array' && !Array.isArray(v)) errors.push({ path: name, message: '应为 JSON 数组（以 [ 开头）' });
          } catch (err) {
            errors.push({ path: name, message: jsonErrorText(raw, err) });
          }
        }
      } else if (field.type === 'date') {
        v = input.value || null;
        if (field.required && !v) errors.push({ path: name, message: `请选择${label}` });
      } else {
        const raw = input.value.trim();
        v = raw === '' ? null : raw;
        if (field.required && v === null) errors.push({ path: name, message: `请输入${label}` });
      }
      values[name] = v;
    }
    return { values, errors };
  }

  return {
    form,
    controls,
    collect,
    setErrors,
    clearErrors,
    setGeneralError,
    isDirty: () => dirty,
    markClean: () => { dirty = false; },
    ready: Promise.allSettled(refLoads),
  };
}

/** Read-only description list of a record. */
export function buildDetails(fields, record, refLabelsByField = new Map()) {
  const dl = h('dl', { class: 'details' });
  for (const field of fields) {
    if (field.hidden) continue;
    const v = record[field.name];
    const text = formatValue(field, v, { record, refLabels: refLabelsByField.get(field.name) });
    const wide = isJsonType(field.type) || field.multiline;
    dl.append(h('div', { class: `details-item${wide ? ' is-wide' : ''}`, dataset: { field: field.name } },
      h('dt', {}, field.label || field.name),
      h('dd', {}, wide && text ? h('pre', { class: 'code-block' }, text) : (text === '' ? h('span', { class: 'muted' }, '—') : text))));
  }
  return dl;
}

export { esc, cssEscape };
