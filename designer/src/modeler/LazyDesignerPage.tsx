import { lazy, Suspense } from 'react';
import { Loading } from '../components/Loading';
import type { DiagramSource } from './diagram-source';

const DesignerPage = lazy(() => import('./DesignerPage'));

/** The designer page, its bpmn-js bundle fetched only when someone opens it. */
export function LazyDesignerPage({ source }: { source: DiagramSource }) {
  return (
    <Suspense fallback={<Loading label="Loading the designer…" />}>
      <DesignerPage source={source} />
    </Suspense>
  );
}
