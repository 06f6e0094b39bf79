/**
 * The "Edit form" / "Create form" action of a user task: opens the form editor for the
 * task's linked form in a new tab (the diagram stays open); for a task without a form it
 * first links a new form id (one undoable step), then opens the editor on that new form.
 */
import { hrefOf } from '../../router/routes';
import { formDefinitionOf, formLinkOf, suggestFormId, type ModdleElement } from './form-link';

interface DiagramElement {
  id: string;
  businessObject: ModdleElement & { $parent?: ModdleElement };
}

interface BpmnFactory {
  create(type: string, properties?: Record<string, unknown>): ModdleElement & { $parent?: unknown };
}

interface CommandStack {
  execute(command: string, context: unknown): void;
}

export default class FormLink {
  static $inject = ['bpmnFactory', 'commandStack'];

  constructor(
    private readonly bpmnFactory: BpmnFactory,
    private readonly commandStack: CommandStack,
  ) {}

  /** Opens the editor on the task's form; links a new form id first when the task has none. */
  open(element: DiagramElement): void {
    const task = element.businessObject;
    const link = formLinkOf(task);
    if (link.kind === 'other') return;
    const formId = link.kind === 'linked' ? link.formId : this.linkNewForm(element);
    window.open(hrefOf({ name: 'form', formId, title: link.kind === 'linked' ? '' : (task.name ?? '') }), '_blank');
  }

  private linkNewForm(element: DiagramElement): string {
    const task = element.businessObject;
    const formId = suggestFormId(processIdOf(task), task.name, task.id ?? element.id);
    const commands: { cmd: string; context: Record<string, unknown> }[] = [];
    let extensionElements = task.get('extensionElements') as (ModdleElement & { $parent?: unknown }) | undefined;
    if (!extensionElements) {
      extensionElements = this.bpmnFactory.create('bpmn:ExtensionElements', { values: [] });
      extensionElements.$parent = task;
      commands.push(update(element, task, { extensionElements }));
    }
    const existing = formDefinitionOf(task);
    if (existing) {
      commands.push(update(element, existing, { formId, formKey: undefined, externalReference: undefined }));
    } else {
      const definition = this.bpmnFactory.create('zeebe:FormDefinition', { formId });
      definition.$parent = extensionElements;
      const values = (extensionElements.get('values') as unknown[] | undefined) ?? [];
      commands.push(update(element, extensionElements, { values: [...values, definition] }));
    }
    this.commandStack.execute('properties-panel.multi-command-executor', commands);
    return formId;
  }
}

function update(element: DiagramElement, moddleElement: ModdleElement, properties: Record<string, unknown>) {
  return { cmd: 'element.updateModdleProperties', context: { element, moddleElement, properties } };
}

/** The id of the process the task sits in (through sub-processes). */
function processIdOf(task: ModdleElement & { $parent?: ModdleElement }): string | undefined {
  let current: (ModdleElement & { $parent?: ModdleElement }) | undefined = task.$parent;
  while (current && current.$type !== 'bpmn:Process') current = current.$parent as typeof current;
  return current?.id;
}
