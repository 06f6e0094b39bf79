import { useEffect, useState } from 'react';
import { useAuth } from '../auth/auth-context';
import { ErrorMessage } from '../components/ErrorMessage';
import { clearFlash, peekFlash } from '../components/flash';
import { Loading } from '../components/Loading';
import { useDefinitionNames } from '../processes/use-definition-names';
import type { TaskTab } from '../router/routes';
import type { TaskSearch } from './api';
import { parseFilter, type TaskFilter } from './deadline-view';
import { SavedFilters } from './SavedFilters';
import { TaskFilterBar } from './TaskFilterBar';
import { TaskSearchForm } from './TaskSearchForm';
import { TaskTable } from './TaskTable';
import { rememberTaskTab } from './last-tab';
import { TaskTabs } from './TaskTabs';
import { useTaskList } from './use-task-list';

const EMPTY: Record<TaskTab, string> = {
  mine: 'Nothing assigned to you. Claim a task from “My groups”, or start a process.',
  groups: 'No unclaimed tasks are waiting for your groups.',
  all: 'There are no open tasks you may see.',
  completed: 'You have not completed any tasks yet.',
};

const FILTERED_EMPTY: Record<Exclude<TaskFilter, 'all'>, string> = {
  overdue: 'Nothing overdue here.',
  followUp: 'No task here is due for follow-up.',
  escalated: 'No task here has been escalated.',
};

const FILTER_KEY = 'qualflow.tasks.filter';

function rememberedFilter(): TaskFilter {
  try {
    return parseFilter(sessionStorage.getItem(FILTER_KEY));
  } catch {
    return 'all';
  }
}

/** The work waiting for me and my groups, all I may see, and what I finished; narrowed by deadline, by a search, or by a saved filter. */
export function TasklistPage({ tab }: { tab: TaskTab }) {
  const { user } = useAuth();
  const [filter, setFilter] = useState<TaskFilter>(rememberedFilter);
  const [search, setSearch] = useState<TaskSearch>({});
  const tasks = useTaskList(tab, user, filter, search);
  const searching = Object.values(search).some((value) => value);
  const chooseFilter = (next: TaskFilter) => {
    setFilter(next);
    try {
      sessionStorage.setItem(FILTER_KEY, next);
    } catch {
      // private mode: the choice lasts until the page reloads
    }
  };
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
      <TaskFilterBar current={filter} onChange={chooseFilter} />
      <details className="task-search-panel">
        <summary>Search and saved filters</summary>
        <TaskSearchForm search={search} onSearch={setSearch} />
        <SavedFilters search={search} onApply={setSearch} />
      </details>
      <p className="visually-hidden" aria-live="polite">
        {tasks.data && `${tasks.data.length} ${tasks.data.length === 1 ? 'task' : 'tasks'} shown`}
      </p>
      <ErrorMessage error={actionError ?? tasks.error} />
      {tasks.data === undefined && tasks.loading && <Loading label="Loading tasks…" />}
      {tasks.data?.length === 0 && <p className="empty">{searching ? 'No task matches this search.' : filter === 'all' ? EMPTY[tab] : FILTERED_EMPTY[filter]}</p>}
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
