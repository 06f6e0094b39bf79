import { z } from 'zod';
import { BooleanQuery, DateTime, pageOf } from './common.schemas';

export const SubstitutionSchema = z
  .object({
    id: z.string(),
    /** Who is away. */
    username: z.string(),
    /** Who takes their new tasks and escalations meanwhile. */
    substitute: z.string(),
    startsAt: DateTime,
    endsAt: DateTime,
    reason: z.string().nullable(),
    createdBy: z.string(),
    createdAt: DateTime,
    /** In force now (startsAt <= now < endsAt). */
    active: z.boolean(),
  })
  .meta({ id: 'Substitution' });

const Instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

export const CreateSubstitutionBody = z
  .object({
    username: z.string().min(1).max(100).optional().meta({ description: 'who is away; default: you (someone else: admins only)' }),
    substitute: z.string().min(1).max(100),
    startsAt: Instant,
    endsAt: Instant,
    reason: z.string().trim().max(500).optional(),
  })
  .refine((body) => body.endsAt.getTime() > body.startsAt.getTime(), { message: 'endsAt must be after startsAt', path: ['endsAt'] })
  .meta({ id: 'CreateSubstitution' });

export const SubstitutionListQuery = z.object({
  username: z.string().min(1).max(100).optional().meta({ description: 'admins: the absent user; others see their own anyway' }),
  current: BooleanQuery.optional().meta({ description: '`true`: only those not ended yet (endsAt > now)' }),
});

export const SubstitutionList = pageOf(SubstitutionSchema);
