// Header bar: clock, connection indicator (#conn-state), user, sound toggle, logout.
import { clockParts } from './labels.js';
import { esc } from './dom.js';
import { soundEnabled, setSoundEnabled } from './toast.js';

let clockTimer = null;

export function initHeader({ onLogout }) {
  const tick = () => {
    const c = clockParts();
    document.getElementById('clock-date').textContent = `${c.date} ${c.weekday}`;
    document.getElementById('clock-time').textContent = c.time;
  };
  tick();
  clearInterval(clockTimer);
  // align to the second boundary so the clock never skips
  setTimeout(() => { tick(); clockTimer = setInterval(tick, 1000); }, 1000 - (Date.now() % 1000));

  const soundBtn = document.getElementById('sound-toggle');
  const renderSound = () => {
    const on = soundEnabled();
    soundBtn.dataset.on = String(on);
    soundBtn.textContent = on ? '声音 开' : '声音 关';
    soundBtn.title = on ? '新报警时鸣响提示音，点击关闭' : '已静音，点击开启报警提示音';
  };
  soundBtn.addEventListener('click', () => { setSoundEnabled(!soundEnabled()); renderSound(); });
  renderSound();

  document.getElementById('logout').addEventListener('click', () => onLogout());
}

export function setUser(user) {
  const el = document.getElementById('user-name');
  const name = user ? (user.displayName || user.username || '') : '';
  el.innerHTML = esc(name) + (user && user.mustChangePassword
    ? ' <span class="must-change" title="当前使用初始密码，请尽快在管理端修改">需修改密码</span>' : '');
}

/** state: 'connected' | 'disconnected'; detail is an optional Chinese hint. */
export function setConnState(state, detail = '') {
  const el = document.getElementById('conn-state');
  el.dataset.state = state;
  el.querySelector('.conn-text').textContent = state === 'connected' ? '在线' : '断开';
  el.title = detail || (state === 'connected' ? '实时数据通道已连接' : '实时数据通道未连接，正在重试');
}
