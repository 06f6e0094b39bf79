/** Saved task list filters: a name and the task list query parameters, per user. */
import { z } from 'zod';
import { DateTime } from './common.schemas';

/** The task list query as URL parameters (`{overdue: 'true', var: ['severity=high']}`). */
export const FilterQuery = z
  .record(z.string().min(1).max(50), z.union([z.string().max(300), z.array(z.string().max(300)).max(5)]))
  .refine((query) => Object.keys(query).length <= 30, 'at most 30 parameters')
  .meta({ id: 'FilterQuery' });

export const SavedFilterSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    query: FilterQuery,
    createdAt: DateTime,
  })
  .meta({ id: 'SavedFilter' });

export const SavedFilterBody = z
  .object({
    name: z.string().trim().min(1, 'a name is required').max(100),
    query: FilterQuery,
  })
  .meta({ id: 'SavedFilterInput' });

export const SavedFilterPatch = SavedFilterBody.partial().meta({ id: 'SavedFilterPatch' });

export const SavedFilterList = z.object({ items: z.array(SavedFilterSchema) });
