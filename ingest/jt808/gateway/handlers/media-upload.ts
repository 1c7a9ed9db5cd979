import { decodeMediaUpload, encodeMediaUploadReply, MsgId } from '../../codec/index.ts';
import type { MessageHandler } from '../handler-context.ts';

/** 0x0801, reassembled from its sub-packages: stored, then confirmed with 0x8800 (nothing missing). */
export const handleMediaUpload: MessageHandler = async (ctx, _header, body) => {
  const upload = decodeMediaUpload(body, ctx.session.edition);
  await ctx.media.storeMedia({ vehicle: ctx.session.vehicle!, upload, receivedAt: new Date() });
  ctx.log.info({ phone: ctx.session.phone, mediaId: upload.mediaId, bytes: upload.data.length, channel: upload.channel }, 'JT808 multimedia stored');
  ctx.send(MsgId.MediaUploadReply, encodeMediaUploadReply({ mediaId: upload.mediaId, missing: [] }));
};
