import { useAuth } from '../auth/auth-context';
import { hrefOf, type Route } from '../router/routes';
import type { Role } from '../api/types';

interface NavLink {
  label: string;
  route: Route;
  /** Routes this link is the "current page" for. */
  matches: Route['name'][];
  roles?: Role[];
}

const LINKS: NavLink[] = [
  { label: 'Tasks', route: { name: 'tasks', tab: 'mine' }, matches: ['tasks', 'task'] },
  { label: 'Processes', route: { name: 'processes' }, matches: ['processes'] },
  { label: 'Forms', route: { name: 'forms' }, matches: ['forms', 'form'], roles: ['owner', 'admin'] },
  { label: 'Monitor', route: { name: 'monitor' }, matches: ['monitor'], roles: ['manager', 'owner', 'admin'] },
  {
    label: 'Instances',
    route: { name: 'instances', status: '' },
    matches: ['instances', 'instance'],
    roles: ['manager', 'owner', 'admin'],
  },
  { label: 'Designer', route: { name: 'designer', source: { kind: 'blank' } }, matches: ['designer'], roles: ['owner', 'admin'] },
  { label: 'Notifications', route: { name: 'notifications', view: 'inbox' }, matches: ['notifications'] },
];

/** The top bar: product name, the pages this user may use, who is signed in, sign out. */
export function Header({ current }: { current: Route }) {
  const { user, logout, hasRole } = useAuth();
  const links = LINKS.filter((link) => !link.roles || hasRole(...link.roles));
  return (
    <header className="app-header">
      <a className="brand" href="#/tasks">
        <span className="brand-mark" aria-hidden="true">Q</span>
        Qualflow
      </a>
      <nav aria-label="Main" className="main-nav">
        {links.map((link) => (
          <a
            key={link.label}
            href={hrefOf(link.route)}
            aria-current={link.matches.includes(current.name) ? 'page' : undefined}
          >
            {link.label}
          </a>
        ))}
      </nav>
      <div className="user-box">
        <span className="user-name" title={user.username}>
          {user.name || user.username}
        </span>
        <span className="user-roles">
          {user.roles.map((role) => (
            <span key={role} className="chip">
              {role}
            </span>
          ))}
        </span>
        <button type="button" className="button-secondary button-small" onClick={() => void logout()}>
          Sign out
        </button>
      </div>
    </header>
  );
}
