import { fetchInstance, listTasks } from '../api/endpoints';
import type { InstanceDetail, TaskSummary } from '../api/types';
import { useResource } from '../hooks/use-resource';

export interface InstanceView {
  instance: InstanceDetail;
  /** Open tasks of the instance; empty when the tasks cannot be read. */
  tasks: TaskSummary[];
}

const RUNNING = new Set(['active', 'incident']);

/** An instance and its open tasks, polled every 3 s while it is still running. */
export function useInstance(id: string) {
  return useResource<InstanceView>(
    async () => {
      const [instance, tasks] = await Promise.all([
        fetchInstance(id),
        listTasks({ instanceId: id, state: 'open' }).catch(() => ({ items: [], total: 0 })),
      ]);
      return { instance, tasks: tasks.items ?? [] };
    },
    [id],
    { pollMs: 3000, shouldPoll: (view) => !view || RUNNING.has(view.instance.status) },
  );
}
