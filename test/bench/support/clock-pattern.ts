/**
 * The publish time as a picture: 48 blocks of 40×40 px on a 320×240 grey frame, 44 bits of Date.now() (LSB first)
 * then 4 check bits (the count of set bits, mod 16). Big solid blocks survive H.264 at any sane bitrate, so a viewer
 * (the browser via a canvas, or ffmpeg via raw grey output) reads back to the millisecond when the frame was encoded.
 */
export const CLOCK_W = 320;
export const CLOCK_H = 240;
const BLOCK = 40;
const COLS = CLOCK_W / BLOCK;
const TS_BITS = 44;

export function clockFrame(ms: number): Buffer {
  const frame = Buffer.alloc(CLOCK_W * CLOCK_H);
  let ones = 0;
  const bits: number[] = [];
  for (let i = 0; i < TS_BITS; i++) {
    const bit = Math.floor(ms / 2 ** i) % 2;
    ones += bit;
    bits.push(bit);
  }
  for (let i = 0; i < 4; i++) bits.push((ones >> i) & 1);
  bits.forEach((bit, i) => {
    if (!bit) return;
    const x0 = (i % COLS) * BLOCK;
    const y0 = Math.floor(i / COLS) * BLOCK;
    for (let y = y0; y < y0 + BLOCK; y++) frame.fill(255, y * CLOCK_W + x0, y * CLOCK_W + x0 + BLOCK);
  });
  return frame;
}

/** Reads the time back; `luma(x, y)` gives a pixel's brightness 0–255. Null when the check bits disagree. */
export function readClock(luma: (x: number, y: number) => number): number | null {
  let ms = 0;
  let ones = 0;
  let check = 0;
  for (let i = 0; i < TS_BITS + 4; i++) {
    const bit = luma((i % COLS) * BLOCK + BLOCK / 2, Math.floor(i / COLS) * BLOCK + BLOCK / 2) > 128 ? 1 : 0;
    if (i < TS_BITS) (ms += bit * 2 ** i), (ones += bit);
    else check |= bit << (i - TS_BITS);
  }
  return (ones & 15) === check ? ms : null;
}

/**
 * The same reader in the page (a string: the test project has no DOM library). Installs `window.__latency` on the
 * <video> matching `selector`: on every presented frame (requestVideoFrameCallback) it draws the frame to a canvas,
 * reads the clock and keeps [displayedAtMs, latencyMs, bufferedAheadMs] (how much media the element holds beyond
 * the frame shown: if latency grows with it, the growth is in the browser). Also counts the element's \`waiting\`
 * events (buffer ran dry) and the largest playbackRate seen.
 */
export const pageLatencyProbe = (selector: string) => `(() => {
  const video = document.querySelector(${JSON.stringify(selector)});
  const canvas = document.createElement('canvas');
  canvas.width = ${CLOCK_W}; canvas.height = ${CLOCK_H};
  const g = canvas.getContext('2d', { willReadFrequently: true });
  const state = { samples: [], unreadable: 0, waiting: 0, maxRate: 1 };
  video.addEventListener('waiting', () => state.waiting++);
  video.addEventListener('ratechange', () => (state.maxRate = Math.max(state.maxRate, video.playbackRate)));
  window.__latency = state;
  // readClock() again, as page code (a transpiled function's text may name helpers the page lacks).
  const read = (luma) => {
    let ms = 0, ones = 0, check = 0;
    for (let i = 0; i < ${TS_BITS + 4}; i++) {
      const bit = luma((i % ${COLS}) * ${BLOCK} + ${BLOCK / 2}, Math.floor(i / ${COLS}) * ${BLOCK} + ${BLOCK / 2}) > 128 ? 1 : 0;
      if (i < ${TS_BITS}) { ms += bit * 2 ** i; ones += bit; } else check |= bit << (i - ${TS_BITS});
    }
    return (ones & 15) === check ? ms : null;
  };
  const onFrame = () => {
    const now = Date.now();
    g.drawImage(video, 0, 0, ${CLOCK_W}, ${CLOCK_H});
    const d = g.getImageData(0, 0, ${CLOCK_W}, ${CLOCK_H}).data;
    const ms = read((x, y) => d[(y * ${CLOCK_W} + x) * 4]);
    if (ms === null) state.unreadable++;
    else {
      const b = video.buffered;
      state.samples.push([now, now - ms, b.length ? Math.round((b.end(b.length - 1) - video.currentTime) * 1000) : 0]);
    }
    video.requestVideoFrameCallback(onFrame);
  };
  video.requestVideoFrameCallback(onFrame);
  return true;
})()`;
