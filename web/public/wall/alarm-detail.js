// Alarm detail drawer (#alarm-detail): facts, SLA, event history and the next handling steps
// 确认 → 处置反馈 → 消警 → 核查 (officials), plus 手动消除. Steps the server refuses answer 409 in Chinese.
import { esc, isNum, toNum } from './dom.js';
import {
  SEVERITY, LEVEL, HANDLING_STATE, EVENT_ACTION, REVIEW_RESULT,
  alarmTypeLabel, alarmHandlingState, fmtDateTime, fmtNum,
} from './labels.js';

const FILE_TYPES = { 'image/jpeg': 'JPG', 'image/png': 'PNG', 'application/pdf': 'PDF' };
const FILE_MAX_BYTES = 10 * 1024 * 1024;
const REVIEW_ROLES = new Set(['admin', 'official']);

let el = null;
let current = null;   // the alarm shown
let eventsSeq = 0;    // drops answers of older event reads
let busy = false;
let opts = {
  api: null,
  role: () => null,
  describeSource: () => ({}),
  onStep: () => {},   // (answer {alarm, cursor}, action) after a step succeeded
  toast: () => {},
  onShow: () => {},   // (alarm id | null) when the panel opens or closes
};

const $ = (sel) => el.querySelector(sel);

export function initAlarmDetail(root, options) {
  el = root;
  opts = { ...opts, ...options };
  $('.ad-close').addEventListener('click', closeAlarmDetail);
  document.addEventListener('keydown', (ev) => { if (ev.key === 'Escape' && !el.hidden) closeAlarmDetail(); });
  $('.ad-actions').addEventListener('click', onAction);
  $('#dispose-form').addEventListener('submit', onDispose);
  $('#dispose-files').addEventListener('change', showFileNames);
  $('#review-form').addEventListener('submit', onReview);
  for (const f of ['#dispose-form', '#review-form']) {
    $(f).querySelector('.ad-cancel').addEventListener('click', () => { $(f).hidden = true; });
  }
  $('.ad-body').addEventListener('click', onAttachmentClick);
}

export function openAlarmDetail(alarm) {
  const switched = !current || String(current.id) !== String(alarm.id);
  current = alarm;
  if (switched) { resetForms(); $('.ad-actions')._html = null; }
  el.hidden = false;
  opts.onShow(alarm.id);
  render();
  loadEvents();
  opts.api.alarm(alarm.id).then((fresh) => { if (fresh && isShown(fresh.id)) updateAlarmDetail(fresh); }, () => {});
}

export function closeAlarmDetail() {
  if (!el) return;
  el.hidden = true;
  current = null;
  opts.onShow(null);
  eventsSeq++;
  resetForms();
}

const isShown = (id) => !!current && String(current.id) === String(id);

// Fields whose change adds to the event history (a new reading alone does not).
const HISTORY_FIELDS = ['active', 'acknowledgedAt', 'clearedAt', 'disposedAt', 'closedAt', 'reviewedAt', 'ackBreachedAt', 'disposeBreachedAt', 'escalatedAt'];

/** A newer state of some alarm (live event, resync, step answer): re-render if it is the one shown. */
export function updateAlarmDetail(alarm) {
  if (!alarm || !isShown(alarm.id)) return;
  const before = current;
  current = alarm;
  render();
  if (HISTORY_FIELDS.some((f) => before[f] !== alarm[f])) loadEvents();
}

function resetForms() {
  for (const f of ['#dispose-form', '#review-form']) {
    const form = $(f);
    form.reset();
    form.hidden = true;
    form.querySelector('.ad-error').textContent = '';
  }
  showFileNames();
}

function showFileNames() {
  const files = Array.from($('#dispose-files').files || []);
  $('.ad-file-names').textContent = files.length ? files.map((f) => f.name).join('、') : '未选择文件';
}

// ---------- rendering -----------------------------------------------------

