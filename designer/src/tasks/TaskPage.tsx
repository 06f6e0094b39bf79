import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { completeTask, fetchTask } from '../api/endpoints';
import type { Variables } from '../api/types';
import { useAuth } from '../auth/auth-context';
import { ErrorMessage } from '../components/ErrorMessage';
import { clearFlash, peekFlash, setFlash } from '../components/flash';
import { Loading } from '../components/Loading';
import { useResource } from '../hooks/use-resource';
import { navigate } from '../router/use-hash-route';
import type { SignatureRequirement } from '../signatures/api';
import { SignDialog } from '../signatures/SignDialog';
import { SignatureList } from '../signatures/SignatureList';
import { AuditTrail } from '../audit/AuditTrail';
import { fieldLabels, schemaOf } from './form-schema';
import { lastTaskTab } from './last-tab';
import { findNextTask } from './next-task';
import { TaskAttachments } from './TaskAttachments';
import { TaskComments } from './TaskComments';
import { TaskContext } from './TaskContext';
import { TaskSummaryPanel } from './TaskSummaryPanel';
import './tasklist-search.css';

const TaskFormView = lazy(() => import('./TaskFormView'));

/** One task: what it is, its form and completing it (signed when the step asks), its process context, comments and files. */
export function TaskPage({ id }: { id: string }) {
  const { user } = useAuth();
  const task = useResource(() => fetchTask(id), [id]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [signing, setSigning] = useState<Variables | null>(null);
  const [flash] = useState(peekFlash);
  // Forget the message once it is on screen with the task it speaks of.
  useEffect(() => {
    if (task.data) clearFlash();
  }, [task.data]);
  const schema = useMemo(() => schemaOf(task.data?.form), [task.data]);
  const labels = useMemo(() => fieldLabels(schema), [schema]);
  const variables = useMemo(() => task.data?.variables ?? {}, [task.data]);
  const signature = (task.data as { signature?: SignatureRequirement | null } | undefined)?.signature ?? null;

  /** Goes to my next task of this instance when the process opened one, else back to the list. */
  async function afterCompleted(name: string, instanceId: string) {
    setFlash(`Completed “${name}”.`);
    const next = await findNextTask(instanceId, id, user).catch(() => null);
    navigate(next ? { name: 'task', id: next } : { name: 'tasks', tab: lastTaskTab() });
  }

  async function complete(data: Variables) {
    if (!task.data) return;
    if (signature?.required) {
      setSigning(data);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await completeTask(id, data);
      await afterCompleted(task.data.name, task.data.instanceId);
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
      {flash && (
        <p className="alert alert-success" role="status">
          {flash} This is your next step.
        </p>
      )}
      <TaskSummaryPanel task={task.data} onChanged={() => void task.reload()} onError={setError} />
      <div className="card">
        <h2 className="card-title">{open ? 'Your input' : 'Submitted values'}</h2>
        <SignatureList signatures={task.data.signatures ?? []} />
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
      {signature?.required && signing && (
        <SignDialog
          taskId={id}
          taskName={task.data.name}
          requirement={signature}
          variables={signing}
          open
          onClose={() => setSigning(null)}
          onSigned={() => void afterCompleted(task.data!.name, task.data!.instanceId)}
        />
      )}
      <TaskAttachments taskId={id} open={open} />
      <TaskComments taskId={id} />
      <TaskContext task={task.data} />
      <AuditTrail taskId={id} revision={JSON.stringify(task.data)} />
    </section>
  );
}
