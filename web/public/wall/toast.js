// Transient notifications and the audible alarm tone (WebAudio, no files needed).

const SOUND_KEY = 'hazwatch.wall.sound';
let audioCtx = null;
let lastBeep = 0;

export function toast(message, kind = 'info', ms = 6000) {
  const box = document.getElementById('toasts');
  if (!box) return;
  const div = document.createElement('div');
  div.className = `toast toast-${kind}`;
  div.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  div.textContent = message;
  box.prepend(div);
  while (box.children.length > 5) box.lastElementChild.remove();
  setTimeout(() => {
    div.classList.add('toast-out');
    setTimeout(() => div.remove(), 400);
  }, ms);
}

export function soundEnabled() {
  try { return localStorage.getItem(SOUND_KEY) !== 'off'; } catch { return true; }
}
export function setSoundEnabled(on) {
  try { localStorage.setItem(SOUND_KEY, on ? 'on' : 'off'); } catch { /* ignore */ }
  if (on) unlockAudio();
}

/** Must be called from a user gesture once so browsers allow sound later. */
export function unlockAudio() {
  try {
    if (!audioCtx) {
      const Ctx = window.AudioContext || window.webkitAudioContext;
      if (!Ctx) return;
      audioCtx = new Ctx();
    }
    if (audioCtx.state === 'suspended') audioCtx.resume();
  } catch { /* no audio */ }
}

/** Short two-tone alert; louder pattern for critical. Throttled. */
export function alarmTone(severity) {
  if (!soundEnabled() || !audioCtx || audioCtx.state !== 'running') return;
  const now = Date.now();
  if (now - lastBeep < 2500) return;
  lastBeep = now;
  const critical = severity === 'critical';
  const pattern = critical ? [880, 660, 880, 660] : [740, 740];
  const t0 = audioCtx.currentTime + 0.02;
  pattern.forEach((freq, i) => {
    const osc = audioCtx.createOscillator();
    const gain = audioCtx.createGain();
    osc.type = 'square';
    osc.frequency.value = freq;
    const start = t0 + i * 0.22;
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(critical ? 0.18 : 0.1, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.18);
    osc.connect(gain).connect(audioCtx.destination);
    osc.start(start);
    osc.stop(start + 0.2);
  });
}
