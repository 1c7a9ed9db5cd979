import type { Logger } from 'pino';
import type { Alarm } from '../../alerts/alarm-store.ts';
import type { Jt808CommandPort } from '../../ingest/jt808/gateway/jt808-server.ts';
import { textCommand } from '../../ingest/jt808/gateway/commands.ts';

/** After an SOS is acknowledged, speaks the operator's text on the terminal (0x8300 with the TTS flag). */
export function sendAcknowledgementText(commands: Jt808CommandPort, log: Logger): (alarm: Alarm, text: string | null) => void {
  return (alarm, text) => {
    if (text === null || alarm.type !== 'sos' || alarm.source.kind !== 'vehicle') return;
    void commands
      .sendCommand(alarm.source.id, textCommand(text, { tts: true, urgent: true }))
      .then((outcome) => log.info({ alarmId: alarm.id, vehicleId: alarm.source.id, outcome }, 'SOS acknowledgement text sent to the terminal (0x8300)'))
      .catch((err: Error) => log.warn({ alarmId: alarm.id, err: err.message }, 'SOS acknowledgement text could not be sent to the terminal'));
  };
}
