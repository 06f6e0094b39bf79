import { z } from 'zod';

export const RoleSchema = z.enum(['admin', 'owner', 'manager', 'staff']);

export const UserSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    name: z.string(),
    email: z.string(),
    roles: z.array(RoleSchema),
    groups: z.array(z.string()),
    managerId: z.string().nullable(),
    active: z.boolean(),
  })
  .meta({ id: 'User' });

export const LoginBody = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(1000),
});

export const LoginResponse = z.object({
  token: z.string().meta({ description: 'Bearer token; also set as the HttpOnly cookie `qualflow_session`' }),
  expiresAt: z.string(),
  user: UserSchema,
});

export const HealthResponse = z.object({
  status: z.enum(['ok', 'unavailable']),
  temporal: z.enum(['up', 'down']),
  database: z.enum(['up', 'down']),
});
