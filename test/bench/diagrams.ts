/**
 * Bench diagrams built in code (a 100-step file would be unreadable): a long chain of
 * service tasks, and a parallel multi-instance service task over a collection. Both use
 * the `qualflow:set-variables` handler, the cheapest one, so the figures measure the
 * engine rather than a handler; the hand-written baselines call the same activity.
 */

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Definitions_bench" targetNamespace="http://bpmn.io/schema/bpmn">';

/** The handler every bench service task runs, and the header it gets. */
export const BENCH_TASK_TYPE = 'qualflow:set-variables';

function serviceTask(id: string, name: string, headerValue: string, extra = ''): string {
  return `<bpmn:serviceTask id="${id}" name="${name}"><bpmn:extensionElements><zeebe:taskDefinition type="${BENCH_TASK_TYPE}" />`
    + `<zeebe:taskHeaders><zeebe:header key="last" value="${headerValue}" /></zeebe:taskHeaders></bpmn:extensionElements>${extra}</bpmn:serviceTask>`;
}

function flow(id: string, source: string, target: string): string {
  return `<bpmn:sequenceFlow id="${id}" sourceRef="${source}" targetRef="${target}" />`;
}

/** Start → S1 → … → S`steps` → End, each service task setting `last` to its step number. */
export function sequentialServiceTasks(steps: number): string {
  const ids = ['Start', ...Array.from({ length: steps }, (_, index) => `S${index + 1}`), 'End'];
  const elements = [
    '<bpmn:startEvent id="Start" name="Start" />',
    ...ids.slice(1, -1).map((id, index) => serviceTask(id, `Step ${index + 1}`, String(index + 1))),
    '<bpmn:endEvent id="End" name="End" />',
    ...ids.slice(1).map((id, index) => flow(`F${index}`, ids[index], id)),
  ];
  return `${HEAD}\n<bpmn:process id="bench-${steps}-steps" name="Bench: ${steps} steps" isExecutable="true">\n${elements.join('\n')}\n</bpmn:process>\n</bpmn:definitions>`;
}

/** Start → a parallel multi-instance service task over `items` (output collection `results`) → End. */
export function parallelMultiInstance(): string {
  const loop = '<bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements>'
    + '<zeebe:loopCharacteristics inputCollection="=items" inputElement="item" outputCollection="results" outputElement="=item" />'
    + '</bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>';
  const elements = [
    '<bpmn:startEvent id="Start" name="Start" />',
    serviceTask('Each', 'Handle item', 'item', loop),
    '<bpmn:endEvent id="End" name="End" />',
    flow('F0', 'Start', 'Each'),
    flow('F1', 'Each', 'End'),
  ];
  return `${HEAD}\n<bpmn:process id="bench-parallel-mi" name="Bench: parallel multi-instance" isExecutable="true">\n${elements.join('\n')}\n</bpmn:process>\n</bpmn:definitions>`;
}
