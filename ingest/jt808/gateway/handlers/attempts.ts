import type { VehicleInfo } from '../../../../registry/registry-directory.ts';
import type { HandlerContext } from '../handler-context.ts';
import { addressOf } from '../terminal-identity.ts';

export type RefusalReason = 'unknown_terminal' | 'plate_mismatch' | 'no_terminal_id' | 'identity_conflict' | 'bad_code' | 'imei_mismatch';

/**
 * Whether the phone or the source address has used up its refused attempts; such an attempt is counted and refused
 * without looking at the registry (logged once per connection, so a flood cannot flood the log).
 */
export function attemptBlocked(ctx: HandlerContext, phone: string, msg: '0x0100' | '0x0102'): boolean {
  const address = addressOf(ctx.session.remote);
  const by = ctx.attempts.byPhone.blocked(phone) ? 'phone' : ctx.attempts.byAddress.blocked(address) ? 'address' : null;
  if (!by) return false;
  ctx.metrics.jt808AttemptsRefused.inc({ msg, reason: 'rate_limited' });
  if (ctx.session.blockedAttempts++ === 0) ctx.log.warn({ msgId: msg, phone, address, by }, 'JT808 attempt refused: too many refused attempts for this terminal phone or address');
  return true;
}

/**
 * Counts a refused registration or authentication against the phone and the address. The refusal that uses up the
 * phone's allowance raises an identity-conflict alarm on its vehicle: someone keeps trying to be this truck.
 */
export function attemptRefused(ctx: HandlerContext, phone: string, vehicle: VehicleInfo | null, msg: '0x0100' | '0x0102', reason: RefusalReason): void {
  ctx.metrics.jt808AttemptsRefused.inc({ msg, reason });
  const address = addressOf(ctx.session.remote);
  if (ctx.attempts.byAddress.fail(address)) ctx.log.warn({ address }, 'JT808 source address blocked after repeated refused attempts');
  if (!ctx.attempts.byPhone.fail(phone)) return;
  const { maxFailures, perMs } = ctx.attempts.byPhone.opts;
  ctx.log.warn({ phone, plate: vehicle?.plate, remote: ctx.session.remote, failures: maxFailures }, 'JT808 terminal phone blocked after repeated refused attempts');
  if (!vehicle) return;
  ctx.metrics.jt808IdentityConflicts.inc({ kind: 'repeated_failures' });
  ctx.identityConflict({ kind: 'repeated_failures', failures: maxFailures, withinS: Math.round(perMs / 1000), vehicle, remote: ctx.session.remote, at: new Date(ctx.now()) });
}
