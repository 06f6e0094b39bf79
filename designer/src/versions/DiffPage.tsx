import { lazy, Suspense } from 'react';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { useResource } from '../hooks/use-resource';
import { fetchDefinitionXml } from './api';
import { ChangeList } from './ChangeList';
import { DiffLegend } from './DiffLegend';
import { versionsHref } from './version-routes';
import './versions.css';

const DiagramView = lazy(() => import('../instances/DiagramView'));

interface Props {
  processKey: string;
  from: number;
  to: number;
}

/** Two versions of a process side by side, what changed marked on both and listed below. */
export function DiffPage({ processKey, from, to }: Props) {
  const compared = useResource(async () => {
    const [fromXml, toXml] = await Promise.all([fetchDefinitionXml(processKey, from), fetchDefinitionXml(processKey, to)]);
    // bpmn-moddle and the differ load only when a diff is shown.
    const { diffVersions } = await import('./version-diff');
    return { fromXml, toXml, diff: await diffVersions(fromXml, toXml) };
  }, [processKey, from, to]);
  const data = compared.data;

  return (
    <section aria-labelledby="diff-title" className="diff-page">
      <p className="breadcrumb">
        <a href={versionsHref({ name: 'versions', key: processKey })}>← Version history</a>
      </p>
      <div className="page-title">
        <h1 id="diff-title">
          {processKey}: version {from} → version {to}
        </h1>
      </div>
      <ErrorMessage error={compared.error} />
      {!data && compared.loading && <Loading label="Comparing versions…" />}
      {data && (
        <>
          <DiffLegend />
          <div className="diff-sides">
            {[
              { label: `Version ${from}`, xml: data.fromXml, markers: data.diff.fromMarkers, side: 'from' },
              { label: `Version ${to}`, xml: data.toXml, markers: data.diff.toMarkers, side: 'to' },
            ].map(({ label, xml, markers, side }) => (
              <figure key={side} className="card diff-side" data-side={side}>
                <figcaption>{label}</figcaption>
                <Suspense fallback={<Loading label="Loading the diagram viewer…" />}>
                  <DiagramView xml={xml} markers={markers} />
                </Suspense>
              </figure>
            ))}
          </div>
          <ChangeList changes={data.diff.changes} />
        </>
      )}
    </section>
  );
}
