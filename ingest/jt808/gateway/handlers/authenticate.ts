import { decodeAuthenticate, normalizePhone, ResponseResult } from '../../codec/index.ts';
import type { MessageHandler } from '../handler-context.ts';

/** 0x0102: the session is trusted only after the terminal presents the auth code it was given. */
export const handleAuthenticate: MessageHandler = async (ctx, header, body) => {
  const auth = decodeAuthenticate(body, header);
  const phone = normalizePhone(header.phone);
  const vehicle = await ctx.directory.vehicleByPhone(phone);
  if (!vehicle || !vehicle.authCode || vehicle.authCode !== auth.authCode) {
    ctx.log.warn({ phone, known: Boolean(vehicle) }, 'JT808 authentication refused');
    ctx.metrics.jt808Frames.inc({ msg: '0x0102', result: 'auth_refused' });
    ctx.respond(header, ResponseResult.Fail);
    return;
  }
  ctx.session.vehicle = vehicle;
  ctx.session.authenticated = true;
  ctx.bindTerminal(phone);
  ctx.log.info({ phone, plate: vehicle.plate }, 'JT808 terminal authenticated');
  ctx.respond(header, ResponseResult.Ok);
};
