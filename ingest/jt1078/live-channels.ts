export type ChannelOpenResult = { status: 'opened' | 'already_open' } | { status: 'offline' } | { status: 'timeout' } | { status: 'refused'; result: number };
