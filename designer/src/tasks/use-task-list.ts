import { listTasks } from '../api/endpoints';
import type { TaskSummary, User } from '../api/types';
import { useResource, type Resource } from '../hooks/use-resource';
import type { TaskTab } from '../router/routes';
import { mergeTasks, queriesForTab } from './task-queries';

/** The tasks of one tasklist tab, refreshed every 15 s so new work shows up by itself. */
export function useTaskList(tab: TaskTab, user: User): Resource<TaskSummary[]> {
  return useResource(
    async () => {
      const pages = await Promise.all(queriesForTab(tab, user).map((query) => listTasks(query)));
      return mergeTasks(pages.map((page) => page.items ?? []));
    },
    [tab, user.username, user.groups.join(',')],
    { pollMs: 15000 },
  );
}
