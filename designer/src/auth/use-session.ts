import { useCallback, useEffect, useState } from 'react';
import { onUnauthorized, setToken } from '../api/client';
import { fetchMe, login as loginCall, logout as logoutCall } from '../api/endpoints';
import type { User } from '../api/types';

const SIGNED_OUT_KEY = 'qualflow.signedOut';

export type SessionState = { status: 'checking' } | { status: 'signedOut' } | { status: 'signedIn'; user: User };

export interface Session {
  state: SessionState;
  /** Signs in; throws the API error when the credentials are refused. */
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
}

/**
 * Who is signed in. On load, asks `GET /api/me` (the session cookie or the tab's token
 * may still be valid) unless this tab signed out explicitly.
 */
export function useSession(): Session {
  const [state, setState] = useState<SessionState>({ status: 'checking' });

  useEffect(() => {
    if (sessionStorage.getItem(SIGNED_OUT_KEY)) {
      setState({ status: 'signedOut' });
      return;
    }
    let current = true;
    fetchMe()
      .then((user) => current && setState({ status: 'signedIn', user }))
      .catch(() => current && setState({ status: 'signedOut' }));
    return () => {
      current = false;
    };
  }, []);

  useEffect(
    () =>
      onUnauthorized(() => {
        setToken(null);
        setState({ status: 'signedOut' });
      }),
    [],
  );

  const login = useCallback(async (username: string, password: string) => {
    const { token, user } = await loginCall(username, password);
    setToken(token);
    sessionStorage.removeItem(SIGNED_OUT_KEY);
    setState({ status: 'signedIn', user });
  }, []);

  const logout = useCallback(async () => {
    await logoutCall().catch(() => undefined);
    setToken(null);
    sessionStorage.setItem(SIGNED_OUT_KEY, '1');
    setState({ status: 'signedOut' });
  }, []);

  return { state, login, logout };
}
