import { MsgId } from '../../codec/index.ts';
import type { MessageHandler } from '../handler-context.ts';
import { handleAuthenticate } from './authenticate.ts';
import { handleBatchLocation } from './batch-location.ts';
import { handleHeartbeat } from './heartbeat.ts';
import { handleLocation } from './location.ts';
import { handleLogout } from './logout.ts';
import { handleRegister } from './register.ts';
import { handleTerminalResponse } from './terminal-response.ts';

/** One handler per uplink message id. `open` handlers run before authentication. */
export const handlers = new Map<number, { handle: MessageHandler; open?: true }>([
  [MsgId.Register, { handle: handleRegister, open: true }],
  [MsgId.Authenticate, { handle: handleAuthenticate, open: true }],
  [MsgId.Heartbeat, { handle: handleHeartbeat }],
  [MsgId.Logout, { handle: handleLogout }],
  [MsgId.Location, { handle: handleLocation }],
  [MsgId.BatchLocation, { handle: handleBatchLocation }],
  [MsgId.TerminalResponse, { handle: handleTerminalResponse }],
]);
