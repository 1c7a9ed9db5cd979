import type { Logger } from 'pino';
import { startDemoSimulator } from '../device-simulator/demo-simulator.ts';
import { startDemoCameras } from '../device-simulator/demo-cameras.ts';
import type { Ingest } from './start-ingest.ts';
import type { Video } from './start-video.ts';
import { startPart } from './part.ts';

/** Simulated tank gateways, trucks and site cameras driving the demo park over real sockets (DEMO=true). */
export function startDemo(log: Logger, { mqtt, jt808 }: Ingest, video: Video | null, ffmpegPath?: string) {
  return startPart(log, async (onStop) => {
    const simulator = await startDemoSimulator({ mqttPort: mqtt.port, jt808Port: jt808.port, log });
    onStop('simulator', () => simulator.stop());
    if (video) {
      const feeds = video.cameras.all().filter((c) => c.enabled && !c.pullUrl).map((c) => ({ code: c.code, streamKey: c.streamKey }));
      const cameras = startDemoCameras({ feeds, rtmpPort: video.ports.rtmpPort, ffmpegPath, log: log.child({ component: 'demo-cameras' }) });
      onStop('demo cameras', () => cameras.stop());
    }
    return {};
  });
}
