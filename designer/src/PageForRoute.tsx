import { AccessPage } from './grants/AccessPage';
import { FormEditorPage } from './forms/FormEditorPage';
import { FormsPage } from './forms/FormsPage';
import { InstancePage } from './instances/InstancePage';
import { HeatmapPage } from './instances/HeatmapPage';
import { LazyDesignerPage } from './modeler/LazyDesignerPage';
import { InstancesPage } from './instances/InstancesPage';
import { MonitorPage } from './monitor/MonitorPage';
import { NotificationsPage } from './notifications/NotificationsPage';
import { ProcessesPage } from './processes/ProcessesPage';
import type { Route } from './router/routes';
import { TaskPage } from './tasks/TaskPage';
import { TasklistPage } from './tasks/TasklistPage';
import { DiffPage } from './versions/DiffPage';
import { VersionsPage } from './versions/VersionsPage';

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
    case 'heatmap':
      return <HeatmapPage key={route.processKey} processKey={route.processKey} />;
    case 'access':
      return <AccessPage key={route.processKey} processKey={route.processKey} />;
    case 'versions':
      return <VersionsPage key={route.key} processKey={route.key} />;
    case 'diff':
      return <DiffPage processKey={route.key} from={route.from} to={route.to} />;
    case 'instances':
      return <InstancesPage status={route.status} filters={route.filters} />;
    case 'monitor':
      return <MonitorPage list={route.list} filters={route.filters} />;
    case 'instance':
      return <InstancePage key={route.id} id={route.id} />;
    case 'notifications':
      return <NotificationsPage view={route.view} />;
    case 'form':
      return <FormEditorPage key={`${route.formId}`} formId={route.formId} title={route.title} />;
    case 'forms':
      return <FormsPage />;
    case 'designer':
      return <LazyDesignerPage source={route.source} />;
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
