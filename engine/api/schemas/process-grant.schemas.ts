import { z } from 'zod';
import { DateTime } from './common.schemas';

export const ProcessKeyParams = z.object({ key: z.string().min(1).max(255) });
export const GrantParams = ProcessKeyParams.extend({ username: z.string().min(1).max(100) });

export const ProcessGrantSchema = z
  .object({ username: z.string(), grantedBy: z.string(), createdAt: DateTime })
  .meta({ id: 'ProcessGrant' });

export const ProcessGrantList = z.object({ items: z.array(ProcessGrantSchema) });
