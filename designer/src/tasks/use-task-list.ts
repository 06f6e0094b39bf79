import { listTasks } from '../api/endpoints';
import type { TaskQuery, User } from '../api/types';
import { useResource, type Resource } from '../hooks/use-resource';
import type { TaskTab } from '../router/routes';
import { applyFilter, type DeadlineTask, type TaskFilter } from './deadline-view';
import { mergeTasks, queriesForTab } from './task-queries';

/** The tasks of one tasklist tab narrowed by `filter`, refreshed every 15 s so new work shows up by itself. */
export function useTaskList(tab: TaskTab, user: User, filter: TaskFilter = 'all'): Resource<DeadlineTask[]> {
  return useResource(
    async () => {
      const queries = applyFilter(queriesForTab(tab, user), filter);
      // The API takes the deadline parameters; the shared TaskQuery type does not list them yet.
      const pages = await Promise.all(queries.map((query) => listTasks(query as TaskQuery)));
      return mergeTasks(pages.map((page) => page.items ?? [])) as DeadlineTask[];
    },
    [tab, filter, user.username, user.groups.join(',')],
    { pollMs: 15000 },
  );
}