const row = (label, value) => (value ? `<dt>${esc(label)}</dt><dd>${value}</dd>` : '');
const who = (by, at) => (at ? `${esc(fmtDateTime(at))}${by ? ` · ${esc(by)}` : ''}` : '');

function valueText(a, src) {
  const unit = src.unit ? ` ${esc(src.unit)}` : '';
  const d = isNum(src.decimals) ? src.decimals : 2;
  const v = toNum(a.value);
  const p = toNum(a.peak);
  const parts = [];
  if (v != null) parts.push(`当前 <b>${fmtNum(v, d)}</b>${unit}`);
  if (p != null) parts.push(`峰值 <b>${fmtNum(p, d)}</b>${unit}`);
  if (isNum(a.count)) parts.push(`共 <b>${a.count}</b> 次`);
  return parts.join('，');
}

function attachmentLinks(urls) {
  return (urls || []).map((u, i) => {
    const ext = String(u).split('.').pop().toUpperCase();
    return /^\/api\/alarms\/\d+\/attachments\//.test(u)
      ? `<a href="#" class="ad-attachment" data-url="${esc(u)}">附件${i + 1}（${esc(ext)}）</a>`
      : `<span class="ad-attachment">${esc(u)}</span>`;
  }).join(' ');
}

function stepButtons(a) {
  const state = alarmHandlingState(a);
  const b = [];
  if (!a.acknowledged && state !== 'closed') {
    const tts = a.type === 'sos'
      ? '<label class="ad-tts"><input type="checkbox" id="alarm-ack-tts"> 下发语音提示</label>' : '';
    b.push(`<span class="ad-step"><button type="button" id="alarm-step-ack" class="btn-primary">确认</button>${tts}</span>`);
  }
  if (a.acknowledged && !a.disposedAt && !a.closedAt) b.push('<button type="button" id="alarm-step-dispose" class="btn-primary">处置反馈</button>');
  if (a.disposedAt && !a.closedAt) b.push('<button type="button" id="alarm-step-close" class="btn-primary">消警</button>');
  if (a.closedAt && !a.reviewedAt && REVIEW_ROLES.has(opts.role())) b.push('<button type="button" id="alarm-step-review" class="btn-primary">核查</button>');
  if (a.active && !a.closedAt) b.push('<button type="button" id="alarm-step-clear">手动消除</button>');
  return b.length ? b.join('') : '<span class="ad-done">无待处理步骤</span>';
}

