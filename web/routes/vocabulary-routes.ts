import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { loginFailureLabels, roleLabels } from '../../platform/auth/accounts.ts';
import { auditActionLabels } from '../../registry/audit-trail.ts';
import { organizationKindLabels } from '../../registry/organization-kinds.ts';
import { expiryKindLabels } from '../../registry/expiry-kinds.ts';
import { hazardLevelLabels } from '../../registry/modules/hazard-grading.ts';
import { sensorKindLabels } from '../../registry/modules/tanks.ts';
import { resourceKindLabels } from '../../registry/modules/emergency-resources.ts';
import { vehicleStateLabels } from '../../monitor/live-state/vehicle-state.ts';
import { sensorStateLabels } from '../../monitor/live-state/sensor-state.ts';
import { alarmTypeLabel, severityLabel, severityRank, thresholdLevelLabel } from '../../alerts/alarm-labels.ts';
import { alarmEventActionLabels, displayStateLabels, historyStateLabels, notificationStateLabels, reviewResultLabels } from '../../alerts/handling/handling-labels.ts';
import { ruleKindLabels } from '../../alerts/rules/rule-kinds.ts';

const entry = z.object({ code: z.string(), label: z.string(), rank: z.number().int().optional() });
const list = z.array(entry);
const names = [
  'sensorKinds',
  'sensorStates',
  'thresholdLevels',
  'severities',
  'alarmTypes',
  'alarmDisplayStates',
  'alarmHistoryStates',
  'alarmEventActions',
  'reviewResults',
  'auditActions',
  'roles',
  'loginFailureReasons',
  'organizationKinds',
  'expiryKinds',
  'hazardLevels',
  'vehicleStates',
  'emergencyResourceKinds',
  'ruleKinds',
  'notificationStates',
] as const;
const vocabulariesSchema = z.object(Object.fromEntries(names.map((n) => [n, list])) as Record<(typeof names)[number], typeof list>);
export type Vocabularies = z.infer<typeof vocabulariesSchema>;

const entries = (labels: Readonly<Record<string | number, string>>) => Object.entries(labels).map(([code, label]) => ({ code, label }));

/** Every fixed vocabulary of the server as code → Chinese label, from the layer that owns it. */
export function vocabularies(): Vocabularies {
  return {
    sensorKinds: entries(sensorKindLabels),
    sensorStates: entries(sensorStateLabels),
    thresholdLevels: entries(thresholdLevelLabel),
    severities: entries(severityLabel)
      .map((e) => ({ ...e, rank: severityRank[e.code as keyof typeof severityRank] }))
      .sort((a, b) => b.rank - a.rank),
    alarmTypes: entries(alarmTypeLabel),
    alarmDisplayStates: entries(displayStateLabels),
    alarmHistoryStates: entries(historyStateLabels),
    alarmEventActions: entries(alarmEventActionLabels),
    reviewResults: entries(reviewResultLabels),
    auditActions: entries(auditActionLabels),
    roles: entries(roleLabels),
    loginFailureReasons: entries(loginFailureLabels),
    organizationKinds: entries(organizationKindLabels),
    expiryKinds: entries(expiryKindLabels),
    hazardLevels: Object.entries(hazardLevelLabels).map(([code, label]) => ({ code, label, rank: 5 - Number(code) })),
    vehicleStates: entries(vehicleStateLabels),
    emergencyResourceKinds: entries(resourceKindLabels),
    ruleKinds: entries(ruleKindLabels),
    notificationStates: entries(notificationStateLabels),
  };
}

/** `GET /api/vocabularies`: the frontend reads its labels here instead of keeping copies. */
export const vocabularyRoutes: FastifyPluginAsyncZod = async (app) => {
  const body = vocabularies();
  app.get(
    '/api/vocabularies',
    { preHandler: app.requireUser, schema: { tags: ['meta'], summary: '代码表：各类代码与中文名称（传感器类型、报警类型、严重程度、处置状态、操作类型、角色等）', response: { 200: vocabulariesSchema } } },
    async () => body,
  );
};
