import { randomBytes } from 'node:crypto';
import { decodeRegister, encodeRegisterReply, MsgId, normalizePhone, RegisterResult } from '../../codec/index.ts';
import type { MessageHandler } from '../handler-context.ts';
import { normalizePlate } from '../../../../registry/registry-directory.ts';

/**
 * 0x0100 → 0x8100. Only terminals in the vehicle registry get an auth code; unknown ones are listed for binding.
 * A terminal claiming another plate than its vehicle's is refused: 1 when that plate belongs to another vehicle
 * in the registry, 2 when no vehicle has it. (Plate colour 0 means the field carries the VIN: not compared.)
 */
export const handleRegister: MessageHandler = async (ctx, header, body) => {
  const reg = decodeRegister(body, header);
  ctx.session.edition = reg.edition;
  const phone = normalizePhone(header.phone);
  const vehicle = await ctx.directory.vehicleByPhone(phone);
  if (!vehicle) {
    await ctx.terminals.recordUnboundTerminal({ phone, plate: reg.plate, terminalId: reg.terminalId, makerId: reg.makerId, model: reg.model });
    ctx.log.warn({ phone, plate: reg.plate, terminalId: reg.terminalId }, 'JT808 registration from an unknown terminal');
    ctx.send(MsgId.RegisterReply, encodeRegisterReply({ replySerial: header.serial, result: RegisterResult.TerminalUnknown }));
    return;
  }
  if (reg.plateColor !== 0 && reg.plate && normalizePlate(reg.plate) !== normalizePlate(vehicle.plate)) {
    const claimed = await ctx.directory.vehicleByPlate(reg.plate);
    const result = claimed ? RegisterResult.VehicleAlreadyRegistered : RegisterResult.VehicleUnknown;
    ctx.log.warn({ phone, claimedPlate: reg.plate, registeredPlate: vehicle.plate, result }, 'JT808 registration for another vehicle refused');
    ctx.send(MsgId.RegisterReply, encodeRegisterReply({ replySerial: header.serial, result }));
    return;
  }
  // A terminal that registers again (lost its code, reflashed) gets its existing code back.
  const authCode = vehicle.authCode ?? randomBytes(8).toString('hex').toUpperCase();
  if (!vehicle.authCode) await ctx.terminals.saveAuthCode(vehicle.id, authCode);
  ctx.log.info({ phone, plate: vehicle.plate, edition: reg.edition }, 'JT808 terminal registered');
  ctx.send(MsgId.RegisterReply, encodeRegisterReply({ replySerial: header.serial, result: RegisterResult.Ok, authCode }));
};
