import { lazy, Suspense, useMemo, useState } from 'react';
import { completeTask, fetchTask } from '../api/endpoints';
import type { Variables } from '../api/types';
import { ErrorMessage } from '../components/ErrorMessage';
import { setFlash } from '../components/flash';
import { Loading } from '../components/Loading';
import { useResource } from '../hooks/use-resource';
import { navigate } from '../router/use-hash-route';
import { fieldLabels, schemaOf } from './form-schema';
import { lastTaskTab } from './last-tab';
import { TaskSummaryPanel } from './TaskSummaryPanel';

const TaskFormView = lazy(() => import('./TaskFormView'));

/** One task: what it is, its form, and completing it. */
export function TaskPage({ id }: { id: string }) {
  const task = useResource(() => fetchTask(id), [id]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const schema = useMemo(() => schemaOf(task.data?.form), [task.data]);
  const labels = useMemo(() => fieldLabels(schema), [schema]);
  const variables = useMemo(() => task.data?.variables ?? {}, [task.data]);

  async function complete(data: Variables) {
    if (!task.data) return;
    setBusy(true);
    setError(null);
    try {
      await completeTask(id, data);
      setFlash(`Completed “${task.data.name}”.`);
      navigate({ name: 'tasks', tab: lastTaskTab() });
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  if (!task.data) {
    return task.error ? <ErrorMessage error={task.error} /> : <Loading label="Loading task…" />;
  }
  const open = task.data.state === 'open';

  return (
    <section aria-labelledby="task-title" className="task-page">
      <p className="breadcrumb">
        <a href="#/tasks">← Back to tasks</a>
      </p>
      <TaskSummaryPanel task={task.data} onChanged={() => void task.reload()} onError={setError} />
      <div className="card">
        <h2 className="card-title">{open ? 'Your input' : 'Submitted values'}</h2>
        <ErrorMessage error={error} labels={labels} />
        {schema ? (
          <Suspense fallback={<Loading label="Loading form…" />}>
            <TaskFormView schema={schema} data={variables} readOnly={!open} busy={busy} onSubmit={complete} />
          </Suspense>
        ) : open ? (
          <div className="no-form">
            <p>This step has no form. Complete it when the work is done.</p>
            <button type="button" className="button-primary" disabled={busy} onClick={() => void complete({})}>
              {busy ? 'Completing…' : 'Complete'}
            </button>
          </div>
        ) : (
          <p className="muted">This step had no form.</p>
        )}
      </div>
    </section>
  );
}
