/**
 * Reading and changing Qualflow's extension elements (`qualflow:deadline`,
 * `qualflow:escalationPolicy` and its children) through bpmn-js commands, so every change
 * is one undoable step. An extension left empty is removed, since the compiler refuses
 * an empty deadline and warns about an empty policy.
 */

/** A bpmn-moddle element, as far as this module reads it. */
export interface ModdleElement {
  $type: string;
  $parent?: ModdleElement;
  get(name: string): any;
  $instanceOf(type: string): boolean;
}

/** A diagram element (shape or root) with its business object. */
export interface DiagramElement {
  id: string;
  businessObject: ModdleElement;
}

interface Command {
  cmd: string;
  context: Record<string, unknown>;
}

/** The services the writers need, taken from the bpmn-js injector. */
export interface Injector {
  get<T = any>(name: string): T;
}

/** The extension element of `type` (e.g. `qualflow:Deadline`) on a business object, if any. */
export function findExtension(businessObject: ModdleElement, type: string): ModdleElement | undefined {
  const values: ModdleElement[] = businessObject.get('extensionElements')?.get('values') ?? [];
  return values.find((value) => value.$instanceOf(type));
}

function update(element: DiagramElement, moddleElement: ModdleElement, properties: Record<string, unknown>): Command {
  return { cmd: 'element.updateModdleProperties', context: { element, moddleElement, properties } };
}

function create(injector: Injector, type: string, attributes: Record<string, unknown>, parent: ModdleElement): ModdleElement {
  const created = injector.get('bpmnFactory').create(type, attributes) as ModdleElement & { $parent?: ModdleElement };
  created.$parent = parent;
  return created;
}

function execute(injector: Injector, commands: Command[]): void {
  injector.get('commandStack').execute('properties-panel.multi-command-executor', commands);
}

/** Commands that add a new extension element of `type` to the element; returns it with the commands. */
function addExtension(injector: Injector, element: DiagramElement, type: string, attributes: Record<string, unknown>) {
  const businessObject = element.businessObject;
  const commands: Command[] = [];
  let extensionElements: ModdleElement | undefined = businessObject.get('extensionElements');
  if (!extensionElements) {
    extensionElements = create(injector, 'bpmn:ExtensionElements', { values: [] }, businessObject);
    commands.push(update(element, businessObject, { extensionElements }));
  }
  const extension = create(injector, type, attributes, extensionElements);
  commands.push(update(element, extensionElements, { values: [...extensionElements.get('values'), extension] }));
  return { extension, commands };
}

function removeExtension(element: DiagramElement, extension: ModdleElement): Command {
  const extensionElements = extension.$parent!;
  return update(element, extensionElements, { values: extensionElements.get('values').filter((value: ModdleElement) => value !== extension) });
}

/** An attribute value as stored: trimmed text, or undefined (attribute removed) when blank. */
function storedValue(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/**
 * Sets one attribute of the element's `qualflow:deadline`, creating it for a duration when
 * absent and removing it when neither `dueIn` nor `followUpIn` is left.
 */
export function setDeadlineAttribute(injector: Injector, element: DiagramElement, property: string, value: string | undefined): void {
  const stored = storedValue(value);
  const deadline = findExtension(element.businessObject, 'qualflow:Deadline');
  if (!deadline) {
    if (stored !== undefined && property !== 'time') execute(injector, addExtension(injector, element, 'qualflow:Deadline', { [property]: stored }).commands);
    return;
  }
  const after = { dueIn: deadline.get('dueIn'), followUpIn: deadline.get('followUpIn'), [property]: stored };
  const empty = !after.dueIn && !after.followUpIn;
  execute(injector, [empty ? removeExtension(element, deadline) : update(element, deadline, { [property]: stored })]);
}

/** The policy's reminders or escalation levels (empty without a policy). */
export function policyItems(element: DiagramElement, list: 'reminders' | 'levels'): ModdleElement[] {
  return findExtension(element.businessObject, 'qualflow:EscalationPolicy')?.get(list) ?? [];
}

/** Adds a reminder (`qualflow:Reminder`) or an escalation level (`qualflow:Escalation`), creating the policy when absent. */
export function addPolicyItem(injector: Injector, element: DiagramElement, list: 'reminders' | 'levels', attributes: Record<string, string>): void {
  const type = list === 'reminders' ? 'qualflow:Reminder' : 'qualflow:Escalation';
  const existing = findExtension(element.businessObject, 'qualflow:EscalationPolicy');
  if (existing) {
    const item = create(injector, type, attributes, existing);
    execute(injector, [update(element, existing, { [list]: [...existing.get(list), item] })]);
    return;
  }
  const { extension: policy, commands } = addExtension(injector, element, 'qualflow:EscalationPolicy', {});
  const item = create(injector, type, attributes, policy);
  execute(injector, [...commands, update(element, policy, { [list]: [item] })]);
}

/** Removes one reminder or level; the policy goes too when nothing is left in it. */
export function removePolicyItem(injector: Injector, element: DiagramElement, item: ModdleElement): void {
  const policy = item.$parent!;
  const list = item.$instanceOf('qualflow:Reminder') ? 'reminders' : 'levels';
  const other = list === 'reminders' ? 'levels' : 'reminders';
  const remaining = policy.get(list).filter((value: ModdleElement) => value !== item);
  const empty = remaining.length === 0 && policy.get(other).length === 0;
  execute(injector, [empty ? removeExtension(element, policy) : update(element, policy, { [list]: remaining })]);
}

/** Sets an attribute of any moddle element belonging to `element` (a policy item, the process, the task). */
export function setAttribute(injector: Injector, element: DiagramElement, moddleElement: ModdleElement, property: string, value: unknown): void {
  execute(injector, [update(element, moddleElement, { [property]: typeof value === 'string' ? storedValue(value) : value })]);
}
