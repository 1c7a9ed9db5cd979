import type { CommandOutcome, Jt808Command, Jt808CommandPort } from '../ingest/jt808/gateway/jt808-server.ts';
import type { ComponentHealth } from '../web/routes/health-routes.ts';
import type { Ingest } from './start-ingest.ts';

/**
 * The HTTP server starts before the gateways (MQTT over WebSocket is served on it, and the live channel the
 * telemetry pipeline pushes to needs it), yet its routes command terminals and /healthz reports the gateways.
 * They reach the gateways through this handle, which answers "offline" and "not listening" until they are attached.
 */
export class GatewayHandle implements Jt808CommandPort {
  private ingest: Ingest | null = null;

  attach(ingest: Ingest): void {
    this.ingest = ingest;
  }

  sendCommand(vehicleId: number, command: Jt808Command): Promise<CommandOutcome> {
    return this.ingest?.jt808.sendCommand(vehicleId, command) ?? Promise.resolve({ status: 'offline' });
  }

  vehicleOnline(vehicleId: number): boolean {
    return this.ingest?.jt808.isOnline(vehicleId) ?? false;
  }

  health(): Promise<ComponentHealth> {
    return this.ingest?.health() ?? Promise.resolve({ mqtt: { ok: false, detail: 'broker not listening' }, jt808: { ok: false, detail: 'gateway not listening' } });
  }
}
