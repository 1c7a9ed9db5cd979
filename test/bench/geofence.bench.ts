/**
 * Issue 6 benchmark: geofence checks per second with 1,000 fences (flatbush index then exact turf tests, the full
 * per-position situation the engine computes) beside a brute-force exact test of every fence on the same points in
 * this run; index build time (paid on every registry change); and event → Socket.IO latency p50/p99 for a live
 * JT/T 808 position entering a forbidden zone (gateway → pipeline → rule steps → alarm stored → pushed).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { io } from 'socket.io-client';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { pointToLineDistance } from '@turf/point-to-line-distance';
import { distance } from '@turf/distance';
import { lineString, polygon } from '@turf/helpers';
import { GeofenceIndex, type Fence } from '../../alerts/geofence-index.ts';
import { SimulatedTerminal } from '../../device-simulator/jt808-terminal.ts';
import { ADMIN_PASSWORD, apiClient, startTestSystem } from '../support/test-system.ts';

/** readings_accepted_total from /metrics. */
async function readingsAccepted(base: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  return Number(/^readings_accepted_total (\S+)$/m.exec(text)?.[1] ?? 0);
}

const FENCES = Number(process.env.BENCH_GEOFENCES ?? 1000);
const POINTS = Number(process.env.BENCH_GEOFENCE_POINTS ?? 200_000);
const LATENCY_SAMPLES = Number(process.env.BENCH_GEOFENCE_LATENCY_SAMPLES ?? 200);

// Deterministic pseudo-random numbers, so every run checks the same fences and points.
let seed = 42;
const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
// Jiangsu province, roughly: where 1,000 fences of a few kilometres each would sit.
const [LON0, LON1, LAT0, LAT1] = [116.4, 121.8, 30.8, 35.0];
const lonLat = (): [number, number] => [LON0 + rand() * (LON1 - LON0), LAT0 + rand() * (LAT1 - LAT0)];

function makeFence(id: number): Fence {
  const [lon, lat] = lonLat();
  const base = { id, name: `围栏${id}`, regionCode: '320000', enterpriseId: null, speedLimitKmh: null, timeWindows: [{ days: [1, 2, 3, 4, 5], from: '07:00', to: '19:00' }] };
  const kind = id % 3;
  if (kind === 0) {
    const n = 12 + Math.floor(rand() * 40);
    const r = 0.01 + rand() * 0.03;
    const coordinates = Array.from({ length: n }, (_, i): [number, number] => {
      const a = (2 * Math.PI * i) / n;
      const rr = r * (0.6 + 0.4 * rand());
      return [lon + rr * Math.cos(a), lat + rr * Math.sin(a)];
    });
    return { ...base, rule: 'forbidden', geometry: { type: 'polygon', coordinates } };
  }
  if (kind === 1) return { ...base, rule: 'forbidden', geometry: { type: 'circle', center: [lon, lat], radiusM: 300 + rand() * 3000 } };
  const line = Array.from({ length: 30 }, (_, i): [number, number] => [lon + i * 0.01, lat + Math.sin(i / 3) * 0.01]);
  return { ...base, rule: 'speed_limit', speedLimitKmh: 80, timeWindows: [], geometry: { type: 'corridor', line, widthM: 50 + rand() * 150 } };
}

const fences = Array.from({ length: FENCES }, (_, i) => makeFence(i + 1));
// Half the points near a fence (so exact tests run), half anywhere.
const points = Array.from({ length: POINTS }, (_, i) => {
  if (i % 2) return lonLat();
  const f = fences[i % FENCES].geometry;
  const [x, y] = f.type === 'circle' ? f.center : f.type === 'polygon' ? f.coordinates[0] : f.line[5];
  return [x + (rand() - 0.5) * 0.02, y + (rand() - 0.5) * 0.02] as [number, number];
});
const weekdayNoon = Date.parse('2026-11-23T12:00:00+08:00');
const vehicle = { enterpriseId: 1, regionCode: '320116' };

let t0 = performance.now();
const index = new GeofenceIndex(fences);
const buildMs = performance.now() - t0;

let hits = 0;
for (let i = 0; i < 10_000; i++) hits += index.situation({ lon: points[i][0], lat: points[i][1], ...vehicle }, weekdayNoon).forbidden.length; // warm-up
hits = 0;
t0 = performance.now();
for (const [lon, lat] of points) hits += index.situation({ lon, lat, ...vehicle }, weekdayNoon).forbidden.length;
const indexedMs = performance.now() - t0;

// Reference: the exact test of every fence for each point, no boxes at all.
const exact = fences.map((f) => {
  const g = f.geometry;
  if (g.type === 'circle') return (lon: number, lat: number) => distance(g.center, [lon, lat], { units: 'meters' }) <= g.radiusM;
  if (g.type === 'polygon') {
    const poly = polygon([[...g.coordinates, g.coordinates[0]]]);
    return (lon: number, lat: number) => booleanPointInPolygon([lon, lat], poly);
  }
  const line = lineString(g.line);
  return (lon: number, lat: number) => pointToLineDistance([lon, lat], line, { units: 'meters' }) <= g.widthM;
});
const bruteN = Math.min(POINTS, 500);
let bruteHits = 0;
t0 = performance.now();
for (let i = 0; i < bruteN; i++) for (const test of exact) bruteHits += test(points[i][0], points[i][1]) ? 1 : 0;
const bruteMs = performance.now() - t0;
let indexedHitsSame = 0;
for (let i = 0; i < bruteN; i++) indexedHitsSame += index.containing(points[i][0], points[i][1]).length;
if (indexedHitsSame !== bruteHits) throw new Error(`index and brute force disagree: ${indexedHitsSame} vs ${bruteHits}`);

