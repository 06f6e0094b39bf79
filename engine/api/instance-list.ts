/**
 * The monitor's instance list: the filters of `GET /api/instances` as one Prisma `where`
 * (always narrowed to what the caller may see), and the same list as CSV for a
 * spreadsheet, with every cell a spreadsheet could run as a formula neutralised.
 */
import type { z } from 'zod';
import type { Prisma } from '../db/generated/client';
import { instanceScope } from './access';
import type { AuthUser, Db } from './context';
import type { InstanceExportQuery } from './schemas/instance.schemas';
import { overdueAt } from './task-query';

export type InstanceFilter = z.output<typeof InstanceExportQuery>;

/** The statuses of an instance that has not ended. */
export const OPEN_STATUSES = ['active', 'incident'];

/** The most rows one export holds; a larger result asks for narrower filters. */
export const EXPORT_LIMIT = 50_000;

/** The instances `user` may see that match `query`, as of `now` (for `overdue`). */
export function instanceListWhere(user: AuthUser, query: InstanceFilter, now = new Date()): Prisma.InstanceWhereInput {
  const started: Prisma.DateTimeFilter = {
    ...(query.startedAfter && { gte: new Date(query.startedAfter) }),
    ...(query.startedBefore && { lt: new Date(query.startedBefore) }),
  };
  const openIncident: Prisma.InstanceWhereInput = { incidents: { some: { state: 'open' } } };
  const overdueTask: Prisma.InstanceWhereInput = { tasks: { some: overdueAt(now) } };
  const filters: Prisma.InstanceWhereInput[] = [
    ...(query.processKey ? [{ processKey: query.processKey }] : []),
    ...(query.version ? [{ version: query.version }] : []),
    ...(query.status ? [{ status: query.status === 'open' ? { in: OPEN_STATUSES } : query.status }] : []),
    ...(query.businessKey ? [{ businessKey: { contains: query.businessKey } }] : []),
    ...(Object.keys(started).length > 0 ? [{ startedAt: started }] : []),
    ...(query.endedAfter ? [{ endedAt: { gte: new Date(query.endedAfter) } }] : []),
    ...(query.hasIncident === undefined ? [] : [query.hasIncident ? openIncident : { NOT: openIncident }]),
    ...(query.overdue === undefined ? [] : [query.overdue ? overdueTask : { NOT: overdueTask }]),
  ];
  const scope = instanceScope(user);
  return { AND: [...filters, ...(scope ? [scope] : [])] };
}

export function instanceOrder(sort: InstanceFilter['sort']): Prisma.InstanceOrderByWithRelationInput[] {
  const direction = sort === 'startedAt' ? 'asc' : 'desc';
  return [{ startedAt: direction }, { id: direction }];
}

const COLUMNS = ['id', 'processKey', 'version', 'businessKey', 'status', 'startedBy', 'startedAt', 'endedAt'] as const;

/**
 * The instances `user` may see that match `query` as CSV (RFC 4180, header row first),
 * at most EXPORT_LIMIT rows.
 */
export async function exportInstancesCsv(db: Db, user: AuthUser, query: InstanceFilter): Promise<string> {
  const rows = await db.instance.findMany({
    where: instanceListWhere(user, query),
    orderBy: instanceOrder(query.sort),
    select: { id: true, processKey: true, version: true, businessKey: true, status: true, startedBy: true, startedAt: true, endedAt: true },
    take: EXPORT_LIMIT,
  });
  const lines = rows.map((row) =>
    COLUMNS.map((column) => {
      const value = row[column];
      return csvCell(value instanceof Date ? value.toISOString() : value);
    }).join(','),
  );
  return [COLUMNS.join(','), ...lines].join('\r\n') + '\r\n';
}

/**
 * One CSV cell, quoted. Text a spreadsheet would read as a formula (leading `=`, `+`,
 * `-`, `@`, tab or carriage return) gets a leading apostrophe, as OWASP advises against
 * CSV injection; numbers stay numbers.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}
