/**
 * One properties-panel entry for one Qualflow attribute, described as data (label, how to
 * read it, how to write it): a text field, a select when `options` are given, or a checkbox.
 * Every Qualflow group is built from these, so the groups hold only what they edit.
 */
import {
  CheckboxEntry,
  SelectEntry,
  TextFieldEntry,
  isCheckboxEntryEdited,
  isSelectEntryEdited,
  isTextFieldEntryEdited,
} from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import type { DiagramElement, Injector } from './extension-elements';

export interface FieldSpec {
  id: string;
  label: string;
  description?: string;
  /** A select with these choices; a text field when absent (unless `checkbox`). */
  options?: { value: string; label: string }[];
  checkbox?: boolean;
  get(element: DiagramElement): string | boolean | undefined;
  set(injector: Injector, element: DiagramElement, value: string | boolean | undefined): void;
}

/** A properties-panel entry object: the panel renders `component` with the entry's other fields as props. */
interface PanelEntry {
  id: string;
  component: (props: any) => unknown;
  isEdited: (node: unknown) => boolean;
  [prop: string]: unknown;
}

function FieldEntry({ element, spec }: { element: DiagramElement; spec: FieldSpec }) {
  const injector = useService<Injector>('injector');
  const translate = useService<(text: string) => string>('translate');
  const debounce = useService('debounceInput');
  const common = {
    element,
    id: spec.id,
    label: translate(spec.label),
    description: spec.description && translate(spec.description),
    getValue: () => spec.get(element) ?? (spec.checkbox ? false : ''),
    setValue: (value: string | boolean | undefined) => spec.set(injector, element, value),
  };
  if (spec.checkbox) return CheckboxEntry(common);
  if (spec.options) return SelectEntry({ ...common, getOptions: () => spec.options });
  return TextFieldEntry({ ...common, debounce });
}

/** The panel entry for a field. */
export function fieldEntry(spec: FieldSpec): PanelEntry {
  const isEdited = spec.checkbox ? isCheckboxEntryEdited : spec.options ? isSelectEntryEdited : isTextFieldEntryEdited;
  return { id: spec.id, component: FieldEntry, isEdited, spec };
}
