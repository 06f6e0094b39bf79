import { lazy, Suspense, useMemo } from 'react';
import { fetchDefinitionXml, fetchInstance } from '../api/endpoints';
import type { TaskSummary } from '../api/types';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { formatDateTime } from '../format/dates';
import { useResource } from '../hooks/use-resource';
import { elementMarkers } from '../instances/diagram-markers';
import { fetchTimeline } from '../instances/instance-page-api';

const DiagramView = lazy(() => import('../instances/DiagramView'));

/**
 * Where this task stands in its process: the business key, the diagram with this step
 * marked active and the path so far, and the earlier steps with who did them and when
 * (from the instance's timeline).
 */
export function TaskContext({ task }: { task: Pick<TaskSummary, 'id' | 'instanceId' | 'elementId'> & { businessKey?: string | null } }) {
  const instance = useResource(() => fetchInstance(task.instanceId), [task.instanceId]);
  const xml = useResource(
    () => (instance.data ? fetchDefinitionXml(instance.data.processKey, instance.data.version) : Promise.resolve(null)),
    [instance.data?.processKey, instance.data?.version],
  );
  const steps = useResource(
    async () => (await fetchTimeline(task.instanceId)).entries.filter((entry) => entry.kind === 'task' && entry.state === 'completed'),
    [task.instanceId, task.id],
  );
  const markers = useMemo(() => {
    const marked = elementMarkers(instance.data ?? { activeElements: [], path: [], incidents: [] });
    marked.set(task.elementId, 'qf-active');
    return marked;
  }, [instance.data, task.elementId]);

  return (
    <section className="card" aria-labelledby="context-title">
      <h2 className="card-title" id="context-title">
        Process context
      </h2>
      <ErrorMessage error={instance.error ?? xml.error ?? steps.error} />
      <dl className="facts">
        <div>
          <dt>Business key</dt>
          <dd data-testid="business-key">{task.businessKey ?? instance.data?.businessKey ?? '—'}</dd>
        </div>
      </dl>
      {xml.data ? (
        <div className="task-context-diagram">
          <Suspense fallback={<Loading label="Loading diagram…" />}>
            <DiagramView xml={xml.data} markers={markers} />
          </Suspense>
        </div>
      ) : (
        !xml.error && <Loading label="Loading diagram…" />
      )}
      <h3>Earlier steps</h3>
      {steps.data?.length === 0 && <p className="muted">This is the first step of the process.</p>}
      <ol className="task-steps">
        {(steps.data ?? []).map((step) => (
          <li key={step.id}>
            <strong>{step.elementName ?? step.title}</strong> — {step.actor ?? 'someone'}
            {step.endedAt && <span className="muted">, {formatDateTime(step.endedAt)}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