function render() {
  const a = current;
  const src = opts.describeSource(a) || {};
  const state = alarmHandlingState(a);
  el.dataset.alarmId = String(a.id);
  el.dataset.state = state;
  $('.ad-title').textContent = `${alarmTypeLabel(a)} · ${src.title || (a.source && a.source.name) || '未知来源'}`;
  const d = a.disposal;
  const r = a.review;
  $('.ad-fields').innerHTML = [
    row('来源', `${esc(src.title || (a.source && a.source.name) || '未知来源')}${src.sub ? ` <small>${esc(src.sub)}</small>` : ''}`),
    row('类型', `${esc(alarmTypeLabel(a))}${a.level && LEVEL[a.level] && a.type !== 'threshold' ? `（${esc(LEVEL[a.level])}）` : ''}`),
    row('级别', `<span class="ad-sev" data-sev="${esc(a.severity)}">${esc(SEVERITY[a.severity] || a.severity)}</span>`),
    row('状态', `<span class="ad-state">${esc(HANDLING_STATE[state])}</span>${a.active ? '' : '（报警条件已消失）'}`),
    row('内容', esc(a.message)),
    row('数值', valueText(a, src)),
    row('首次报警', esc(fmtDateTime(a.firstAt))),
    row('最近报警', esc(fmtDateTime(a.lastAt))),
    row('确认', who(a.acknowledgedBy, a.acknowledgedAt)),
    row('消除', who(a.clearedBy, a.clearedAt)),
    row('确认时限', a.ackDueAt ? esc(fmtDateTime(a.ackDueAt)) : ''),
    row('处置时限', a.disposeDueAt ? esc(fmtDateTime(a.disposeDueAt)) : ''),
    row('确认超时', a.ackBreachedAt ? `<span class="ad-breach">${esc(fmtDateTime(a.ackBreachedAt))}</span>` : ''),
    row('处置超时', a.disposeBreachedAt ? `<span class="ad-breach">${esc(fmtDateTime(a.disposeBreachedAt))}</span>` : ''),
    row('已升级上报', a.escalatedAt ? esc(fmtDateTime(a.escalatedAt)) : ''),
    row('处置反馈', a.disposedAt ? who(a.disposedBy, a.disposedAt) : ''),
    row('原因', d ? esc(d.cause) : ''),
    row('措施', d ? esc(d.measures) : ''),
    row('附件', d && d.attachments && d.attachments.length ? attachmentLinks(d.attachments) : ''),
    row('消警', who(a.closedBy, a.closedAt) + (a.closeNote ? `（${esc(a.closeNote)}）` : '')),
    row('核查', a.reviewedAt ? `${who(a.reviewedBy, a.reviewedAt)}${r ? ` · ${esc(REVIEW_RESULT[r.result] || r.result)}${r.comment ? `：${esc(r.comment)}` : ''}` : ''}` : ''),
  ].join('');
  const actions = $('.ad-actions');
  const html = stepButtons(a);
  if (actions._html !== html) { actions.innerHTML = html; actions._html = html; } // keeps the TTS tick across updates
  if (a.disposedAt || a.closedAt) $('#dispose-form').hidden = true;
  if (a.reviewedAt || !a.closedAt) $('#review-form').hidden = true;
}

function eventDetails(e) {
  const x = e.details || {};
  if (e.action === 'disposed') {
    const n = Array.isArray(x.attachments) ? x.attachments.length : 0;
    return `原因：${esc(x.cause)}；措施：${esc(x.measures)}${n ? `；附件 ${n} 个` : ''}`;
  }
  if (e.action === 'reviewed') return `${esc(REVIEW_RESULT[x.result] || x.result)}${x.comment ? `：${esc(x.comment)}` : ''}`;
  if (e.action === 'cleared') return x.manual ? `人工消除${x.note ? `：${esc(x.note)}` : ''}` : '条件消失，自动消除';
  if (e.action === 'closed') return x.note ? esc(x.note) : '';
  if (e.action === 'sla_breached' || e.action === 'escalated') return x.breach === 'ack' ? '确认超时' : x.breach === 'dispose' ? '处置超时' : '';
  if (e.action === 'raised' && isNum(toNum(x.value))) return `数值 ${esc(x.value)}`;
  return '';
}

async function loadEvents() {
  const my = ++eventsSeq;
  const id = current.id;
  const list = $('.ad-events');
  try {
    const res = await opts.api.alarmEvents(id);
    if (my !== eventsSeq) return;
    const items = (res && res.items) || [];
    list.innerHTML = items.length ? items.map((e) => `<li class="ad-event" data-action="${esc(e.action)}">`
      + `<time datetime="${esc(e.at)}">${esc(fmtDateTime(e.at))}</time>`
      + `<b>${esc(EVENT_ACTION[e.action] || e.action)}</b>`
      + `<span class="ad-actor">${esc(e.actor || '系统')}</span>`
      + `<span class="ad-event-details">${eventDetails(e)}</span></li>`).join('')
      : '<li class="ad-event-empty">暂无记录</li>';
  } catch (err) {
    if (my === eventsSeq) list.innerHTML = `<li class="ad-event-empty">处置记录加载失败：${esc(err && err.message)}</li>`;
  }
}

// ---------- steps ---------------------------------------------------------

