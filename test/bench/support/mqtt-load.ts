/**
 * Load generator for the MQTT benchmark, run as a child process so publishing does not share the broker's
 * event loop. argv: JSON {url, username, password, sensors[], mode: 'single'|'batch', messages, clients, inflight, tsBase}.
 * Connects every client, writes "go" on stderr, then publishes QoS 1 with a window of in-flight messages per
 * client; prints {acked, readings, ms, cpuMicros} as one JSON line on stdout (cpuMicros: CPU used while publishing),
 * then stays connected until stdin closes, as gateways would: a disconnect raises data-interruption alarms, which
 * are no part of the throughput being measured.
 */
import mqtt from 'mqtt';

interface Job {
  url: string;
  username: string;
  password: string;
  sensors: string[];
  mode: 'single' | 'batch';
  messages: number;
  clients: number;
  inflight: number;
  tsBase: number;
}

const job = JSON.parse(process.argv[2]) as Job;
const topic = `devices/${job.username}/telemetry`;

function payload(client: number, k: number): { body: string; readings: number } {
  // Unique (sensor, timestamp) per reading, so InfluxDB keeps every point and the count back is exact.
  const ts = job.tsBase + client * 10_000_000 + k;
  if (job.mode === 'batch') return { body: JSON.stringify({ ts, readings: job.sensors.map((sensor, i) => ({ sensor, value: (k + i) % 100 })) }), readings: job.sensors.length };
  return { body: JSON.stringify({ sensor: job.sensors[k % job.sensors.length], value: k % 100, ts: job.tsBase + client * 10_000_000 + Math.floor(k / job.sensors.length) }), readings: 1 };
}

async function runClient(client: mqtt.MqttClient, messages: Array<{ body: string; readings: number }>): Promise<{ acked: number; readings: number }> {
  let next = 0;
  let acked = 0;
  let readings = 0;
  const lane = async () => {
    while (next < messages.length) {
      const p = messages[next++];
      await client.publishAsync(topic, p.body, { qos: 1 });
      acked++;
      readings += p.readings;
    }
  };
  await Promise.all(Array.from({ length: job.inflight }, lane));
  return { acked, readings };
}

// Serialised up front: the gateways are outside the system under test, so their JSON work should not compete for its CPU.
const perClient = Math.ceil(job.messages / job.clients);
const prepared = Array.from({ length: job.clients }, (_, c) => Array.from({ length: perClient }, (_, k) => payload(c, k)));
const clients = await Promise.all(
  Array.from({ length: job.clients }, (_, c) => mqtt.connectAsync(job.url, { username: job.username, password: job.password, clientId: `bench-${process.pid}-${c}`, reconnectPeriod: 0 })),
);
process.stderr.write('go\n');
const started = performance.now();
const cpuAtStart = process.cpuUsage();
const results = await Promise.all(clients.map((client, c) => runClient(client, prepared[c])));
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuAtStart);
process.stdout.write(`${JSON.stringify({ acked: results.reduce((n, r) => n + r.acked, 0), readings: results.reduce((n, r) => n + r.readings, 0), ms, cpuMicros: cpu.user + cpu.system })}\n`);
process.stdin.resume();
await new Promise((resolve) => process.stdin.on('end', resolve));
await Promise.all(clients.map((client) => client.endAsync()));
