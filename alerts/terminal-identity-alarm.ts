import type { TerminalDeviceIdentity, TerminalIdentityEvent } from '../ingest/ports.ts';
import type { AlarmDecision, AlarmSource } from './alarm-decision.ts';

export const TERMINAL_IDENTITY_CONFLICT = 'terminal_identity_conflict';

const device = (d: TerminalDeviceIdentity) => `终端ID ${d.terminalId}（${d.makerId || '—'}/${d.model || '—'}）`;

function detail(e: TerminalIdentityEvent): string {
  switch (e.kind) {
    case 'registration':
      return `${device(e.presented)} 以本车终端手机号注册，与已绑定的${device(e.bound)}不符，已拒绝（0x8100 结果 3）；来源 ${e.remote}`;
    case 'imei':
      return `鉴权 IMEI ${e.presentedImei} 与已绑定的 IMEI ${e.boundImei} 不符，已拒绝；来源 ${e.remote}`;
    case 'takeover':
      return `会话被另一地址接管：新连接 ${e.remote}，原连接 ${e.previousRemote}（新连接已通过鉴权并取代原连接，请核实是否为换基站重连）`;
    case 'repeated_failures':
      return `注册/鉴权连续 ${e.failures} 次被拒，已暂停该终端手机号的注册与鉴权（约 ${Math.round(e.withinS / 60)} 分钟内逐步恢复）；最近来源 ${e.remote}`;
  }
}

/**
 * An identity conflict is a major alarm on the vehicle. It has no automatic clear: nothing the terminal sends later
 * proves the conflict over, so an operator closes it through the handling steps (or clears it by hand). While it is
 * open a new conflict updates it (count, latest message).
 */
export function terminalIdentityDecision(e: TerminalIdentityEvent): AlarmDecision {
  const source: AlarmSource = { kind: 'vehicle', id: e.vehicle.id, name: e.vehicle.plate, enterpriseId: e.vehicle.enterpriseId, regionCode: e.vehicle.regionCode };
  return { action: 'raise', type: TERMINAL_IDENTITY_CONFLICT, level: null, severity: 'major', source, value: null, at: e.at, message: `${e.vehicle.plate} 终端身份冲突：${detail(e)}` };
}
