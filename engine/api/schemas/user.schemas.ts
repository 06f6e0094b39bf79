import { z } from 'zod';
import { RoleSchema, UserSchema } from './auth.schemas';

export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;
export const GROUP_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._ -]{0,63}$/;

export const CreateUserBody = z.object({
  username: z.string().regex(USERNAME_PATTERN, 'letters, digits and . _ @ - (at most 64)'),
  name: z.string().trim().min(1).max(200),
  email: z.email().max(320),
  password: z.string().min(4).max(1000),
  roles: z.array(RoleSchema).min(1),
  groups: z.array(z.string().regex(GROUP_PATTERN, 'letters, digits, space and . _ - (at most 64)')).default([]),
  managerId: z.string().min(1).max(200).optional(),
});
export type CreateUserInput = z.input<typeof CreateUserBody>;

export const UserList = z.object({ items: z.array(UserSchema), total: z.number().int() });

export const GroupSchema = z
  .object({ id: z.string(), name: z.string(), members: z.array(z.string()) })
  .meta({ id: 'Group' });

export const GroupList = z.object({ items: z.array(GroupSchema), total: z.number().int() });
