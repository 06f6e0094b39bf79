/**
 * The monitor `#/monitor`: what is open, late and slow across the processes the user may
 * see; every number opens the list behind it (`#/monitor/overdue?…`, `#/monitor/escalations?…`,
 * or the instance list).
 */
import { useState } from 'react';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { formatDateTime } from '../format/dates';
import { useResource } from '../hooks/use-resource';
import { useDefinitionNames } from '../processes/use-definition-names';
import { fetchDashboard, fetchOverdueReport } from './api';
import { CycleTimesCard } from './CycleTimesCard';
import { EscalationsCard } from './EscalationsCard';
import { EscalationsList } from './EscalationsList';
import { MONITOR_LIST_TITLES, monitorHref, type MonitorFilters, type MonitorList } from './monitor-route';
import { OpenInstancesCard } from './OpenInstancesCard';
import { OverdueCard } from './OverdueCard';
import { OverdueTasksList } from './OverdueTasksList';
import './monitor.css';


/** Each filter as a person reads it: `Process: CAPA`, `Held by: alice`, `Last 7 days`. */
function describeFilters(filters: MonitorFilters, processName: (key: string) => string): string[] {
  return Object.entries(filters).map(([name, value]) => {
    if (name === 'processKey') return `Process: ${processName(value)}`;
    if (name === 'assignee') return `Held by: ${value}`;
    if (name === 'candidateGroup') return `Offered to group: ${value}`;
    if (name === 'assigned') return value === 'false' ? 'Not claimed' : 'Claimed';
    if (name === 'dueBefore') return `Due before ${formatDateTime(value)}`;
    if (name === 'dueAfter') return `Due after ${formatDateTime(value)}`;
    if (name === 'days') return `Last ${value} days`;
    return `${name}: ${value}`;
  });
}

export function MonitorPage({ list, filters = {} }: { list?: MonitorList; filters?: MonitorFilters }) {
  const processName = useDefinitionNames();
  if (list) {
    const described = describeFilters(filters, processName);
    return (
      <section aria-labelledby="monitor-list-title">
        <nav className="breadcrumb" aria-label="Breadcrumb">
          <a href={monitorHref(undefined)}>Monitor</a>
        </nav>
        <h1 id="monitor-list-title">{MONITOR_LIST_TITLES[list]}</h1>
        {described.length > 0 && <p className="muted">{described.join(' · ')}</p>}
        {list === 'overdue' ? <OverdueTasksList filters={filters} processName={processName} /> : <EscalationsList filters={filters} processName={processName} />}
      </section>
    );
  }
  return <DashboardView processName={processName} />;
}

function DashboardView({ processName }: { processName: (key: string) => string }) {
  const [days, setDays] = useState(90);
  const dashboard = useResource(() => fetchDashboard(days), [days], { pollMs: 30000 });
  const overdue = useResource(fetchOverdueReport, [], { pollMs: 30000 });
  return (
    <section aria-labelledby="monitor-title">
      <div className="page-title">
        <h1 id="monitor-title">Monitor</h1>
        {dashboard.data && <span className="muted small">as of {formatDateTime(dashboard.data.asOf)}</span>}
      </div>
      <ErrorMessage error={dashboard.error ?? overdue.error} />
      {(!dashboard.data || !overdue.data) && (dashboard.loading || overdue.loading) && <Loading label="Loading the dashboard…" />}
      {dashboard.data && overdue.data && (
        <div className="monitor-grid">
          <OverdueCard report={overdue.data} processName={processName} />
          <OpenInstancesCard rows={dashboard.data.openByProcess} processName={processName} />
          <EscalationsCard escalations={dashboard.data.escalations} processName={processName} />
          <CycleTimesCard cycleTimes={dashboard.data.cycleTimes} days={days} onDaysChange={setDays} processName={processName} />
        </div>
      )}
    </section>
  );
}
