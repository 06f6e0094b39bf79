/**
 * Request and response of an admin's correction of a running instance's process
 * variables. Imports nothing from the server (the designer may import it).
 */
import { z } from 'zod';
import { VariablesSchema } from './common.schemas';

export const VariablesEditBody = z.object({
  /** Top-level process variables to set; each replaces the value of that name. */
  variables: VariablesSchema.refine((variables) => Object.keys(variables).length > 0, 'Name at least one variable to change'),
  /** Why the values change; kept in the audit trail with the earlier values. */
  reason: z.string().trim().min(1).max(2000),
});

export const VariablesEdited = z
  .object({
    id: z.string(),
    /** Names of the variables set. */
    changed: z.array(z.string()),
    /** Every process variable after the change. */
    variables: VariablesSchema,
  })
  .meta({ id: 'VariablesEdited' });
