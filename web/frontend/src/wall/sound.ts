// The audible alarm tone (WebAudio, no files). Browsers allow sound only after a user gesture: unlockAudio() runs on
// the login click and on the first pointer or key press after a reload.
import { ref, watch } from 'vue';

const SOUND_KEY = 'hazwatch.wall.sound';
let ctx: AudioContext | null = null;
let lastBeep = 0;

function stored(): boolean {
  try {
    return localStorage.getItem(SOUND_KEY) !== 'off';
  } catch {
    return true;
  }
}

export const soundOn = ref(stored());
watch(soundOn, (on) => {
  try {
    localStorage.setItem(SOUND_KEY, on ? 'on' : 'off');
  } catch {
    /* storage unavailable */
  }
  if (on) unlockAudio();
});

export function unlockAudio(): void {
  try {
    ctx ??= new AudioContext();
    if (ctx.state === 'suspended') void ctx.resume();
  } catch {
    /* no audio device */
  }
}

/** Short two-tone alert, a louder pattern for critical; at most one every 2.5 s. True when it sounded. */
export function alarmTone(severity: string, now = Date.now()): boolean {
  if (!soundOn.value || !ctx || ctx.state !== 'running') return false;
  if (now - lastBeep < 2500) return false;
  lastBeep = now;
  const critical = severity === 'critical';
  const pattern = critical ? [880, 660, 880, 660] : [740, 740];
  const t0 = ctx.currentTime + 0.02;
  pattern.forEach((freq, i) => {
    const osc = ctx!.createOscillator();
    const gain = ctx!.createGain();
    osc.type = 'square';
    osc.frequency.value = freq;
    const start = t0 + i * 0.22;
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(critical ? 0.18 : 0.1, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.18);
    osc.connect(gain).connect(ctx!.destination);
    osc.start(start);
    osc.stop(start + 0.2);
  });
  return true;
}
