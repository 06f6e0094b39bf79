/**
 * The instance list's filters as they travel in the address (`#/instances?processKey=capa&overdue=true`)
 * and to the API (`GET /api/instances`, `GET /api/instances.csv`). Pure.
 */

/** Filter name → value, as the API names them; empty values are left out. */
export type InstanceFilters = Partial<Record<InstanceFilterName, string>>;

export const INSTANCE_FILTER_NAMES = ['processKey', 'version', 'status', 'businessKey', 'startedAfter', 'startedBefore', 'endedAfter', 'hasIncident', 'overdue'] as const;
export type InstanceFilterName = (typeof INSTANCE_FILTER_NAMES)[number];

/** The known, non-empty filters of `query`. */
export function instanceFiltersOf(query: URLSearchParams): InstanceFilters {
  const filters: InstanceFilters = {};
  for (const name of INSTANCE_FILTER_NAMES) {
    const value = query.get(name);
    if (value) filters[name] = value;
  }
  return filters;
}

/** `filters` as a query string without the `?` (in INSTANCE_FILTER_NAMES order, so addresses are stable). */
export function instanceQueryOf(filters: InstanceFilters): string {
  const query = new URLSearchParams();
  for (const name of INSTANCE_FILTER_NAMES) {
    const value = filters[name];
    if (value) query.set(name, value);
  }
  return query.toString();
}
