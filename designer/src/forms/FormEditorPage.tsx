import { lazy, Suspense, useEffect, useState } from 'react';
import { useAuth } from '../auth/auth-context';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { useResource } from '../hooks/use-resource';
import type { FormSchema } from '../tasks/form-schema';
import { fetchForm, saveForm } from './api';
import { sameForm } from './form-changes';
import { FormPreview } from './FormPreview';
import { NewFormForm } from './NewFormForm';
import { newFormSchema } from './new-form';
import { useLeaveWarning } from '../hooks/use-leave-warning';
import './forms.css';

const FormDesigner = lazy(() => import('./FormDesigner').then((module) => ({ default: module.FormDesigner })));

type View = 'design' | 'preview';

interface SaveState {
  saving: boolean;
  error: unknown;
  /** The latest version on the server and its schema; null for a form never saved. */
  saved: { version: number; schema: FormSchema } | null;
}

/**
 * `#/forms/:formId`: edit a form with the form-js editor, preview it with sample data, and
 * save it as the form's next version. An id no form has yet starts a new form (headed by
 * `title`); `#/forms/new` first asks for the id.
 */
export function FormEditorPage({ formId, title }: { formId: string | null; title: string }) {
  if (formId === null) {
    return (
      <section aria-labelledby="form-new-title">
        <div className="page-title">
          <h1 id="form-new-title">New form</h1>
        </div>
        <NewFormForm />
      </section>
    );
  }
  return <FormWorkbench formId={formId} title={title} />;
}

function FormWorkbench({ formId, title }: { formId: string; title: string }) {
  const stored = useResource(() => fetchForm(formId), [formId]);
  const [schema, setSchema] = useState<FormSchema | null>(null);
  const [view, setView] = useState<View>('design');
  const [state, setState] = useState<SaveState>({ saving: false, error: null, saved: null });

  useEffect(() => {
    if (stored.data === undefined) return;
    setSchema(stored.data?.schema ?? newFormSchema(formId, title));
    setState((current) => ({ ...current, saved: stored.data ?? null }));
  }, [stored.data, formId, title]);

  const save = async () => {
    if (!schema) return;
    const sent = { ...schema, id: formId };
    setState((current) => ({ ...current, saving: true, error: null }));
    try {
      const saved = await saveForm(formId, sent);
      setState({ saving: false, error: null, saved: { version: saved.version, schema: sent } });
    } catch (error) {
      setState((current) => ({ ...current, saving: false, error }));
    }
  };

  const { hasRole } = useAuth();
  const canSave = hasRole('owner', 'admin');
  const changed = schema !== null && (state.saved === null || !sameForm(schema, state.saved.schema));
  useLeaveWarning(canSave && changed);
  const status = !state.saved ? 'New form, not saved yet' : changed ? 'Unsaved changes' : `Saved as version ${state.saved.version}`;
  return (
    <section aria-labelledby="form-editor-title" className="form-editor-page">
      <div className="page-title">
        <h1 id="form-editor-title">
          Form <code>{formId}</code>
        </h1>
        <p className="form-save-status muted" role="status" data-testid="form-save-status">
          {status}
        </p>
        {canSave ? (
          <button type="button" className="button-primary" onClick={() => void save()} disabled={!schema || state.saving}>
            {state.saving ? 'Saving…' : 'Save form'}
          </button>
        ) : (
          <p className="hint">Only process owners and admins save forms.</p>
        )}
      </div>
      <ErrorMessage error={stored.error ?? state.error} />
      {schema === null && !stored.error && <Loading label="Loading the form…" />}
      {schema && (
        <>
          <div role="tablist" aria-label="Form editor views" className="tabs">
            {(['design', 'preview'] as const).map((name) => (
              <button
                key={name}
                type="button"
                role="tab"
                aria-selected={view === name}
                className={view === name ? 'tab tab-active' : 'tab'}
                onClick={() => setView(name)}
              >
                {name === 'design' ? 'Design' : 'Preview with sample data'}
              </button>
            ))}
          </div>
          <div hidden={view !== 'design'}>
            <Suspense fallback={<Loading label="Loading the form editor…" />}>
              <FormDesigner key={formId} initial={schema} onChange={setSchema} />
            </Suspense>
          </div>
          {view === 'preview' && <FormPreview schema={schema} />}
        </>
      )}
    </section>
  );
}
