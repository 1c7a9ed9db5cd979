import type { RuleOutcome, RuleStep } from './rule-outcome.ts';

/** What the geofence index found for one position, already limited to fences that apply to the vehicle now. */
export interface FenceSituation {
  /** Forbidden zones the point is inside, inside their time windows. */
  readonly forbidden: ReadonlyArray<{ id: number; name: string }>;
  /** null when the vehicle has no allowed area in force; otherwise whether it is outside all of them. */
  readonly outsideAllowedArea: boolean | null;
  /** Same for approved route corridors. */
  readonly offRoute: boolean | null;
  /** Forbidden and speed-limited zones the point is inside (sensitive places to park in). */
  readonly sensitive: ReadonlyArray<{ id: number; name: string }>;
}

export interface GeofenceState {
  readonly lastAt: number | null;
  readonly forbidden: boolean;
  readonly outside: boolean;
  readonly offRoute: boolean;
  readonly parkedSince: number | null;
  readonly parking: boolean;
}
export const initialGeofenceState: GeofenceState = { lastAt: null, forbidden: false, outside: false, offRoute: false, parkedSince: null, parking: false };

function edge(type: string, was: boolean, is: boolean, out: RuleOutcome[]): boolean {
  if (was !== is) out.push({ type, kind: is ? 'raise' : 'clear', value: null });
  return is;
}

/** Pure step: zone entry, leaving the allowed area and route deviation fire at once; parking fires after `parkingMaxS`. Late points are ignored. */
export function evaluateGeofence(
  state: GeofenceState,
  e: { at: number; speedKmh: number; fences: FenceSituation },
  p: { parkingMaxS: number; parkingSpeedKmh: number },
): RuleStep<GeofenceState> {
  if (state.lastAt !== null && e.at <= state.lastAt) return { state, outcomes: [] };
  const out: RuleOutcome[] = [];
  const forbidden = edge('geofence_forbidden', state.forbidden, e.fences.forbidden.length > 0, out);
  const outside = edge('geofence_outside', state.outside, e.fences.outsideAllowedArea === true, out);
  const offRoute = edge('route_deviation', state.offRoute, e.fences.offRoute === true, out);
  const parked = e.speedKmh <= p.parkingSpeedKmh && e.fences.sensitive.length > 0;
  const parkedSince = parked ? (state.parkedSince ?? e.at) : null;
  const parking = edge('parking_overtime', state.parking, parkedSince !== null && e.at - parkedSince >= p.parkingMaxS * 1000, out);
  return { state: { lastAt: e.at, forbidden, outside, offRoute, parkedSince, parking }, outcomes: out };
}
