/**
 * Finds the session of a request — `Authorization: Bearer <token>` or the
 * `qualflow_session` cookie — and puts its user in `res.locals.user`. Routes decide
 * whether a user is required (see route.ts); this middleware never refuses.
 */
import type { Request, RequestHandler, Response } from 'express';
import { resolveSession, SESSION_TTL_MS } from './auth.service';
import type { Db } from './context';

export const SESSION_COOKIE = 'qualflow_session';

export function readToken(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim() || undefined;
  return readCookie(req.headers.cookie, SESSION_COOKIE);
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      return value ? decodeURIComponent(value) : undefined;
    }
  }
  return undefined;
}

export function authenticate(db: Db): RequestHandler {
  return async (req, res, next) => {
    const token = readToken(req);
    if (token && token.length <= 200) {
      const user = await resolveSession(db, token);
      if (user) {
        res.locals.user = user;
        res.locals.token = token;
      }
    }
    next();
  };
}

export function setSessionCookie(req: Request, res: Response, token: string): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: req.secure,
    path: '/',
    maxAge: SESSION_TTL_MS,
  });
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/' });
}
