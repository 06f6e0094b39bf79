import { useEffect, useRef, useState } from 'react';
import { useAuth } from '../auth/auth-context';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { hrefOf } from '../router/routes';
import { designerQueryOf, type DiagramSource } from './diagram-source';
import { loadDiagram, type LoadedDiagram } from './load-diagram';
import { ModelerWorkspace } from './ModelerWorkspace';

/**
 * `#/designer`: loads the diagram the address names and opens it in the modeler. When
 * autosave creates a draft, the address becomes `#/designer?draft=<id>` (without a reload),
 * so reloading the page reopens the saved work. Loaded on demand (default export).
 */
export default function DesignerPage({ source }: { source: DiagramSource }) {
  const { hasRole } = useAuth();
  const [diagram, setDiagram] = useState<LoadedDiagram | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [openedFile, setOpenedFile] = useState<string | null>(null);
  const ownDraft = useRef<string | undefined>(undefined);
  const sourceKey = designerQueryOf(source);

  useEffect(() => {
    if (source.kind === 'draft' && source.id === ownDraft.current) return;
    let current = true;
    setDiagram(null);
    setError(null);
    setOpenedFile(null);
    loadDiagram(source)
      .then((loaded) => {
        if (!current) return;
        ownDraft.current = loaded.draftId;
        setDiagram(loaded);
      })
      .catch((caught: unknown) => current && setError(caught));
    return () => {
      current = false;
    };
    // `source` is a new object on every render; its query says everything about it.
  }, [sourceKey]);

  const onDraftCreated = (id: string) => {
    ownDraft.current = id;
    window.history.replaceState(null, '', hrefOf({ name: 'designer', source: { kind: 'draft', id } }));
  };

  return (
    <section className="designer" aria-labelledby="designer-title">
      <h1 id="designer-title" className="designer-title">
        Designer <span className="designer-origin">{openedFile ? `File “${openedFile}”` : diagram?.origin}</span>
      </h1>
      <ErrorMessage error={error} />
      {!diagram && !error && <Loading label="Loading diagram…" />}
      {diagram && <ModelerWorkspace diagram={diagram} canDesign={hasRole('owner', 'admin')} onDraftCreated={onDraftCreated} onFileOpened={setOpenedFile} />}
    </section>
  );
}