console.log(`${FENCES} fences (polygons 12-52 vertices, circles, 30-point corridors), index built in ${buildMs.toFixed(1)} ms`);
console.log(`indexed situation checks: ${Math.round(POINTS / (indexedMs / 1000)).toLocaleString('en')}/s (${POINTS} points, ${hits} forbidden hits)`);
console.log(`no index, exact test of every fence: ${Math.round(bruteN / (bruteMs / 1000)).toLocaleString('en')}/s (${bruteN} points, same hits as the index)`);

// Event → Socket.IO: a live position entering a forbidden zone, until the 'alarm' event reaches a connected client.
const sys = await startTestSystem();
try {
  const api = apiClient(sys.urls.http);
  await api.login('admin', ADMIN_PASSWORD);
  const e = await api.call('POST', '/api/enterprises', { code: '91320116MA1GEAB01X', name: '围栏压测危运有限公司', regionCode: '320116' });
  const v = await api.call('POST', '/api/vehicles', { plate: '苏A·G0001', enterpriseId: e.body.id, terminalPhone: '13900009001' });
  if (v.status !== 201) throw new Error(`vehicle: ${v.status} ${JSON.stringify(e.body)} ${JSON.stringify(v.body)}`);
  for (const f of fences.slice(0, 200)) {
    await api.call('POST', '/api/geofences', { regionCode: '320000', code: `B-${f.id}`, name: f.name, shape: f.geometry.type, geometry: f.geometry, rule: f.rule, speedLimitKmh: f.speedLimitKmh, timeWindows: [] });
  }
  const zone = await api.call('POST', '/api/geofences', {
    regionCode: '320116', code: 'B-ZONE', name: '压测禁入区', shape: 'circle', geometry: { type: 'circle', center: [118.0, 30.0], radiusM: 100 }, rule: 'forbidden', timeWindows: [],
  });
  if (zone.status !== 201) throw new Error(`geofence: ${zone.status} ${JSON.stringify(zone.body)}`);
  const socket = io(`${sys.urls.http}/live`, { auth: { token: api.token }, transports: ['websocket'] });
  await new Promise<void>((resolve, reject) => socket.once('connect', () => resolve()).once('connect_error', reject));
  const t = new SimulatedTerminal('13900009001', '苏A·G0001');
  await t.connect(sys.ports.jt808);
  if ((await t.register()) !== 0 || (await t.authenticate()) !== 0) throw new Error('terminal refused');
  await new Promise((r) => setTimeout(r, 1000)); // index reload after the last registry write
  const next = (action: string) => new Promise<void>((resolve) => {
    const on = (c: { action: string; alarm: { type: string } }) => {
      if (c.alarm.type !== 'geofence_forbidden' || c.action !== action) return;
      socket.off('alarm', on);
      resolve();
    };
    socket.on('alarm', on);
  });
  let ts = Date.now() - 4 * LATENCY_SAMPLES * 20_000;
  // 150 m in and out every 10 s of device time: 54 km/h, well inside what the drift detector accepts.
  const measure = async (label: string) => {
    const samples: number[] = [];
    for (let i = 0; i < LATENCY_SAMPLES; i++) {
      const raised = next('raised');
      const sent = performance.now();
      const ack = t.report({ lat: 30.0, lon: 118.0, speedKmh: 20, direction: 0, time: new Date((ts += 10_000)) });
      await raised;
      samples.push(performance.now() - sent);
      await ack;
      const cleared = next('cleared');
      await t.report({ lat: 30.0, lon: 118.0016, speedKmh: 20, direction: 0, time: new Date((ts += 10_000)) });
      await cleared;
    }
    samples.sort((x, y) => x - y);
    const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
    console.log(`0x0200 entering a forbidden zone → Socket.IO 'alarm' ${label}: p50 ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms (${LATENCY_SAMPLES} samples, 201 fences in the registry)`);
  };
  await measure('(idle)');

  // The same while MQTT gateways push 50-reading batches into the same system (the ingest benchmark's load generator).
  const dev = await api.call('POST', '/api/devices', { code: 'GW-GEO-LOAD', name: '压测网关', enterpriseId: e.body.id });
  const sensors = Array.from({ length: 50 }, (_, i) => ({ code: `S${i}`, kind: 'level', unit: 'm', deviceId: dev.body.id }));
  await api.call('POST', '/api/tanks', { enterpriseId: e.body.id, code: 'B-LOAD', name: '压测储罐', sensors });
  const job = {
    url: `mqtt://127.0.0.1:${sys.ports.mqtt}`, username: 'GW-GEO-LOAD', password: dev.body.secret, sensors: sensors.map((x) => x.code),
    mode: 'batch', messages: 40_000, clients: 4, inflight: 32, tsBase: Date.now() - 12 * 3_600_000, // stamps reach tsBase + 4 × 10⁷ ms
  };
  const load = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'support', 'mqtt-load.ts'), JSON.stringify(job)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let loadErr = '';
  const loadExit = new Promise<number | null>((resolve) => load.on('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    load.stderr.on('data', (d) => ((loadErr += d), loadErr.includes('go\n') && resolve()));
    void loadExit.then(() => reject(new Error(`load generator ended early: ${loadErr}`)));
  });
  const before = await readingsAccepted(sys.urls.http);
  const started = performance.now();
  await measure('under MQTT ingest load');
  const rate = ((await readingsAccepted(sys.urls.http)) - before) / ((performance.now() - started) / 1000);
  console.log(`  ingest during that measurement: ${Math.round(rate).toLocaleString('en')} readings/s accepted${load.exitCode === null ? '' : ' (the load ended before the last sample)'}`);
  load.kill();
  await loadExit;
  t.close();
  socket.close();
} finally {
  await sys.dispose();
}
