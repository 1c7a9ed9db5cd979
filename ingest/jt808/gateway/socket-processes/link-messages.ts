/** IPC between the gateway and its socket processes (structured clone, so Buffers travel as bytes). */

/** What the gateway asks of one link: write bytes, pause, resume, end. */
export type LinkOp = [id: number, op: 'w', bytes: Buffer] | [id: number, op: 'p' | 'r' | 'e'];
/** What a socket process reports of one link: bytes received, or closed (with its own reason, if it closed it). */
export type LinkEvent = [id: number, ev: 'd', chunk: Buffer] | [id: number, ev: 'c', reason: string | null];

export type ToSocketProcess =
  | { t: 'adopt'; id: number }
  | { t: 'ops'; ops: LinkOp[] }
  | { t: 'stats'; req: number }
  | { t: 'shutdown' };

export type FromSocketProcess =
  | { t: 'ready' }
  | { t: 'events'; events: LinkEvent[] }
  | { t: 'stats'; req: number; links: number; rssBytes: number };
