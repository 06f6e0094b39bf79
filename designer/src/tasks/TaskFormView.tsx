import { useEffect, useRef } from 'react';
import { Form } from '@bpmn-io/form-js';
import '@bpmn-io/form-js/dist/assets/form-js.css';
import type { Variables } from '../api/types';
import type { FormSchema } from './form-schema';

export interface TaskFormViewProps {
  schema: FormSchema;
  data: Variables;
  readOnly?: boolean;
  busy?: boolean;
  submitLabel?: string;
  onSubmit?(data: Variables): void;
}

/**
 * A task's form rendered by form-js, prefilled with the task's variables. Loaded on
 * demand (default export for `React.lazy`). The form validates itself; `onSubmit` only
 * sees data that passed.
 */
export default function TaskFormView({ schema, data, readOnly, busy, submitLabel, onSubmit }: TaskFormViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const form = useRef<Form | null>(null);
  const submitRef = useRef(onSubmit);
  submitRef.current = onSubmit;

  useEffect(() => {
    const instance = new Form({ container: container.current! });
    form.current = instance;
    instance.on('submit', (event: { data: Variables; errors: Record<string, unknown> }) => {
      if (Object.keys(event.errors ?? {}).length === 0) submitRef.current?.(event.data);
      else requestAnimationFrame(() => focusFirstError(container.current));
    });
    void instance.importSchema(schema, data).then(() => {
      if (readOnly) instance.setProperty('readOnly', true);
    });
    return () => {
      instance.destroy();
      form.current = null;
    };
  }, [schema, data, readOnly]);

  useEffect(() => {
    form.current?.setProperty('disabled', Boolean(busy));
  }, [busy]);

  return (
    <div className="task-form">
      <div ref={container} className="task-form-body" />
      {!readOnly && (
        <div className="form-actions">
          <button type="button" className="button-primary" disabled={busy} onClick={() => form.current?.submit()}>
            {busy ? 'Completing…' : (submitLabel ?? 'Complete task')}
          </button>
        </div>
      )}
    </div>
  );
}

function focusFirstError(root: HTMLElement | null): void {
  root?.querySelector<HTMLElement>('.fjs-has-errors input, .fjs-has-errors textarea, .fjs-has-errors select')?.focus();
}
