import { lazy, Suspense, useMemo, useState } from 'react';
import type { Variables } from '../api/types';
import { Loading } from '../components/Loading';
import type { FormSchema } from '../tasks/form-schema';
import { sampleDataFor } from './sample-data';

const TaskFormView = lazy(() => import('../tasks/TaskFormView'));

type Parsed = { data: Variables; error: null } | { data: null; error: string };

function parseSample(text: string): Parsed {
  try {
    const data = JSON.parse(text) as unknown;
    if (typeof data === 'object' && data !== null && !Array.isArray(data)) return { data: data as Variables, error: null };
    return { data: null, error: 'Sample data must be a JSON object, like {"title": "SOP-QA-0012"}' };
  } catch (error) {
    return { data: null, error: `Sample data is not valid JSON: ${(error as Error).message}` };
  }
}

/**
 * The form as staff will see it in the tasklist (the same viewer), filled with sample
 * data the process owner can edit; "Check" validates the form and shows the variables
 * completing the task would send.
 */
export function FormPreview({ schema }: { schema: FormSchema }) {
  const [sampleText, setSampleText] = useState(() => JSON.stringify(sampleDataFor(schema), null, 2));
  const [submitted, setSubmitted] = useState<Variables | null>(null);
  const sample = useMemo(() => parseSample(sampleText), [sampleText]);

  return (
    <div className="form-preview">
      <div className="form-preview-form card">
        <h2 className="card-title">Preview</h2>
        <Suspense fallback={<Loading label="Loading the form…" />}>
          {sample.data && <TaskFormView schema={schema} data={sample.data} submitLabel="Check" onSubmit={setSubmitted} />}
        </Suspense>
      </div>
      <div className="form-preview-data card">
        <label htmlFor="form-sample-data" className="card-title">
          Sample data (JSON)
        </label>
        <textarea
          id="form-sample-data"
          className="form-sample-data"
          spellCheck={false}
          value={sampleText}
          onChange={(event) => setSampleText(event.target.value)}
          aria-invalid={sample.error !== null}
          aria-describedby={sample.error ? 'form-sample-error' : undefined}
        />
        {sample.error && (
          <p id="form-sample-error" className="field-error" role="alert">
            {sample.error}
          </p>
        )}
        <button type="button" className="button-secondary button-small" onClick={() => setSampleText(JSON.stringify(sampleDataFor(schema), null, 2))}>
          Fill from the fields
        </button>
        {submitted && (
          <>
            <h3>Completing the task would send</h3>
            <pre className="form-submitted" data-testid="form-submitted">{JSON.stringify(submitted, null, 2)}</pre>
          </>
        )}
      </div>
    </div>
  );
}
