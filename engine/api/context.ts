/**
 * The types every API module shares: the dependencies the app is built over and the
 * authenticated user a request runs as.
 */
import type { Client } from '@temporalio/client';
import type { PrismaClient } from '../db/generated/client';

export type Db = PrismaClient;

export const ROLES = ['admin', 'owner', 'manager', 'staff'] as const;
export type Role = (typeof ROLES)[number];

/** The person a request runs as, loaded once per request from their session. */
export interface AuthUser {
  id: string;
  username: string;
  name: string;
  email: string;
  roles: Role[];
  /** Names of the groups the user belongs to. */
  groups: string[];
  managerId: string | null;
  /** Usernames of the people reporting directly to this user (empty unless a manager). */
  reports: string[];
  /** Keys of the processes the user owns or is given, so sees all of (see access.ts). */
  processes?: string[];
}

/** How long the API waits for Temporal before answering 503. */
export interface TemporalTimeouts {
  startMs: number;
  updateMs: number;
  queryMs: number;
  signalMs: number;
}

export interface ApiDeps {
  db: Db;
  temporal: Client;
  taskQueue: string;
  timeouts: TemporalTimeouts;
  log: (line: string) => void;
  /** The Temporal web UI, for admins' deep links (config.ts); undefined: not known. */
  temporalUiUrl?: string;
}

export const DEFAULT_TIMEOUTS: TemporalTimeouts = {
  startMs: 10_000,
  updateMs: 30_000,
  queryMs: 3_000,
  signalMs: 10_000,
};

export function hasRole(user: AuthUser, ...roles: Role[]): boolean {
  return roles.some((role) => user.roles.includes(role));
}
