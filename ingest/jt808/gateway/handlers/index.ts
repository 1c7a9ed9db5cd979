import { MsgId } from '../../codec/index.ts';
import type { MessageHandler } from '../handler-context.ts';
import { handleAuthenticate } from './authenticate.ts';
import { handleBatchLocation } from './batch-location.ts';
import { handleHeartbeat } from './heartbeat.ts';
import { handleLocation } from './location.ts';
import { handleLogout } from './logout.ts';
import { handleMediaEvent } from './media-event.ts';
import { handleMediaUpload } from './media-upload.ts';
import { handlePhotoReply } from './photo-reply.ts';
import { handleRegister } from './register.ts';
import { handleTerminalResponse } from './terminal-response.ts';
import { handleAvMessage } from './av-messages.ts';

/** One handler per uplink message id. `open` handlers run before authentication. */
export const handlers = new Map<number, { handle: MessageHandler; open?: true }>([
  [MsgId.Register, { handle: handleRegister, open: true }],
  [MsgId.Authenticate, { handle: handleAuthenticate, open: true }],
  [MsgId.Heartbeat, { handle: handleHeartbeat }],
  [MsgId.Logout, { handle: handleLogout }],
  [MsgId.Location, { handle: handleLocation }],
  [MsgId.BatchLocation, { handle: handleBatchLocation }],
  [MsgId.TerminalResponse, { handle: handleTerminalResponse }],
  [MsgId.PhotoReply, { handle: handlePhotoReply }],
  [MsgId.MediaEvent, { handle: handleMediaEvent }],
  [MsgId.MediaUpload, { handle: handleMediaUpload }],
  [MsgId.AvAttributesReply, { handle: handleAvMessage }],
  [MsgId.PassengerFlow, { handle: handleAvMessage }],
  [MsgId.AvStatus, { handle: handleAvMessage }],
]);
