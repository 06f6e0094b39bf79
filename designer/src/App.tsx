import { useEffect, useMemo, useRef } from 'react';
import type { Role } from './api/types';
import { AuthContext, type Auth } from './auth/auth-context';
import { LoginPage } from './auth/LoginPage';
import { useSession } from './auth/use-session';
import { Header } from './components/Header';
import { Loading } from './components/Loading';
import { PageForRoute } from './PageForRoute';
import { titleOf } from './router/page-title';
import { useFocusOnPageChange } from './router/use-focus-on-page-change';
import { navigate, useHashRoute } from './router/use-hash-route';

/** Signs the user in, then shows the page the address asks for. */
export function App() {
  const session = useSession();
  const route = useHashRoute();
  const { state } = session;
  const main = useRef<HTMLElement>(null);
  useFocusOnPageChange(route, main);
  const title = state.status === 'signedIn' ? titleOf(route) : titleOf({ name: 'login' });

  useEffect(() => {
    document.title = title;
  }, [title]);

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
      {/* The address is the router's: following `#main` would leave the page, so the link moves the focus itself. */}
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          main.current?.focus();
        }}
      >
        Skip to content
      </a>
      <Header current={route} />
      <main id="main" className="page" tabIndex={-1} ref={main}>
        <PageForRoute route={route} />
      </main>
    </AuthContext.Provider>
  );
}
