/**
 * Exact conversions into a sensor's configured unit. Linear units are a factor to a base unit per
 * dimension; temperatures are affine. %LEL and %OEL depend on the gas, so they convert to nothing but themselves.
 */
const linear: Record<string, { dimension: string; factor: number }> = {
  m: { dimension: 'length', factor: 1 },
  cm: { dimension: 'length', factor: 1e-2 },
  mm: { dimension: 'length', factor: 1e-3 },
  Pa: { dimension: 'pressure', factor: 1 },
  kPa: { dimension: 'pressure', factor: 1e3 },
  MPa: { dimension: 'pressure', factor: 1e6 },
  mbar: { dimension: 'pressure', factor: 1e2 },
  bar: { dimension: 'pressure', factor: 1e5 },
  ppm: { dimension: 'fraction', factor: 1 },
  '%VOL': { dimension: 'fraction', factor: 1e4 },
};

const toKelvin: Record<string, (v: number) => number> = {
  K: (v) => v,
  '°C': (v) => v + 273.15,
  '℃': (v) => v + 273.15,
  '°F': (v) => ((v - 32) * 5) / 9 + 273.15,
  '℉': (v) => ((v - 32) * 5) / 9 + 273.15,
};
const fromKelvin: Record<string, (k: number) => number> = {
  K: (k) => k,
  '°C': (k) => k - 273.15,
  '℃': (k) => k - 273.15,
  '°F': (k) => ((k - 273.15) * 9) / 5 + 32,
  '℉': (k) => ((k - 273.15) * 9) / 5 + 32,
};

/** Binary floating point leaves noise like 26.850000000000023; 12 significant digits is beyond any instrument. */
const clean = (v: number) => Number(v.toPrecision(12));

/** The value in the sensor's unit, or null when `from` is unknown or not convertible to `to`. */
export function convertUnit(value: number, from: string, to: string): number | null {
  if (from === to) return value;
  const a = linear[from];
  const b = linear[to];
  if (a && b && a.dimension === b.dimension) {
    // Multiply before dividing so that decimal factors stay exact where they can (1500 kPa → 1.5 MPa).
    return a.factor >= b.factor ? clean((value * a.factor) / b.factor) : clean(value / (b.factor / a.factor));
  }
  const k = toKelvin[from];
  const back = fromKelvin[to];
  if (k && back) return clean(back(k(value)));
  return null;
}
