import { createContext, useContext } from 'react';
import type { Role, User } from '../api/types';

export interface Auth {
  user: User;
  /** Ends the session here and on the server. */
  logout(): Promise<void>;
  hasRole(...roles: Role[]): boolean;
}

export const AuthContext = createContext<Auth | null>(null);

/** The signed-in user. Only used below the point where the app knows someone is signed in. */
export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth is used outside a signed-in page');
  return auth;
}
