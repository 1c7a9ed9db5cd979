import type { Database } from '../platform/db/database.ts';

/** What the JT/T 808 gateway writes about terminals: auth codes, accepted heartbeat intervals, unknown terminals. */
export class TerminalRecords {
  constructor(private readonly db: Database) {}

  async saveAuthCode(vehicleId: number, authCode: string): Promise<void> {
    await this.db.query('update vehicles set auth_code = $2, updated_at = now() where id = $1', [vehicleId, authCode]);
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
