import { useEffect, useMemo } from 'react';
import type { Role } from './api/types';
import { AuthContext, type Auth } from './auth/auth-context';
import { LoginPage } from './auth/LoginPage';
import { useSession } from './auth/use-session';
import { Header } from './components/Header';
import { Loading } from './components/Loading';
import { PageForRoute } from './PageForRoute';
import { navigate, useHashRoute } from './router/use-hash-route';

/** Signs the user in, then shows the page the address asks for. */
export function App() {
  const session = useSession();
  const route = useHashRoute();
  const { state } = session;

  useEffect(() => {
    if (state.status === 'signedIn' && route.name === 'login') navigate({ name: 'tasks', tab: 'mine' });
  }, [state.status, route.name]);

  const auth = useMemo<Auth | null>(() => {
    if (state.status !== 'signedIn') return null;
    const roles = new Set<Role>(state.user.roles);
    return {
      user: state.user,
      logout: session.logout,
      hasRole: (...wanted: Role[]) => wanted.some((role) => roles.has(role)),
    };
  }, [state, session.logout]);

  if (state.status === 'checking') return <Loading label="Starting Qualflow…" />;
  if (!auth) return <LoginPage onLogin={session.login} />;

  return (
    <AuthContext.Provider value={auth}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header current={route} />
      <main id="main" className="page" tabIndex={-1}>
        <PageForRoute route={route} />
      </main>
    </AuthContext.Provider>
  );
}
