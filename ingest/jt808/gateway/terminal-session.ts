import type { ProtocolEdition } from '../codec/index.ts';
import type { VehicleInfo } from '../../../registry/registry-directory.ts';

/** What the gateway knows about one terminal connection. */
export interface TerminalSession {
  readonly connectionId: number;
  readonly remote: string;
  /** Canonical phone (no leading zeros) once the first frame arrived. */
  phone: string | null;
  /** The edition the terminal speaks; answers use it. */
  edition: ProtocolEdition;
  protocolVersion: number;
  /** Phone exactly as the terminal sends it in headers (BCD width kept). */
  wirePhone: string | null;
  vehicle: VehicleInfo | null;
  authenticated: boolean;
  /** Attempts refused on this connection because the phone or address was blocked (only the first is logged). */
  blockedAttempts: number;
  lastFrameAt: number;
  /** A device time outside the accepted window was logged for this connection already. */
  clockWarned?: boolean;
}
