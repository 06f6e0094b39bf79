import { InstancePage } from './instances/InstancePage';
import { InstancesPage } from './instances/InstancesPage';
import { NotificationsPage } from './notifications/NotificationsPage';
import { ProcessesPage } from './processes/ProcessesPage';
import type { Route } from './router/routes';
import { TaskPage } from './tasks/TaskPage';
import { TasklistPage } from './tasks/TasklistPage';

/** The page component for a route. */
export function PageForRoute({ route }: { route: Route }) {
  switch (route.name) {
    case 'login':
    case 'tasks':
      return <TasklistPage tab={route.name === 'tasks' ? route.tab : 'mine'} />;
    case 'task':
      return <TaskPage key={route.id} id={route.id} />;
    case 'processes':
      return <ProcessesPage />;
    case 'instances':
      return <InstancesPage status={route.status} />;
    case 'instance':
      return <InstancePage key={route.id} id={route.id} />;
    case 'notifications':
      return <NotificationsPage view={route.view} />;
    case 'notFound':
      return (
        <section>
          <h1>Page not found</h1>
          <p>
            Nothing lives at <code>{route.path}</code>. <a href="#/tasks">Go to your tasks</a>.
          </p>
        </section>
      );
  }
}
