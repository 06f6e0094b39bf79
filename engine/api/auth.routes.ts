import { z } from 'zod';
import { clearSessionCookie, setSessionCookie } from './auth.middleware';
import { login, logout } from './auth.service';
import type { LoginRateLimiter } from './login-rate-limit';
import { route, type AnyRoute } from './route';
import { LoginBody, LoginResponse, UserSchema } from './schemas/auth.schemas';
import { ErrorSchema } from './schemas/common.schemas';
import { toAuthUserView } from './user.service';

/** Login, logout and the current user. */
export function authRoutes(limiter: LoginRateLimiter): AnyRoute[] {
  return [
    route({
      method: 'post',
      path: '/auth/login',
      summary: 'Log in: returns a bearer token and sets the session cookie',
      tag: 'auth',
      access: 'public',
      body: LoginBody,
      responses: {
        200: { description: 'Logged in', schema: LoginResponse },
        401: { description: 'Wrong username or password', schema: ErrorSchema },
        429: { description: 'Too many failed attempts; see Retry-After', schema: ErrorSchema },
      },
      async handle({ deps, req, res, body }) {
        const result = await login(deps.db, limiter, { ...body, ip: req.ip });
        setSessionCookie(req, res, result.token);
        return {
          body: { token: result.token, expiresAt: result.expiresAt.toISOString(), user: toAuthUserView(result.user) },
        };
      },
    }),
    route({
      method: 'post',
      path: '/auth/logout',
      summary: 'End the current session',
      tag: 'auth',
      access: 'user',
      responses: { 204: { description: 'Logged out' } },
      async handle({ deps, req, res, user }) {
        await logout(deps.db, res.locals.token as string, user.username);
        clearSessionCookie(req, res);
        return { status: 204 };
      },
    }),
    route({
      method: 'get',
      path: '/me',
      summary: 'The logged-in user with roles, groups and manager',
      tag: 'auth',
      access: 'user',
      responses: { 200: { description: 'The current user', schema: UserSchema.extend({ reports: z.array(z.string()) }) } },
      handle({ user }) {
        return { body: { ...toAuthUserView(user), reports: user.reports } };
      },
    }),
  ];
}
