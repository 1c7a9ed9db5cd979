import type { TerminalDeviceIdentity } from '../../ports.ts';

const canonical = (s: string) => s.trim().toUpperCase();

/**
 * The same device: maker and terminal ID agree (JT/T 808 leaves the terminal ID to the maker, so only the pair is
 * unique). The model is kept for the operator but not compared: firmware updates are known to change it.
 */
export function sameDevice(bound: TerminalDeviceIdentity, presented: TerminalDeviceIdentity): boolean {
  return canonical(bound.terminalId) === canonical(presented.terminalId) && canonical(bound.makerId) === canonical(presented.makerId);
}

export const sameImei = (bound: string, presented: string) => canonical(bound) === canonical(presented);

/** `1.2.3.4:5678` → `1.2.3.4`, `::ffff:1.2.3.4:5678` → `::ffff:1.2.3.4`: the port changes with every connection. */
export const addressOf = (remote: string) => remote.slice(0, remote.lastIndexOf(':'));
