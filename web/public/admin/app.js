// Admin console bootstrap: session, header, menu built from /api/modules, hash routing.
import { api, getToken, getStoredUser, clearSession, updateStoredUser, setUnauthorizedHandler, setPasswordChangeHandler } from './api.js';
import { h, clear, esc } from './dom.js';
import { initLogin, showLogin, hideLogin, openChangePassword, closeChangePassword } from './login.js';
import { setModules, findModule, invalidateAllRefs } from './refs.js';
import { resetOrganizations } from './regions.js';
import { MENU_GROUPS, DEFAULT_GROUP, GROUP_BY_MODULE, roleLabel } from './labels.js';
import { renderModulePage } from './module-page.js';
import { renderUsersPage } from './users.js';
import { renderAuditLogPage, renderLoginLogPage } from './logs.js';
import { renderStatsPage } from './stats.js';
import { renderExpiryPage } from './expiry.js';
import { toastError } from './toast.js';

const SYSTEM_ROLES = ['admin', 'official'];

/** Fixed pages (not from /api/modules). data-module of their menu items = key. */
const FIXED_PAGES = [
  { key: 'enterprise-stats', label: '企业统计', group: '企业管理', when: () => Boolean(findModule('enterprises')), render: renderStatsPage },
  { key: 'expiry-warnings', label: '证照到期提醒', group: '危险货物运输', when: () => true, render: renderExpiryPage },
  { key: 'users', label: '用户管理', group: '系统管理', when: (ctx) => SYSTEM_ROLES.includes(ctx.user.role), render: renderUsersPage },
  { key: 'audit-log', label: '操作日志', group: '系统管理', when: (ctx) => SYSTEM_ROLES.includes(ctx.user.role), render: renderAuditLogPage },
  { key: 'login-log', label: '登录日志', group: '系统管理', when: (ctx) => SYSTEM_ROLES.includes(ctx.user.role), render: renderLoginLogPage },
];

const ctx = { user: null, modules: [], menu: [], booted: false, bootSeq: 0 };

// ---------- session -------------------------------------------------------

setUnauthorizedHandler(() => {
  const loginVisible = !document.getElementById('login').hidden;
  teardown();
  clearSession();
  if (!loginVisible) showLogin('登录已失效，请重新登录');
});

setPasswordChangeHandler(() => forcePasswordChange());

async function forcePasswordChange() {
  const changed = await openChangePassword({ forced: true, onLogout: logout });
  if (changed) {
    const u = getStoredUser();
    if (u) updateStoredUser({ ...u, mustChangePassword: false });
    await boot();
  }
}

async function logout() {
  closeChangePassword();
  try { if (getToken()) await api.logout(); } catch { /* ignore */ }
  clearSession();
  teardown();
  showLogin();
}

function teardown() {
  closeChangePassword();
  ctx.user = null;
  ctx.booted = false;
  ctx.bootSeq++;
  invalidateAllRefs();
  resetOrganizations();
  document.getElementById('admin').hidden = true;
  document.querySelectorAll('.mask').forEach((m) => m.remove());
  clear(document.getElementById('page'));
}

async function boot() {
  const my = ++ctx.bootSeq;
  hideLogin();
  const [meRes, modsRes] = await Promise.allSettled([api.me(), api.modules()]);
  if (my !== ctx.bootSeq) return;
  const failed = [meRes, modsRes].filter((r) => r.status === 'rejected').map((r) => r.reason);
  if (failed.some((e) => e && e.status === 401)) return; // the unauthorized handler shows the login
  if (failed.some((e) => e && e.status === 403 && e.body && e.body.error === 'password_change_required')) return; // dialog open
  if (meRes.status === 'rejected' && !getStoredUser()) {
    showLogin(`系统加载失败：${meRes.reason.message}`);
    return;
  }
  const me = meRes.status === 'fulfilled' ? meRes.value : getStoredUser();
  const mods = modsRes.status === 'fulfilled' ? modsRes.value : { items: [] };
  if (modsRes.status === 'rejected') toastError(modsRes.reason, '功能模块加载失败');
  if (my !== ctx.bootSeq) return;
  ctx.user = me || getStoredUser() || {};
  ctx.modules = (mods && mods.items) || [];
  setModules(ctx.modules);
  ctx.booted = true;
  renderHeader();
  renderMenu();
  document.getElementById('admin').hidden = false;
  route();
}

// ---------- header --------------------------------------------------------

function renderHeader() {
  const u = ctx.user;
  const org = u.organization && u.organization.name ? u.organization.name : '';
  const box = document.getElementById('user-box');
  box.innerHTML = '';
  box.append(
    h('span', { class: 'avatar', 'aria-hidden': 'true' }, (u.displayName || u.username || '?').slice(0, 1)),
    h('span', { class: 'user-meta' },
      h('span', { id: 'user-name', class: 'user-name' }, u.displayName || u.username || ''),
      h('span', { class: 'user-role' }, [roleLabel(u.role), org].filter(Boolean).join(' · '))));
}

// ---------- menu ----------------------------------------------------------

function moduleGroup(m) {
  return m.group || GROUP_BY_MODULE[m.name] || DEFAULT_GROUP;
}

