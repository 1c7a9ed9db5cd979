import type { Logger } from 'pino';
import type { ComponentHealth } from '../web/routes/health-routes.ts';

/** What every started part of the system hands back to the composition root. */
export interface Part {
  /** Stops what the part started, in reverse order; errors are logged, never thrown, so the rest still stops. */
  stop(): Promise<void>;
  /** The components this part reports on /healthz. */
  health(): Promise<ComponentHealth>;
}

export type StopRegistrar = (name: string, stop: () => Promise<void>) => void;

/**
 * Runs a part's start-up. Each step registers its stop as it succeeds; if a later step throws, the steps already
 * taken are stopped in reverse before the error goes on, so a failed start leaves nothing running.
 */
export async function startPart<T extends object>(
  log: Logger,
  start: (onStop: StopRegistrar) => Promise<T & { health?: () => Promise<ComponentHealth> }>,
): Promise<T & Part> {
  const stops: Array<{ name: string; stop: () => Promise<void> }> = [];
  const stop = async () => {
    for (const { name, stop: stopOne } of stops.reverse()) {
      await stopOne().catch((err: Error) => log.error({ err, part: name }, 'error while stopping'));
    }
    stops.length = 0;
  };
  try {
    const started = await start((name, stopOne) => void stops.push({ name, stop: stopOne }));
    return { health: async () => ({}), ...started, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
