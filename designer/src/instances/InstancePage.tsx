import { lazy, Suspense, useMemo, useState } from 'react';
import { fetchDefinitionXml } from '../api/endpoints';
import { useAuth } from '../auth/auth-context';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { useResource } from '../hooks/use-resource';
import { useDefinitionNames } from '../processes/use-definition-names';
import { hrefOf } from '../router/routes';
import { CalledInstances } from './CalledInstances';
import { CancelDialog } from './CancelDialog';
import { DiagramLegend } from './DiagramLegend';
import { elementMarkers } from './diagram-markers';
import { EditVariableDialog } from './EditVariableDialog';
import { fetchTimeline } from './instance-page-api';
import { InstanceTimeline } from './InstanceTimeline';
import { IncidentList } from './IncidentList';
import { InstanceFacts } from './InstanceFacts';
import { InstanceTasks } from './InstanceTasks';
import { NowAt } from './NowAt';
import { useInstance } from './use-instance';
import { VariablesTable } from './VariablesTable';
import { InstanceSignatures } from '../signatures/SignatureList';
import { AuditTrail } from '../audit/AuditTrail';
import './instance-page.css';

const DiagramView = lazy(() => import('./DiagramView'));

/** One process instance: where it stands on its diagram, its tasks, incidents and variables. */
export function InstancePage({ id }: { id: string }) {
  const { hasRole } = useAuth();
  const view = useInstance(id);
  const instance = view.data?.instance;
  const processName = useDefinitionNames();
  const xml = useResource(
    () => (instance ? fetchDefinitionXml(instance.processKey, instance.version) : Promise.resolve(null)),
    [instance?.processKey, instance?.version],
  );
  const [names, setNames] = useState<Record<string, string>>({});
  const [canceling, setCanceling] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [focus, setFocus] = useState<string | null>(null);
  const timeline = useResource(
    () => fetchTimeline(id),
    // Read again whenever what the instance shows changes (each poll of a running instance).
    [id, JSON.stringify([instance?.status, instance?.path, instance?.activeElements, instance?.incidents, instance?.variables])],
  );
  const markers = useMemo(
    () => elementMarkers(instance ?? { activeElements: [], path: [], incidents: [] }),
    // Re-mark only when what is drawn changes, not on every poll.
    [JSON.stringify([instance?.activeElements, instance?.path, instance?.incidents])],
  );

  if (!instance) return view.error ? <ErrorMessage error={view.error} /> : <Loading label="Loading instance…" />;
  const elementName = (elementId: string) => names[elementId] ?? elementId;
  const running = instance.status === 'active' || instance.status === 'incident';
  const mayEditVariables = running && hasRole('admin');
  const temporalUrl = timeline.data?.temporalUrl;

  return (
    <section aria-labelledby="instance-title" className="instance-page">
      <p className="breadcrumb">
        {hasRole('manager', 'owner', 'admin') ? <a href="#/instances">← All instances</a> : <a href="#/tasks">← Tasks</a>}
      </p>
      <div className="page-title">
        <h1 id="instance-title">
          {processName(instance.processKey)}
          {instance.businessKey && <span className="title-key"> · {instance.businessKey}</span>}
        </h1>
        {running && (
          <button type="button" className="button-danger-outline button-small" onClick={() => setCanceling(true)}>
            Cancel instance…
          </button>
        )}
      </div>
      <InstanceFacts instance={instance} />
      <CalledInstances instance={instance} processName={processName} />
      <p className="instance-links small">
        {hasRole('owner', 'manager', 'admin') && <a href={hrefOf({ name: 'heatmap', processKey: instance.processKey })}>Heatmap of this process</a>}
        {temporalUrl && (
          <a href={temporalUrl} target="_blank" rel="noopener noreferrer">
            Open in the Temporal UI ↗
          </a>
        )}
      </p>
      <ErrorMessage error={view.error} />
      {running && <NowAt instance={instance} elementName={elementName} />}
      <IncidentList
        instanceId={instance.id}
        incidents={instance.incidents ?? []}
        elementName={elementName}
        onRetried={() => void view.reload()}
      />
      <div className="card card-flush">
        <ErrorMessage error={xml.error} />
        {xml.data ? (
          <Suspense fallback={<Loading label="Loading diagram…" />}>
            <DiagramView xml={xml.data} markers={markers} focus={focus} onNames={setNames} />
          </Suspense>
        ) : (
          !xml.error && <Loading label="Loading diagram…" />
        )}
        <DiagramLegend />
      </div>
      <div className="columns">
        <section className="card" aria-labelledby="open-tasks-title">
          <h2 className="card-title" id="open-tasks-title">
            Open tasks
          </h2>
          <InstanceTasks tasks={view.data?.tasks ?? []} />
        </section>
        <section className="card" aria-labelledby="variables-title">
          <h2 className="card-title" id="variables-title">
            Variables
          </h2>
          <VariablesTable variables={instance.variables} onChange={mayEditVariables ? setEditing : undefined} />
          {mayEditVariables && (
            <button type="button" className="button-secondary button-small" onClick={() => setEditing('')}>
              Set another variable…
            </button>
          )}
        </section>
      </div>
      <InstanceSignatures instanceId={instance.id} revision={JSON.stringify(instance.path)} />
      <section className="card" aria-labelledby="timeline-title">
        <h2 className="card-title" id="timeline-title">
          Timeline
        </h2>
        <ErrorMessage error={timeline.error} />
        {timeline.data ? <InstanceTimeline entries={timeline.data.entries} onShow={(elementId) => showOnDiagram(elementId, setFocus)} /> : !timeline.error && <Loading label="Loading timeline…" />}
      </section>
      <AuditTrail instanceId={instance.id} revision={JSON.stringify([instance.status, instance.path, instance.activeElements])} />
      <EditVariableDialog
        instanceId={instance.id}
        variables={instance.variables}
        name={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void view.reload();
        }}
      />
      <CancelDialog
        instanceId={instance.id}
        open={canceling}
        onClose={() => setCanceling(false)}
        onCanceled={() => {
          setCanceling(false);
          void view.reload();
        }}
      />
    </section>
  );
}

/** Points the element out on the diagram and brings the diagram into view. */
function showOnDiagram(elementId: string, setFocus: (elementId: string) => void): void {
  setFocus(elementId);
  document.querySelector('[data-testid="diagram"]')?.scrollIntoView({ behavior: 'smooth', block: 'center' });
}
