/**
 * Popup-menu entries that apply an element template to a diagram element: one entry per
 * template that applies to it (latest version), in a "Templates" group.
 */
import type { ElementTemplate } from './templates';

export interface DiagramElement {
  id: string;
  type: string;
}

export interface ElementTemplates {
  getLatest(element: DiagramElement): ElementTemplate[];
  applyTemplate(element: DiagramElement, template: ElementTemplate): DiagramElement;
}

export interface Selection {
  select(element: DiagramElement): void;
}

export interface TemplateEntry {
  label: string;
  description: string;
  group: { id: string; name: string };
  className: string;
  action(): void;
}

/** The entries that turn `element` into one of the templates it may take. */
export function templateEntries(element: DiagramElement, elementTemplates: ElementTemplates, selection: Selection): Record<string, TemplateEntry> {
  return Object.fromEntries(
    elementTemplates.getLatest(element).map((template) => [
      `apply-template-${template.id}`,
      {
        label: template.name,
        description: template.description,
        group: { id: 'qualflow-templates', name: 'Templates' },
        className: 'bpmn-icon-task qualflow-template-entry',
        action() {
          selection.select(elementTemplates.applyTemplate(element, template));
        },
      },
    ]),
  );
}
