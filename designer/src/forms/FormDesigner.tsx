import { useEffect, useRef } from 'react';
import { FormEditor } from '@bpmn-io/form-js';
import '@bpmn-io/form-js/dist/assets/form-js.css';
import '@bpmn-io/form-js/dist/assets/form-js-editor.css';
import '@bpmn-io/form-js/dist/assets/properties-panel.css';
import type { FormSchema } from '../tasks/form-schema';

export interface FormDesignerProps {
  /** The schema the editor opens with; later changes of this prop are ignored. */
  initial: FormSchema;
  onChange(schema: FormSchema): void;
}

/**
 * The form-js editor (palette, canvas, properties panel) over one form. Reports every
 * change of the schema; the page decides when to save.
 */
export function FormDesigner({ initial, onChange }: FormDesignerProps) {
  const container = useRef<HTMLDivElement>(null);
  const changeRef = useRef(onChange);
  changeRef.current = onChange;
  const initialRef = useRef(initial);

  useEffect(() => {
    const editor = new FormEditor({ container: container.current!, exporter: { name: 'Qualflow', version: '1' } });
    editor.on('changed', () => changeRef.current(editor.saveSchema() as FormSchema));
    void editor.importSchema(initialRef.current).catch((error: Error) => console.error(`The form could not be opened: ${error.message}`));
    return () => editor.destroy();
  }, []);

  return <div ref={container} className="form-designer" data-testid="form-designer" />;
}
