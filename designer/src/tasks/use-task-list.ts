import { listTasks } from '../api/endpoints';
import type { TaskQuery, User } from '../api/types';
import { useResource, type Resource } from '../hooks/use-resource';
import type { TaskTab } from '../router/routes';
import { definedSearch, type TaskSearch } from './api';
import { applyFilter, type DeadlineTask, type TaskFilter } from './deadline-view';
import { mergeTasks, queriesForTab } from './task-queries';
import { useTaskEvents } from './use-task-events';

/** The search narrowing every query of the tab; an explicit sort replaces the tab's. */
function withSearch<Q extends object>(query: Q, search: TaskSearch): Q {
  return { ...query, ...definedSearch(search) };
}

/**
 * The tasks of one tasklist tab narrowed by `filter` and `search`, reloaded when the
 * server reports a change (and every minute in case the event stream is cut).
 */
export function useTaskList(tab: TaskTab, user: User, filter: TaskFilter = 'all', search: TaskSearch = {}): Resource<DeadlineTask[]> {
  const key = JSON.stringify(search);
  const resource = useResource(
    async () => {
      const queries = applyFilter(queriesForTab(tab, user), filter).map((query) => withSearch(query, search));
      // The API takes the deadline and search parameters; the shared TaskQuery type does not list them.
      const pages = await Promise.all(queries.map((query) => listTasks(query as TaskQuery)));
      const items = pages.map((page) => page.items ?? []) as DeadlineTask[][];
      return (search.sort ? dedupe(items.flat()) : mergeTasks(items)) as DeadlineTask[];
    },
    [tab, filter, key, user.username, user.groups.join(',')],
    { pollMs: 60000 },
  );
  useTaskEvents(() => void resource.reload());
  return resource;
}

/** Keeps the server's order, dropping tasks two queries both returned. */
function dedupe<T extends { id: string }>(tasks: T[]): T[] {
  const seen = new Set<string>();
  return tasks.filter((task) => !seen.has(task.id) && (seen.add(task.id), true));
}