async function runStep(button, label, call, action) {
  if (busy || !current) return false;
  busy = true;
  const id = current.id;
  const text = button ? button.textContent : '';
  if (button) { button.disabled = true; button.textContent = `${label}中…`; }
  try {
    const res = await call(id);
    opts.onStep(res, action);
    if (res && res.alarm) updateAlarmDetail(res.alarm);
    opts.toast(`${label}成功`, 'ok', 3000);
    return true;
  } catch (err) {
    if (!(err && err.status === 401)) opts.toast(`${label}失败：${(err && err.message) || '未知错误'}`, 'error', 8000);
    if (err && (err.status === 409 || err.status === 404) && isShown(id)) opts.api.alarm(id).then(updateAlarmDetail, () => {});
    return false;
  } finally {
    busy = false;
    if (button && button.isConnected) { button.disabled = false; button.textContent = text; }
  }
}

function onAction(ev) {
  const btn = ev.target.closest('button');
  if (!btn || !current) return;
  const api = opts.api;
  if (btn.id === 'alarm-step-ack') {
    const tts = !!(el.querySelector('#alarm-ack-tts') || {}).checked;
    runStep(btn, '确认', (id) => api.ackAlarm(id, tts ? { tts: true } : {}), 'acknowledged');
  } else if (btn.id === 'alarm-step-dispose') {
    $('#dispose-form').hidden = false;
    $('#dispose-form [name=cause]').focus();
  } else if (btn.id === 'alarm-step-close') {
    runStep(btn, '消警', (id) => api.alarmStep(id, 'close', {}), 'updated');
  } else if (btn.id === 'alarm-step-review') {
    $('#review-form').hidden = false;
  } else if (btn.id === 'alarm-step-clear') {
    if (!window.confirm('确定手动消除该报警？')) return;
    runStep(btn, '手动消除', (id) => api.alarmStep(id, 'clear', {}), 'cleared');
  }
}

function checkFiles(files) {
  for (const f of files) {
    if (!FILE_TYPES[f.type]) return `“${f.name}”不是 JPG、PNG 图片或 PDF 文件`;
    if (f.size > FILE_MAX_BYTES) return `“${f.name}”超过 10 MB`;
  }
  return files.length > 20 ? '附件最多 20 个' : '';
}

async function onDispose(ev) {
  ev.preventDefault();
  const form = ev.currentTarget;
  const error = form.querySelector('.ad-error');
  const cause = form.elements.cause.value.trim();
  const measures = form.elements.measures.value.trim();
  const files = Array.from($('#dispose-files').files || []);
  error.textContent = !cause ? '请填写报警原因' : !measures ? '请填写处置措施' : checkFiles(files);
  if (error.textContent) return;
  const submit = $('#dispose-submit');
  const ok = await runStep(submit, '处置反馈', async (id) => {
    const attachments = [];
    for (const [i, f] of files.entries()) {
      submit.textContent = `上传附件 ${i + 1}/${files.length}…`;
      attachments.push((await opts.api.uploadAttachment(id, f)).url);
    }
    return opts.api.alarmStep(id, 'dispose', { cause, measures, attachments });
  }, 'updated');
  if (ok) { form.reset(); form.hidden = true; showFileNames(); }
}

async function onReview(ev) {
  ev.preventDefault();
  const form = ev.currentTarget;
  const result = form.elements.result.value;
  const comment = form.elements.comment.value.trim();
  const ok = await runStep($('#review-submit'), '核查', (id) => opts.api.alarmStep(id, 'review', { result, comment }), 'updated');
  if (ok) { form.reset(); form.hidden = true; }
}

async function onAttachmentClick(ev) {
  const a = ev.target.closest('a.ad-attachment[data-url]');
  if (!a) return;
  ev.preventDefault();
  const win = window.open('', '_blank'); // opened within the click, so popup blockers allow it
  try {
    const blob = await opts.api.fetchBlob(a.dataset.url);
    const url = URL.createObjectURL(blob);
    if (win) win.location.href = url; else window.location.assign(url);
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  } catch (err) {
    if (win) win.close();
    opts.toast(`附件下载失败：${(err && err.message) || '未知错误'}`, 'error', 8000);
  }
}
