import type { Database } from '../platform/db/database.ts';
import type { BoundTerminal } from './registry-directory.ts';

/**
 * What the JT/T 808 gateway writes about terminals: the device bound to a vehicle and the hash of its auth code,
 * accepted heartbeat intervals, unknown terminals.
 */
export class TerminalRecords {
  constructor(private readonly db: Database) {}

  /**
   * First registration: binds the device and stores the hash of its auth code. False when another registration bound
   * a device in the meantime (the caller then compares against that one).
   */
  async bindTerminal(vehicleId: number, device: BoundTerminal, authCodeHash: string): Promise<boolean> {
    const rows = await this.db.query(
      `update vehicles set terminal_id = $2, terminal_maker = $3, terminal_model = $4, terminal_bound_at = now(),
         auth_code_hash = $5, updated_at = now()
       where id = $1 and terminal_id is null returning id`,
      [vehicleId, device.terminalId, device.makerId, device.model, authCodeHash],
    );
    return rows.length > 0;
  }

  /** A new code for the bound device; false when the binding was released or changed since it was read. */
  async renewAuthCode(vehicleId: number, boundTerminalId: string, authCodeHash: string): Promise<boolean> {
    const rows = await this.db.query('update vehicles set auth_code_hash = $3, updated_at = now() where id = $1 and terminal_id = $2 returning id', [vehicleId, boundTerminalId, authCodeHash]);
    return rows.length > 0;
  }

  /** The IMEI of the first 2019 authentication; one already bound is never replaced here (only by a release). */
  async bindImei(vehicleId: number, imei: string): Promise<void> {
    await this.db.query('update vehicles set terminal_imei = $2, updated_at = now() where id = $1 and terminal_imei is null', [vehicleId, imei]);
  }

  async saveHeartbeat(vehicleId: number, heartbeatS: number): Promise<void> {
    await this.db.query('update vehicles set heartbeat_s = $2 where id = $1', [vehicleId, heartbeatS]);
  }

  async recordUnboundTerminal(t: { phone: string; plate: string; terminalId: string; makerId: string; model: string }): Promise<void> {
    await this.db.query(
      `insert into unbound_terminals (phone, plate, terminal_id, maker_id, model) values ($1, $2, $3, $4, $5)
       on conflict (phone) do update set plate = excluded.plate, terminal_id = excluded.terminal_id, maker_id = excluded.maker_id,
         model = excluded.model, attempts = unbound_terminals.attempts + 1, last_seen_at = now()`,
      [t.phone, t.plate, t.terminalId, t.makerId, t.model],
    );
  }
}
