/**
 * Small builders for test diagrams: just enough XML to exercise one rule at a time.
 * Layout (bpmndi) is left out; the realistic fixture carries it.
 */

const NAMESPACES = [
  'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"',
  'xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"',
  'xmlns:qualflow="http://qualflow.dev/schema/bpmn"',
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
].join(' ');

/** A `bpmn:definitions` document around `content`. */
export function definitions(content: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<bpmn:definitions ${NAMESPACES} id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">\n${content}\n</bpmn:definitions>`;
}

/** A document with one executable process `Process_1` holding `body`. */
export function processXml(body: string, options: { id?: string; name?: string; extensions?: string } = {}): string {
  const name = options.name === undefined ? '' : ` name="${options.name}"`;
  const extensions = options.extensions ? `<bpmn:extensionElements>${options.extensions}</bpmn:extensionElements>` : '';
  return definitions(`<bpmn:process id="${options.id ?? 'Process_1'}"${name} isExecutable="true">${extensions}\n${body}\n</bpmn:process>`);
}

/** `start → <body elements> → end`: wraps one element `Task_1` (or whatever `id` is) between a start and an end event. */
export function between(element: string, id = 'Task_1'): string {
  return [
    '<bpmn:startEvent id="Start_1" name="Start" />',
    element,
    '<bpmn:endEvent id="End_1" name="Done" />',
    flow('Flow_in', 'Start_1', id),
    flow('Flow_out', id, 'End_1'),
  ].join('\n');
}

/** A sequence flow, optionally with a condition (written as given, e.g. `=approved`). */
export function flow(id: string, source: string, target: string, condition?: string, name?: string): string {
  const named = name ? ` name="${name}"` : '';
  if (condition === undefined) return `<bpmn:sequenceFlow id="${id}"${named} sourceRef="${source}" targetRef="${target}" />`;
  return `<bpmn:sequenceFlow id="${id}"${named} sourceRef="${source}" targetRef="${target}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${escapeXml(condition)}</bpmn:conditionExpression></bpmn:sequenceFlow>`;
}

/** A user task with the Camunda user task marker plus any extension elements given. */
export function userTask(id: string, name: string, extensions = '', attributes = ''): string {
  return `<bpmn:userTask id="${id}" name="${name}"${attributes ? ` ${attributes}` : ''}><bpmn:extensionElements><zeebe:userTask />${extensions}</bpmn:extensionElements></bpmn:userTask>`;
}

/** A service task of a handler type. */
export function serviceTask(id: string, name: string, type = 'qualflow:notify', extra = ''): string {
  return `<bpmn:serviceTask id="${id}" name="${name}"><bpmn:extensionElements><zeebe:taskDefinition type="${type}" />${extra}</bpmn:extensionElements></bpmn:serviceTask>`;
}

/** A timer boundary event with a duration. */
export function timerBoundary(id: string, name: string, attachedTo: string, duration: string, interrupting = true): string {
  return `<bpmn:boundaryEvent id="${id}" name="${name}" attachedToRef="${attachedTo}" cancelActivity="${interrupting}"><bpmn:timerEventDefinition id="${id}_timer"><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${escapeXml(duration)}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>`;
}

export function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
