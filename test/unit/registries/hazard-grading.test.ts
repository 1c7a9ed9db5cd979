import { describe, expect, it } from 'vitest';
import { alpha, gradeHazardSource, levelOf } from '../../../registry/modules/hazard-grading.ts';

describe('major hazard source grading (GB 18218)', () => {
  it('α follows the people within 500 m', () => {
    expect([0, 1, 29, 30, 49, 50, 99, 100, 500].map(alpha)).toEqual([0.5, 1.0, 1.0, 1.2, 1.2, 1.5, 1.5, 2.0, 2.0]);
  });

  it('levels by R: ≥100 → 1, 50–100 → 2, 10–50 → 3, <10 → 4', () => {
    expect([150, 100, 99.99, 50, 49.9, 10, 9.99, 0].map(levelOf)).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
  });

  it('methanol storage: 3,500 t of Q=500 t, 60 people → R = 1.5 × 1 × 7 = 10.5, level 3', () => {
    expect(gradeHazardSource([{ betaClass: 'other', actualT: 3500, criticalT: 500 }], 60)).toEqual({ sumQRatio: 7, rValue: 10.5, level: 3, isMajor: true });
  });

  it('liquid chlorine and ammonia: 20 t Cl₂ (Q 5, β 4) + 30 t NH₃ (Q 10, β 2), 120 people → R = 2 × (16 + 6) = 44, level 3', () => {
    const g = gradeHazardSource([{ betaClass: 'cl2', actualT: 20, criticalT: 5 }, { betaClass: 'nh3', actualT: 30, criticalT: 10 }], 120);
    expect(g).toEqual({ sumQRatio: 7, rValue: 44, level: 3, isMajor: true });
  });

  it('phosgene: 2 t of Q 0.3 (β 20), 35 people → R = 1.2 × 20 × 6.667 = 160, level 1', () => {
    expect(gradeHazardSource([{ betaClass: 'cocl2', actualT: 2, criticalT: 0.3 }], 35)).toMatchObject({ rValue: 160, level: 1 });
  });

  it('LPG and gasoline: 100 t LPG (Q 50, β 1.5) + 400 t gasoline (Q 200, β 1), nobody within 500 m → R = 0.5 × (3 + 2) = 2.5, level 4', () => {
    const g = gradeHazardSource([{ betaClass: 'flammable_gas', actualT: 100, criticalT: 50 }, { betaClass: 'other', actualT: 400, criticalT: 200 }], 0);
    expect(g).toEqual({ sumQRatio: 4, rValue: 2.5, level: 4, isMajor: true });
  });

  it('below Σq/Q = 1 the unit is not a major hazard source and gets no level', () => {
    expect(gradeHazardSource([{ betaClass: 'other', actualT: 200, criticalT: 500 }, { betaClass: 'nh3', actualT: 5, criticalT: 10 }], 10)).toEqual({
      sumQRatio: 0.9,
      rValue: 1.4,
      level: null,
      isMajor: false,
    });
  });
});
