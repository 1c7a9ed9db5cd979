// Whether a tank or an alarm belongs to the region selected on the wall, from GET /api/regions/members. The wall
// keeps the user's whole scope live (the critical banner and the status bar watch all of it); the lists follow
// the region through this predicate, so a push from elsewhere never shows in a drilled-down list.

export interface RegionMembers {
  enterpriseIds: number[];
  unassigned: { prefix: string } | { code: string } | null;
}

export interface Placed {
  enterpriseId?: number | null;
  regionCode?: string | null;
}

export type RegionFilter = (record: Placed) => boolean;

export function regionFilter(members: RegionMembers): RegionFilter {
  const enterprises = new Set(members.enterpriseIds);
  const u = members.unassigned;
  return (r) => {
    if (r.enterpriseId != null) return enterprises.has(r.enterpriseId);
    if (!u || !r.regionCode) return false;
    return 'prefix' in u ? r.regionCode.startsWith(u.prefix) : r.regionCode === u.code;
  };
}
