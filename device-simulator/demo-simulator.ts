import type { Logger } from 'pino';
import { demoEnterprises, demoVehicles } from '../seeds/demo-park.ts';
import { SimulatedTankGateway } from './tank-gateway.ts';
import { VehicleDriver } from './vehicle-driver.ts';

/** Every demo gateway and truck, connected to the platform over real MQTT and JT/T 808 sockets. */
export async function startDemoSimulator(opts: { mqttPort: number; jt808Port: number; log: Logger }): Promise<{ stop(): Promise<void> }> {
  const log = opts.log.child({ component: 'simulator' });
  const gateways = demoEnterprises.map((e, i) => new SimulatedTankGateway(e, 5000, 36, i * 12));
  const drivers = demoVehicles.map((v) => new VehicleDriver(v));
  await Promise.all(gateways.map((g) => g.start(`mqtt://127.0.0.1:${opts.mqttPort}`)));
  const started = await Promise.allSettled(drivers.map((d) => d.start(opts.jt808Port)));
  for (const r of started) if (r.status === 'rejected') log.error({ err: (r.reason as Error).message }, 'simulated truck failed to start');
  log.info({ gateways: gateways.length, trucks: drivers.length }, 'device simulator running');
  return {
    async stop() {
      for (const d of drivers) d.stop();
      await Promise.all(gateways.map((g) => g.stop()));
    },
  };
}
