/**
 * Schemas shared by several resources. The schemas in this folder are the contract
 * between the API and its clients (the designer imports them too): they import
 * nothing from the server.
 */
import { z } from 'zod';

export const ErrorSchema = z
  .object({
    error: z.string(),
    details: z.unknown().optional(),
    correlationId: z.string().optional(),
  })
  .meta({ id: 'Error' });

/** Process or task variables: a JSON object. */
export const VariablesSchema = z.record(z.string(), z.unknown()).meta({ id: 'Variables' });

export const IdParams = z.object({ id: z.string().min(1).max(200) });

const positiveInt = (fallback: number, max: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback);

export const PageQuery = z.object({
  page: positiveInt(1, 1_000_000).meta({ description: '1-based page number' }),
  pageSize: positiveInt(50, 200).meta({ description: 'items per page (max 200)' }),
});

/** `?flag=true|false` as a boolean. */
export const BooleanQuery = z.enum(['true', 'false']).transform((value) => value === 'true');

/** `{items, total}` of one item schema. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

export const DateTime = z.string().meta({ format: 'date-time' });
