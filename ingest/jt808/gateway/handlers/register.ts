import { decodeRegister, encodeRegisterReply, MsgId, normalizePhone, RegisterResult } from '../../codec/index.ts';
import type { MessageHandler } from '../handler-context.ts';
import { normalizePlate } from '../../../../registry/registry-directory.ts';
import { hashAuthCode, newAuthCode } from '../../../../registry/terminal-auth-codes.ts';
import { sameDevice } from '../terminal-identity.ts';
import { attemptBlocked, attemptRefused } from './attempts.ts';

/**
 * 0x0100 → 0x8100. Only terminals in the vehicle registry get an auth code; unknown ones are listed for binding.
 * A terminal claiming another plate than its vehicle's is refused: 1 when that plate belongs to another vehicle
 * in the registry, 2 when no vehicle has it. (Plate colour 0 means the field carries the VIN: not compared.)
 * The first registration binds the vehicle to the registering device; after that only that device (same maker and
 * terminal ID) gets a code, a new one each time since only its hash is stored. Any other device gets 3 and raises
 * an identity-conflict alarm. Attempts for a phone or from an address with too many refusals are not answered:
 * 0x8100 has no result for "try later", so the connection is closed.
 */
export const handleRegister: MessageHandler = async (ctx, header, body) => {
  const reg = decodeRegister(body, header);
  ctx.session.edition = reg.edition;
  const phone = normalizePhone(header.phone);
  const reply = (result: number, authCode?: string) => void ctx.send(MsgId.RegisterReply, encodeRegisterReply({ replySerial: header.serial, result, authCode }));
  if (attemptBlocked(ctx, phone, '0x0100')) return ctx.close('registration refused: too many refused attempts');
  const device = { terminalId: reg.terminalId, makerId: reg.makerId, model: reg.model };
  let vehicle = await ctx.directory.vehicleByPhone(phone);
  if (!vehicle) {
    await ctx.terminals.recordUnboundTerminal({ phone, plate: reg.plate, ...device });
    ctx.log.warn({ phone, plate: reg.plate, terminalId: reg.terminalId }, 'JT808 registration from an unknown terminal');
    attemptRefused(ctx, phone, null, '0x0100', 'unknown_terminal');
    return reply(RegisterResult.TerminalUnknown);
  }
  if (reg.plateColor !== 0 && reg.plate && normalizePlate(reg.plate) !== normalizePlate(vehicle.plate)) {
    const claimed = await ctx.directory.vehicleByPlate(reg.plate);
    const result = claimed ? RegisterResult.VehicleAlreadyRegistered : RegisterResult.VehicleUnknown;
    ctx.log.warn({ phone, claimedPlate: reg.plate, registeredPlate: vehicle.plate, result }, 'JT808 registration for another vehicle refused');
    attemptRefused(ctx, phone, vehicle, '0x0100', 'plate_mismatch');
    return reply(result);
  }
  // Without a terminal ID there is no device to bind, or to tell apart from another.
  if (device.terminalId.trim() === '') {
    ctx.log.warn({ phone, plate: vehicle.plate, makerId: reg.makerId }, 'JT808 registration without a terminal ID refused');
    attemptRefused(ctx, phone, vehicle, '0x0100', 'no_terminal_id');
    return reply(RegisterResult.TerminalUnknown);
  }
  const authCode = newAuthCode();
  const codeHash = hashAuthCode(authCode);
  if (!vehicle.terminal) {
    if (await ctx.terminals.bindTerminal(vehicle.id, device, codeHash)) {
      ctx.log.info({ phone, plate: vehicle.plate, edition: reg.edition, ...device, remote: ctx.session.remote }, 'JT808 terminal bound to its vehicle at first registration');
      return reply(RegisterResult.Ok, authCode);
    }
    // Another registration bound its device first: this one is compared with that.
    vehicle = (await ctx.directory.vehicleByPhone(phone)) ?? vehicle;
  }
  const bound = vehicle.terminal;
  if (bound && sameDevice(bound, device) && (await ctx.terminals.renewAuthCode(vehicle.id, bound.terminalId, codeHash))) {
    ctx.log.info({ phone, plate: vehicle.plate, edition: reg.edition, terminalId: reg.terminalId, remote: ctx.session.remote }, 'JT808 bound terminal registered again: new auth code issued');
    return reply(RegisterResult.Ok, authCode);
  }
  ctx.log.warn({ phone, plate: vehicle.plate, bound, presented: device, remote: ctx.session.remote }, 'JT808 registration from another device than the bound terminal refused');
  if (bound) {
    ctx.metrics.jt808IdentityConflicts.inc({ kind: 'registration' });
    ctx.identityConflict({ kind: 'registration', bound, presented: device, vehicle, remote: ctx.session.remote, at: new Date(ctx.now()) });
  }
  attemptRefused(ctx, phone, vehicle, '0x0100', 'identity_conflict');
  reply(RegisterResult.TerminalAlreadyRegistered);
};
