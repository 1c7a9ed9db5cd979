/** Holds N authenticated MQTT connections open until stdin closes; prints "ready" once all are connected. argv: url username password n */
import mqtt, { type MqttClient } from 'mqtt';

const [url, username, password, n] = process.argv.slice(2);
const clients: MqttClient[] = [];
for (let i = 0; i < Number(n); i += 50) {
  const wave = Array.from({ length: Math.min(50, Number(n) - i) }, (_, j) =>
    mqtt.connectAsync(url, { username, password, clientId: `idle-${process.pid}-${i + j}`, reconnectPeriod: 0, keepalive: 600 }),
  );
  clients.push(...(await Promise.all(wave)));
}
process.stdout.write('ready\n');
process.stdin.resume();
process.stdin.on('end', () => void Promise.all(clients.map((c) => c.endAsync(true))).then(() => process.exit(0)));
