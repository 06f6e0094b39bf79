/** The instance list call and its CSV export address, with the list's filters. */
import { apiRequest } from '../api/client';
import type { InstanceSummary, Page } from '../api/types';
import { instanceQueryOf, type InstanceFilters } from './list-filters';

export const PAGE_SIZE = 50;

export const fetchInstancePage = (filters: InstanceFilters, page: number) =>
  apiRequest<Page<InstanceSummary>>('/api/instances', { query: { ...filters, page, pageSize: PAGE_SIZE } });

/** Where the browser downloads the same list as CSV (the session cookie authorises it). */
export function instancesCsvHref(filters: InstanceFilters): string {
  const query = instanceQueryOf(filters);
  return `/api/instances.csv${query ? `?${query}` : ''}`;
}
