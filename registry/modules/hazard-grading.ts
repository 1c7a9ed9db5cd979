/** GB 18218 / decree 40 grading of a major hazard source: R = α · Σ(βᵢ · qᵢ / Qᵢ). */
export const betaClasses = {
  co: { label: '一氧化碳', beta: 2 },
  so2: { label: '二氧化硫', beta: 2 },
  nh3: { label: '氨', beta: 2 },
  ethylene_oxide: { label: '环氧乙烷', beta: 2 },
  hcl: { label: '氯化氢', beta: 3 },
  ch3br: { label: '溴甲烷', beta: 3 },
  cl2: { label: '氯', beta: 4 },
  h2s: { label: '硫化氢', beta: 5 },
  hf: { label: '氟化氢', beta: 5 },
  no2: { label: '二氧化氮', beta: 10 },
  hcn: { label: '氰化氢', beta: 10 },
  cocl2: { label: '碳酰氯（光气）', beta: 20 },
  ph3: { label: '磷化氢', beta: 20 },
  mic: { label: '异氰酸甲酯', beta: 20 },
  other_toxic_gas: { label: '其他毒性气体', beta: 2 },
  other_highly_toxic_gas: { label: '其他剧毒气体', beta: 4 },
  explosive: { label: '爆炸物', beta: 2 },
  flammable_gas: { label: '易燃气体', beta: 1.5 },
  other: { label: '其他危险化学品', beta: 1 },
} as const;

export type BetaClass = keyof typeof betaClasses;

export interface HazardChemical {
  betaClass: BetaClass;
  /** Actual quantity q, tonnes. */
  actualT: number;
  /** Critical quantity Q, tonnes. */
  criticalT: number;
}

/** α by people within 500 m of the plant boundary. */
export function alpha(people: number): number {
  if (people >= 100) return 2.0;
  if (people >= 50) return 1.5;
  if (people >= 30) return 1.2;
  if (people >= 1) return 1.0;
  return 0.5;
}

/** GB 18218 levels, 一级 the most dangerous. */
export const hazardLevelLabels: Record<1 | 2 | 3 | 4, string> = { 1: '一级', 2: '二级', 3: '三级', 4: '四级' };

export function levelOf(r: number): 1 | 2 | 3 | 4 {
  if (r >= 100) return 1;
  if (r >= 50) return 2;
  if (r >= 10) return 3;
  return 4;
}

/** A unit is a major hazard source when Σ q/Q ≥ 1; only then does it get a level. */
export function gradeHazardSource(chemicals: readonly HazardChemical[], peopleWithin500m: number) {
  const sumQRatio = chemicals.reduce((s, c) => s + c.actualT / c.criticalT, 0);
  const r = alpha(peopleWithin500m) * chemicals.reduce((s, c) => s + betaClasses[c.betaClass].beta * (c.actualT / c.criticalT), 0);
  const rValue = Math.round(r * 100) / 100;
  return { sumQRatio: Math.round(sumQRatio * 1000) / 1000, rValue, level: sumQRatio >= 1 ? levelOf(r) : null, isMajor: sumQRatio >= 1 };
}