function buildMenu() {
  const groups = new Map();
  const add = (group, item) => {
    if (!groups.has(group)) groups.set(group, []);
    groups.get(group).push(item);
  };
  const fixed = FIXED_PAGES.filter((p) => p.when(ctx));
  for (const m of ctx.modules) {
    if (fixed.some((p) => p.key === m.name)) continue; // a dedicated page (e.g. users) replaces the generic one
    add(moduleGroup(m), { key: m.name, label: m.label || m.name, kind: 'module' });
  }
  for (const p of fixed) add(p.group, { key: p.key, label: p.label, kind: 'page' });
  // known groups in the usual order, then groups named by the server, then 其他, 系统管理 last
  const known = MENU_GROUPS.filter((g) => g !== '系统管理' && groups.has(g));
  const extra = [...groups.keys()].filter((g) => !MENU_GROUPS.includes(g) && g !== DEFAULT_GROUP);
  const order = [...known, ...extra];
  if (groups.has(DEFAULT_GROUP)) order.push(DEFAULT_GROUP);
  if (groups.has('系统管理')) order.push('系统管理');
  return order.map((g) => ({ group: g, items: groups.get(g) }));
}

const GROUP_ICONS = { 企业管理: '企', 重大危险源: '危', 物联接入: '联', 危险货物运输: '运', 应急资源: '援', 系统管理: '系' };

function renderMenu() {
  ctx.menu = buildMenu();
  const nav = document.getElementById('menu');
  clear(nav);
  for (const g of ctx.menu) {
    const list = h('ul', { class: 'menu-list' }, g.items.map((it) => h('li', {},
      h('a', { class: 'menu-item', href: `#/${it.kind === 'module' ? 'm' : 'p'}/${encodeURIComponent(it.key)}`, dataset: it.kind === 'module' ? { module: it.key } : { module: it.key, page: it.key } }, it.label))));
    const title = h('button', { type: 'button', class: 'menu-group-title', 'aria-expanded': 'true' },
      h('i', { class: 'menu-icon', 'aria-hidden': 'true' }, GROUP_ICONS[g.group] || g.group.slice(0, 1)), h('span', {}, g.group), h('i', { class: 'menu-caret', 'aria-hidden': 'true' }));
    const section = h('div', { class: 'menu-group', dataset: { group: g.group } }, title, list);
    title.addEventListener('click', () => {
      const collapsed = section.classList.toggle('collapsed');
      title.setAttribute('aria-expanded', String(!collapsed));
    });
    nav.append(section);
  }
  if (!ctx.menu.length) nav.append(h('div', { class: 'menu-empty' }, '当前账号没有可访问的功能'));
}

// ---------- routing -------------------------------------------------------

function firstRoute() {
  const first = ctx.menu[0] && ctx.menu[0].items[0];
  return first ? `#/${first.kind === 'module' ? 'm' : 'p'}/${encodeURIComponent(first.key)}` : '';
}

function pageHeader(title, desc = '', group = '') {
  const active = document.querySelector('a.menu-item.active');
  const grp = group || (active && active.closest('.menu-group') ? active.closest('.menu-group').dataset.group : '');
  return h('div', { class: 'page-head' },
    h('div', { class: 'breadcrumb' }, h('span', {}, '综合管理'), grp ? h('span', {}, grp) : null, h('span', { class: 'current' }, title)),
    h('h2', { class: 'page-title' }, title),
    desc ? h('p', { class: 'page-desc' }, desc) : null);
}

function route() {
  if (!ctx.booted) return;
  const m = /^#\/(m|p)\/([^/?]+)/.exec(location.hash);
  if (!m) {
    const r = firstRoute();
    if (r) { history.replaceState(null, '', r); return route(); }
    return;
  }
  const kind = m[1];
  const key = decodeURIComponent(m[2]);
  document.querySelectorAll('.mask').forEach((el) => el.remove());
  const page = document.getElementById('page');
  clear(page);
  page.scrollTop = 0;
  for (const a of document.querySelectorAll('a.menu-item')) {
    const on = a.dataset.module === key && (kind === 'm' ? !a.dataset.page : Boolean(a.dataset.page));
    a.classList.toggle('active', on);
    if (on) { a.setAttribute('aria-current', 'page'); a.closest('.menu-group').classList.remove('collapsed'); } else a.removeAttribute('aria-current');
  }
  const view = h('div', { class: 'page-inner', dataset: { view: key } });
  page.append(view);
  if (kind === 'm') {
    const mod = findModule(key);
    if (!mod) { view.append(notFound()); return; }
    document.title = `${mod.label} · 综合管理 · 危险化学品安全监测预警平台`;
    renderModulePage(view, mod, { pageHeader });
    return;
  }
  const p = FIXED_PAGES.find((x) => x.key === key && x.when(ctx));
  if (!p) { view.append(notFound()); return; }
  document.title = `${p.label} · 综合管理 · 危险化学品安全监测预警平台`;
  p.render(view, { pageHeader, user: ctx.user, modules: ctx.modules });
}

function notFound() {
  return h('div', { class: 'card empty-page' }, h('p', {}, '页面不存在或当前账号无权访问'), h('a', { href: firstRoute() || '#', class: 'btn' }, '返回首页'));
}

// ---------- start ---------------------------------------------------------

function start() {
  window.addEventListener('hashchange', route);
  document.getElementById('logout').addEventListener('click', logout);
  document.getElementById('btn-change-password').addEventListener('click', () => openChangePassword({ forced: false }));
  document.getElementById('menu-toggle').addEventListener('click', () => document.getElementById('admin').classList.toggle('menu-collapsed'));
  initLogin({
    onLoggedIn: async (user) => {
      if (user && user.mustChangePassword) {
        hideLogin();
        const changed = await openChangePassword({ forced: true, onLogout: logout });
        if (!changed) return;
        updateStoredUser({ ...user, mustChangePassword: false });
      }
      await boot();
    },
  });
  if (getToken()) {
    const u = getStoredUser();
    if (u && u.mustChangePassword) forcePasswordChange();
    else boot();
  } else {
    showLogin();
  }
}

start();
