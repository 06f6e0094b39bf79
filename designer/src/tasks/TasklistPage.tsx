import { useEffect, useState } from 'react';
import { useAuth } from '../auth/auth-context';
import { ErrorMessage } from '../components/ErrorMessage';
import { clearFlash, peekFlash } from '../components/flash';
import { Loading } from '../components/Loading';
import { useDefinitionNames } from '../processes/use-definition-names';
import type { TaskTab } from '../router/routes';
import { TaskTable } from './TaskTable';
import { rememberTaskTab } from './last-tab';
import { TaskTabs } from './TaskTabs';
import { useTaskList } from './use-task-list';

const EMPTY: Record<TaskTab, string> = {
  mine: 'Nothing assigned to you. Claim a task from “My groups”, or start a process.',
  groups: 'No open tasks are waiting for your groups.',
  completed: 'You have not completed any tasks yet.',
};

/** The work waiting for me and my groups, and what I finished. */
export function TasklistPage({ tab }: { tab: TaskTab }) {
  const { user } = useAuth();
  const tasks = useTaskList(tab, user);
  const processName = useDefinitionNames();
  const [actionError, setActionError] = useState<unknown>(null);
  const [flash] = useState(peekFlash);

  useEffect(clearFlash, []);

  useEffect(() => rememberTaskTab(tab), [tab]);

  return (
    <section aria-labelledby="tasks-title">
      <div className="page-title">
        <h1 id="tasks-title">Tasks</h1>
        <button type="button" className="button-secondary button-small" onClick={() => void tasks.reload()}>
          Refresh
        </button>
      </div>
      {flash && (
        <p className="alert alert-success" role="status">
          {flash}
        </p>
      )}
      <TaskTabs current={tab} />
      <ErrorMessage error={actionError ?? tasks.error} />
      {tasks.data === undefined && tasks.loading && <Loading label="Loading tasks…" />}
      {tasks.data?.length === 0 && <p className="empty">{EMPTY[tab]}</p>}
      {tasks.data && tasks.data.length > 0 && (
        <TaskTable
          tasks={tasks.data}
          processName={processName}
          onChanged={() => {
            setActionError(null);
            void tasks.reload();
          }}
          onError={setActionError}
        />
      )}
    </section>
  );
}
