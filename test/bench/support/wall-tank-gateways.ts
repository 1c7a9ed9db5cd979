/**
 * Tank gateways for the wall benchmark, run as a child process so their MQTT and JSON work stays off the
 * platform's event loop. argv: a JSON file {url, periodMs, gateways: [{code, secret, sensors: [{code, min, max}]}]}. Each gateway
 * publishes one QoS 1 batch with a reading of every sensor every periodMs, the gateways spread over the period;
 * values wander within the sensor's range. Like a real gateway it keeps one batch in flight: while the last one is
 * not acknowledged it skips the tick (counted), so a starved platform is not buried under a queue. Writes "go" on stderr once all are connected; on stdin's end it prints
 * {published, acked, skipped, readings} as one JSON line and disconnects.
 */
import { readFile } from 'node:fs/promises';
import mqtt from 'mqtt';

interface Job {
  url: string;
  periodMs: number;
  gateways: { code: string; secret: string; sensors: { code: string; min: number; max: number }[] }[];
}

const job = JSON.parse(await readFile(process.argv[2], 'utf8')) as Job;
// One after the other: the platform is already busy moving 10,000 trucks, and 51 CONNECTs at once can time out.
const clients: mqtt.MqttClient[] = [];
for (const g of job.gateways) {
  const c = await mqtt.connectAsync(job.url, { username: g.code, password: g.secret, clientId: `wall-bench-${g.code}`, reconnectPeriod: 1000, connectTimeout: 120_000 });
  c.on('error', (err) => process.stderr.write(`${g.code}: ${err.message}\n`));
  clients.push(c);
}
const values = job.gateways.map((g) => g.sensors.map((s) => s.min + (s.max - s.min) * (0.3 + 0.4 * Math.random())));
let published = 0;
let acked = 0;
let skipped = 0;
const inFlight = job.gateways.map(() => false);
let readings = 0;

function publish(i: number) {
  if (inFlight[i]) {
    skipped++;
    return;
  }
  const g = job.gateways[i];
  const v = values[i];
  const batch = g.sensors.map((s, k) => {
    const span = s.max - s.min;
    v[k] = Math.min(s.min + span * 0.9, Math.max(s.min + span * 0.1, v[k] + (Math.random() - 0.5) * span * 0.01));
    return { sensor: s.code, value: Math.round(v[k] * 100) / 100 };
  });
  published++;
  readings += batch.length;
  inFlight[i] = true;
  clients[i].publishAsync(`devices/${g.code}/telemetry`, JSON.stringify({ ts: Date.now(), readings: batch }), { qos: 1 }).then(
    () => acked++,
    () => undefined,
  ).finally(() => (inFlight[i] = false));
}

process.stderr.write('go\n');
const timers = job.gateways.map((_, i) =>
  setTimeout(() => {
    publish(i);
    timers[i] = setInterval(() => publish(i), job.periodMs);
  }, (job.periodMs * i) / job.gateways.length),
);
process.stdin.resume();
await new Promise((resolve) => process.stdin.on('end', resolve));
timers.forEach(clearInterval);
process.stdout.write(`${JSON.stringify({ published, acked, skipped, readings })}\n`);
await Promise.all(clients.map((c) => c.endAsync()));
