/**
 * Properties-panel provider that puts the form editor action into a user task's "Form"
 * group (the Zeebe provider's), or into a "Form" group of its own when that is absent.
 */
import { Group } from '@bpmn-io/properties-panel';
import { FormLinkEntry } from './FormLinkEntry';

interface Entry {
  id: string;
  component: unknown;
  isEdited?: (node: unknown) => boolean;
}

interface PanelGroup {
  id: string;
  label?: string;
  entries: Entry[];
  component?: unknown;
}

interface PropertiesPanel {
  registerProvider(priority: number, provider: object): void;
}

interface DiagramElement {
  businessObject: { $type: string };
}

/** After the Zeebe provider (priority 500) built its groups. */
const AFTER_ZEEBE = 400;

const FORM_LINK_ENTRY_ID = 'qualflow-form-link';

export default class FormLinkProvider {
  static $inject = ['propertiesPanel'];

  constructor(propertiesPanel: PropertiesPanel) {
    propertiesPanel.registerProvider(AFTER_ZEEBE, this);
  }

  getGroups(element: DiagramElement) {
    return (groups: PanelGroup[]): PanelGroup[] => {
      if (element.businessObject.$type !== 'bpmn:UserTask') return groups;
      const entry: Entry = { id: FORM_LINK_ENTRY_ID, component: FormLinkEntry };
      const formGroup = groups.find((group) => group.id === 'form');
      if (formGroup) {
        formGroup.entries = [...formGroup.entries, entry];
        return groups;
      }
      return [...groups, { id: 'qualflow-form', label: 'Form', entries: [entry], component: Group }];
    };
  }
}
