import { lazy, Suspense, useMemo, useState } from 'react';
import { fetchDefinitionXml } from '../api/endpoints';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { useResource } from '../hooks/use-resource';
import { formatDuration } from '../monitor/format-duration';
import { useDefinitionNames } from '../processes/use-definition-names';
import { heatBadges, heatMarkers, HEAT_LEVELS } from './heatmap-levels';
import { fetchHeatmap, fetchVersions, type Heatmap } from './instance-page-api';
import './instance-page.css';

const DiagramView = lazy(() => import('./DiagramView'));

const DAY_MS = 24 * 60 * 60 * 1000;
const PERIODS = [
  { days: 7, label: 'Last 7 days' },
  { days: 30, label: 'Last 30 days' },
  { days: 90, label: 'Last 90 days' },
  { days: 365, label: 'Last 12 months' },
  { days: 0, label: 'All time' },
];

/**
 * Where a process spends its time: its diagram coloured by the average time instances
 * spent in each step over a period (the slowest step deepest red), with p90 and overdue
 * counts on each step and in a table.
 */
export function HeatmapPage({ processKey }: { processKey: string }) {
  const processName = useDefinitionNames();
  const [days, setDays] = useState(90);
  const [version, setVersion] = useState<number | undefined>(undefined);
  const from = useMemo(() => (days > 0 ? new Date(Date.now() - days * DAY_MS).toISOString() : undefined), [days]);
  const versions = useResource(() => fetchVersions(processKey), [processKey]);
  const heat = useResource(() => fetchHeatmap(processKey, { from, version }), [processKey, from, version]);
  const xml = useResource(() => fetchDefinitionXml(processKey, version), [processKey, version]);
  const markers = useMemo(() => heatMarkers(heat.data?.elements ?? []), [heat.data]);
  const badges = useMemo(() => heatBadges(heat.data?.elements ?? []), [heat.data]);

  return (
    <section aria-labelledby="heatmap-title" className="heatmap-page">
      <p className="breadcrumb">
        <a href="#/processes">← Processes</a>
      </p>
      <h1 id="heatmap-title">Heatmap · {processName(processKey)}</h1>
      <div className="heatmap-controls">
        <label className="field">
          <span>Period</span>
          <select name="period" value={days} onChange={(event) => setDays(Number(event.target.value))}>
            {PERIODS.map((period) => (
              <option key={period.days} value={period.days}>
                {period.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Version</span>
          <select name="version" value={version ?? ''} onChange={(event) => setVersion(event.target.value ? Number(event.target.value) : undefined)}>
            <option value="">All versions</option>
            {(versions.data ?? []).map((v) => (
              <option key={v.version} value={v.version}>
                Version {v.version}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorMessage error={heat.error} />
      {heat.data && <Slowest heatmap={heat.data} />}
      <div className="card card-flush">
        <ErrorMessage error={xml.error} />
        {xml.data ? (
          <Suspense fallback={<Loading label="Loading diagram…" />}>
            <DiagramView xml={xml.data} markers={markers} badges={badges} />
          </Suspense>
        ) : (
          !xml.error && <Loading label="Loading diagram…" />
        )}
        <HeatScale />
      </div>
      {heat.data && <HeatTable heatmap={heat.data} />}
    </section>
  );
}

function Slowest({ heatmap }: { heatmap: Heatmap }) {
  const slowest = heatmap.elements.find((element) => element.elementId === heatmap.slowestElementId);
  if (!slowest) return <p className="muted" role="status">Nothing finished in this period yet.</p>;
  return (
    <p className="alert heatmap-slowest" role="status">
      Slowest step: <strong>{slowest.name}</strong> — average {formatDuration(slowest.averageMs)}, 90% within {formatDuration(slowest.p90Ms)}
      {slowest.overdue > 0 && `, ${slowest.overdue} overdue`}.
    </p>
  );
}

function HeatScale() {
  return (
    <div className="heatmap-scale small" aria-label="Colour scale">
      <span>quicker</span>
      {Array.from({ length: HEAT_LEVELS }, (_, index) => (
        <span key={index} className={`swatch heat-swatch-${index + 1}`} aria-hidden="true" />
      ))}
      <span>slower (by average time)</span>
    </div>
  );
}

function HeatTable({ heatmap }: { heatmap: Heatmap }) {
  if (heatmap.elements.length === 0) return null;
  return (
    <section className="card" aria-labelledby="heat-table-title">
      <h2 className="card-title" id="heat-table-title">
        Time per step, slowest first
      </h2>
      <table className="table heatmap-table">
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Finished</th>
            <th scope="col">Open</th>
            <th scope="col">Average</th>
            <th scope="col">90th percentile</th>
            <th scope="col">Longest</th>
            <th scope="col">Overdue</th>
            <th scope="col">Incidents</th>
          </tr>
        </thead>
        <tbody>
          {heatmap.elements.map((element) => (
            <tr key={element.elementId} className={element.elementId === heatmap.slowestElementId ? 'slowest' : undefined} data-element={element.elementId}>
              <th scope="row">{element.name}</th>
              <td className="number">{element.finished}</td>
              <td className="number">{element.open}</td>
              <td className="number">{formatDuration(element.averageMs)}</td>
              <td className="number">{formatDuration(element.p90Ms)}</td>
              <td className="number">{formatDuration(element.maxMs)}</td>
              <td className="number">{element.overdue}</td>
              <td className="number">{element.incidents}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
