import type { Logger } from 'pino';
import { startDemoSimulator } from '../device-simulator/demo-simulator.ts';
import type { Ingest } from './start-ingest.ts';
import { startPart } from './part.ts';

/** Simulated tank gateways and trucks driving the demo park over real sockets (DEMO=true). */
export function startDemo(log: Logger, { mqtt, jt808 }: Ingest) {
  return startPart(log, async (onStop) => {
    const simulator = await startDemoSimulator({ mqttPort: mqtt.port, jt808Port: jt808.port, log });
    onStop('simulator', () => simulator.stop());
    return {};
  });
}
