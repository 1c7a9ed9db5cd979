import { decodeAuthenticate, normalizePhone, ResponseResult } from '../../codec/index.ts';
import type { MessageHandler } from '../handler-context.ts';
import { verifyAuthCode } from '../../../../registry/terminal-auth-codes.ts';
import { sameImei } from '../terminal-identity.ts';
import { attemptBlocked, attemptRefused } from './attempts.ts';

/**
 * 0x0102: the session is trusted only after the terminal presents the auth code it was given. A 2019 terminal also
 * sends its IMEI: the first one is bound to the vehicle, and another IMEI with the right code is an identity conflict.
 */
export const handleAuthenticate: MessageHandler = async (ctx, header, body) => {
  const auth = decodeAuthenticate(body, header);
  const phone = normalizePhone(header.phone);
  if (attemptBlocked(ctx, phone, '0x0102')) return ctx.respond(header, ResponseResult.Fail);
  const vehicle = await ctx.directory.vehicleByPhone(phone);
  if (!vehicle || !verifyAuthCode(auth.authCode, vehicle.authCodeHash)) {
    ctx.log.warn({ phone, known: Boolean(vehicle) }, 'JT808 authentication refused');
    attemptRefused(ctx, phone, vehicle, '0x0102', vehicle ? 'bad_code' : 'unknown_terminal');
    return ctx.respond(header, ResponseResult.Fail);
  }
  const imei = auth.imei?.trim();
  if (imei && vehicle.terminalImei && !sameImei(vehicle.terminalImei, imei)) {
    ctx.log.warn({ phone, plate: vehicle.plate, boundImei: vehicle.terminalImei, presentedImei: imei, remote: ctx.session.remote }, 'JT808 authentication with another IMEI than the bound one refused');
    ctx.metrics.jt808IdentityConflicts.inc({ kind: 'imei' });
    ctx.identityConflict({ kind: 'imei', boundImei: vehicle.terminalImei, presentedImei: imei, vehicle, remote: ctx.session.remote, at: new Date(ctx.now()) });
    attemptRefused(ctx, phone, vehicle, '0x0102', 'imei_mismatch');
    return ctx.respond(header, ResponseResult.Fail);
  }
  if (imei && !vehicle.terminalImei) {
    await ctx.terminals.bindImei(vehicle.id, imei);
    ctx.log.info({ phone, plate: vehicle.plate, imei }, 'JT808 terminal IMEI bound to its vehicle at first 2019 authentication');
  }
  ctx.session.vehicle = vehicle;
  ctx.session.authenticated = true;
  ctx.bindTerminal(phone);
  ctx.log.info({ phone, plate: vehicle.plate }, 'JT808 terminal authenticated');
  ctx.respond(header, ResponseResult.Ok);
};
